package dev.airlock.classify.shell.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shell parser's entry and its top of the grammar: scripts, lists, and-or lists, pipelines,
 * simple commands, assignments and redirections. Recursive descent over the layers below it ({@link
 * Scanner}, {@link WordReader}, {@link ExpansionReader}, {@link CompoundParser}).
 *
 * <p>Implementation notes. A here-document body follows its command line, but the records holding
 * it are immutable and built before the body is reached. So a text with here-documents is parsed
 * twice ({@link #run}): the first pass collects the bodies by the offset of their operator, the
 * second attaches them. Backquoted substitutions found in the first pass are reused by the second.
 */
final class Parser extends CompoundParser {

  private final @Nullable Map<Integer, CommandSub> backticksIn;

  private final Map<Integer, CommandSub> backticksOut = new HashMap<>();

  private Parser(
      String top,
      String src,
      @Nullable Span fixed,
      Budget budget,
      int depth,
      @Nullable Map<Integer, Heredoc> known,
      @Nullable Map<Integer, CommandSub> backticksIn) {
    super(top, src, fixed, budget, depth, known);
    this.backticksIn = backticksIn;
  }

  /** Parses {@code text}, in two passes when it holds here-documents. */
  static Script run(String top, String text, @Nullable Span fixed, Budget budget, int depth) {
    int mark = budget.tokens;
    long kept = budget.kept;
    Parser first = new Parser(top, text, fixed, budget, depth, null, null);
    Script script = first.parseTop();
    if (!first.sawHeredoc) {
      return script;
    }
    budget.tokens = mark;
    budget.kept = kept;
    return new Parser(top, text, fixed, budget, depth, first.found, first.backticksOut).parseTop();
  }

  private Script parseTop() {
    List<Node> body = parseList();
    flushHeredocs();
    if (errors.size() > 1) {
      // Only when there is something to sort: the comparator's method handle is spun up at run
      // time, which every hook start would pay for.
      errors.sort(Comparator.comparingInt(SyntaxError::offset));
    }
    return new Script(top, body, errors);
  }

  @Override
  Script parseSub(int open, String what) {
    int mark = errors.size();
    int[] saved = expect;
    expect = new int[CLOSERS];
    expect[C_RPAREN] = 1;
    List<Node> body = parseList();
    expect = saved;
    if (peek() == T_RPAREN) {
      pos = tokEnd;
    } else {
      error(open, "unterminated " + what);
    }
    List<SyntaxError> own = errors.size() == mark ? List.of() : errors.subList(mark, errors.size());
    return new Script(top, body, own);
  }

  @Override
  CommandSub parseBacktick(String text, Span span, int offset) {
    Map<Integer, CommandSub> cache = backticksIn;
    CommandSub hit = cache != null ? cache.get(offset) : null;
    if (hit == null) {
      enter();
      Script body = run(top, text, span, budget, depth);
      leave();
      hit = new CommandSub(body, true, span);
    }
    errors.addAll(hit.body().errors());
    backticksOut.put(offset, hit);
    return hit;
  }

  // ---- lists

  @Override
  List<Node> parseList() {
    List<Node> items = new ArrayList<>(2);
    for (; ; ) {
      skipBlanks();
      int t = peek();
      switch (t) {
        case T_EOF -> {
          return items;
        }
        case T_NEWLINE -> {
          newline();
          continue;
        }
        case T_RPAREN -> {
          if (expect[C_RPAREN] > 0) {
            return items;
          }
          stray();
          continue;
        }
        case T_DSEMI, T_SEMI_AMP, T_DSEMI_AMP -> {
          if (expect[C_DSEMI] > 0) {
            return items;
          }
          stray();
          continue;
        }
        case T_SEMI, T_AMP, T_AND, T_OR, T_PIPE, T_PIPE_AMP -> {
          stray();
          continue;
        }
        default -> {}
      }
      if (t == T_WORD) {
        int r = reserved();
        int c = closer(r);
        if (c >= 0 && expect[c] > 0) {
          return items;
        }
        if (misplaced(r)) {
          tokEnd = rwEnd;
          stray();
          continue;
        }
      }
      int start = pos;
      Node node = parseAndOr();
      skipBlanks();
      t = peek();
      if (t == T_AMP) {
        pos = tokEnd;
        budget.token();
        node = new Background(node, span(start, pos));
      } else if (t == T_SEMI) {
        pos = tokEnd;
        budget.token();
      } else if (t == T_NEWLINE) {
        newline();
      } else if (t == T_LPAREN || t == T_WORD && !misplaced(reserved())) {
        error(pos, "expected `;`, `&` or a newline before this");
      }
      items.add(node);
    }
  }

  private void stray() {
    error(pos, "unexpected `" + src.substring(pos, tokEnd) + "`");
    pos = tokEnd;
    budget.token();
  }

  private Node parseAndOr() {
    int start = pos;
    Node left = parsePipeline();
    for (; ; ) {
      skipBlanks();
      int t = peek();
      if (t != T_AND && t != T_OR) {
        return left;
      }
      String op = t == T_AND ? "&&" : "||";
      int at = pos;
      pos = tokEnd;
      budget.token();
      skipLinebreak();
      if (!startsCommand()) {
        error(at, "expected a command after `" + op + "`");
        return left;
      }
      Node right = parsePipeline();
      left = new AndOr(left, op, right, span(start, right.span().end()));
    }
  }

  private Node parsePipeline() {
    int start = pos;
    boolean negated = false;
    boolean timed = false;
    int prefixEnd = pos;
    for (; ; ) {
      skipBlanks();
      if (peek() != T_WORD) {
        break;
      }
      int r = reserved();
      if (r == R_BANG) {
        negated = !negated;
        pos = rwEnd;
      } else if (r == R_TIME && !timed) {
        timed = true;
        pos = rwEnd;
        skipBlanks();
        if (at(pos) == '-' && at(pos + 1) == 'p' && isMeta(at(pos + 2))) {
          pos += 2;
        }
      } else {
        break;
      }
      budget.token();
      prefixEnd = pos;
    }
    if (!startsCommand()) {
      int t = peek();
      if (!negated && !timed || t == T_AND || t == T_OR || t == T_PIPE || t == T_PIPE_AMP) {
        error(pos, "expected a command");
      }
      return new Pipeline(List.of(), negated, timed, span(start, prefixEnd));
    }
    Node first = parseCommand();
    Node last = first;
    List<Node> stages = null;
    for (; ; ) {
      skipBlanks();
      int t = peek();
      if (t != T_PIPE && t != T_PIPE_AMP) {
        break;
      }
      int at = pos;
      pos = tokEnd;
      budget.token();
      skipLinebreak();
      if (!startsCommand()) {
        error(at, "expected a command after `|`");
        break;
      }
      if (stages == null) {
        stages = new ArrayList<>(4);
        stages.add(first);
      }
      last = parseCommand();
      stages.add(last);
    }
    if (stages == null && !negated && !timed) {
      return first;
    }
    return new Pipeline(
        stages != null ? stages : List.of(first), negated, timed, span(start, last.span().end()));
  }

  // ---- commands

  @Override
  Node parseCommand() {
    skipBlanks();
    int t = peek();
    int start = pos;
    if (t == T_LPAREN) {
      return at(pos + 1) == '(' && arithAt(pos) ? arithCommand(start) : subshell(start);
    }
    if (t == T_WORD) {
      switch (reserved()) {
        case R_IF -> {
          return parseIf(start);
        }
        case R_WHILE -> {
          return parseLoop(start, "while");
        }
        case R_UNTIL -> {
          return parseLoop(start, "until");
        }
        case R_FOR -> {
          return parseFor(start, "for");
        }
        case R_SELECT -> {
          return parseFor(start, "select");
        }
        case R_CASE -> {
          return parseCase(start);
        }
        case R_LBRACE -> {
          return group(start);
        }
        case R_DLBRACK -> {
          return test(start);
        }
        case R_FUNCTION -> {
          return function(start);
        }
        case R_COPROC -> {
          return coproc(start);
        }
        default -> {}
      }
    }
    return parseSimple(start);
  }

  private Node parseSimple(int start) {
    List<Assignment> assignments = List.of();
    List<Word> words = List.of();
    List<Redirect> redirects = List.of();
    Span last = span(start, start);
    for (; ; ) {
      skipBlanks();
      int t = peek();
      if (t == T_REDIR) {
        Redirect r = parseRedirect();
        if (redirects.isEmpty()) {
          redirects = new ArrayList<>(2);
        }
        redirects.add(r);
        last = r.span();
        continue;
      }
      if (t != T_WORD) {
        break;
      }
      if (words.isEmpty()) {
        int eq = assignmentAt(pos);
        if (eq >= 0) {
          Assignment a = parseAssignment(eq);
          if (assignments.isEmpty()) {
            assignments = new ArrayList<>(2);
          }
          assignments.add(a);
          last = a.span();
          continue;
        }
      }
      int ws = pos;
      Word w = readWord(W_NORMAL);
      int we = pos;
      if (we == ws) {
        error(pos, "unexpected `" + one(at(pos)) + "`");
        pos++;
        continue;
      }
      if (words.isEmpty()) {
        words = new ArrayList<>(4);
      }
      words.add(w);
      last = w.span();
      if (words.size() == 1 && assignments.isEmpty() && redirects.isEmpty()) {
        skipBlanks();
        if (peek() == T_LPAREN) {
          int open = pos;
          pos = tokEnd;
          skipBlanks();
          if (peek() == T_RPAREN) {
            pos = tokEnd;
            budget.token();
            return functionBody(start, src.substring(ws, we));
          }
          pos = open;
          break;
        }
      }
    }
    return new SimpleCommand(assignments, words, redirects, span(start, last.end()));
  }

  @Override
  Redirect parseRedirect() {
    int start = pos;
    int fd = redirFd;
    String op = redirOp;
    int opEnd = tokEnd;
    pos = opEnd;
    budget.token();
    skipBlanks();
    int t = peek();
    int ws = pos;
    Word target;
    if (t == T_REDIR && isDigit(at(pos)) && (op.equals(">&") || op.equals("<&"))) {
      // 2>&1>out: the digits are this target, the operator after them starts the next redirection
      while (isDigit(at(pos))) {
        pos++;
      }
      Span sp = span(ws, pos);
      target = new Word(List.of(new Literal(src.substring(ws, pos), false, false, sp)), sp);
      budget.token();
    } else if (t == T_WORD) {
      target = readWord(W_NORMAL);
    } else {
      error(start, "expected a word after `" + op + "`");
      return new Redirect(fd, op, null, null, span(start, opEnd));
    }
    int we = pos;
    Heredoc doc = null;
    if (op.equals("<<") || op.equals("<<-")) {
      boolean[] quoted = new boolean[1];
      String delimiter = delimiter(ws, we, quoted);
      heredoc(start, delimiter, op.equals("<<-"), quoted[0]);
      Map<Integer, Heredoc> bodies = known;
      doc = bodies != null ? bodies.get(start) : null;
    }
    return new Redirect(fd, op, target, doc, span(start, we));
  }

  /**
   * Where the value starts if an assignment {@code name=}, {@code name+=}, {@code name[i]=} starts
   * at {@code p}; else -1.
   */
  private int assignmentAt(int p) {
    if (!isNameStart(at(p))) {
      return -1;
    }
    int i = p + 1;
    while (isNameChar(at(i))) {
      i++;
    }
    if (at(i) == '[') {
      int level = 0;
      for (; ; i++) {
        int c = at(i);
        if (c == '[') {
          level++;
        } else if (c == ']') {
          if (--level == 0) {
            break;
          }
        } else if (isMeta(c) || c == '`') {
          return -1;
        }
      }
      i++;
    }
    if (at(i) == '+' && at(i + 1) == '=') {
      return i + 2;
    }
    return at(i) == '=' ? i + 1 : -1;
  }

  private Assignment parseAssignment(int eq) {
    int s = pos;
    boolean append = src.charAt(eq - 2) == '+';
    String name = src.substring(s, append ? eq - 2 : eq - 1);
    pos = eq;
    budget.token();
    if (at(pos) != '(') {
      Word value = readWord(W_ASSIGN);
      return new Assignment(name, value, List.of(), append, span(s, pos));
    }
    int open = pos;
    pos++;
    enter();
    List<Word> elements = new ArrayList<>();
    for (; ; ) {
      skipBlanks();
      int t = peek();
      if (t == T_NEWLINE) {
        newline();
      } else if (t == T_RPAREN) {
        pos = tokEnd;
        break;
      } else if (t == T_WORD) {
        elements.add(readWord(W_NORMAL));
      } else {
        error(
            t == T_EOF ? open : pos,
            t == T_EOF
                ? "unterminated array assignment"
                : "unexpected token in an array assignment");
        break;
      }
    }
    leave();
    return new Assignment(name, null, elements, append, span(s, pos));
  }
}
