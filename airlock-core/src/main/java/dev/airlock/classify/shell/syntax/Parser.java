package dev.airlock.classify.shell.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The grammar level of the shell parser: lists, and-or lists, pipelines, simple and compound
 * commands, function definitions, redirections and assignments, by recursive descent.
 *
 * <p>Implementation notes. Error recovery rests on knowing which closing tokens ({@code )}, {@code
 * }}, {@code then}, {@code fi}, {@code done}, {@code ;;}, ...) some open construct is waiting for
 * ({@link #expect}). A list stops at a closer someone expects and leaves it for that construct; a
 * closer nobody expects is reported and skipped. Each construct consumes at least one token, so the
 * parse always moves forward, and recursion only happens inside constructs counted against the
 * depth bound.
 *
 * <p>A here-document body follows its command line, but the records holding it are immutable and
 * built before the body is reached. So a text with here-documents is parsed twice ({@link #run}):
 * the first pass collects the bodies by the offset of their operator, the second attaches them.
 */
final class Parser extends WordReader {

  private static final int C_RPAREN = 0;
  private static final int C_RBRACE = 1;
  private static final int C_THEN = 2;
  private static final int C_ELIF = 3;
  private static final int C_ELSE = 4;
  private static final int C_FI = 5;
  private static final int C_DO = 6;
  private static final int C_DONE = 7;
  private static final int C_ESAC = 8;
  private static final int C_DSEMI = 9;
  private static final int CLOSERS = 10;

  /** How many open constructs wait for each closer. */
  private int[] expect = new int[CLOSERS];

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
    Parser first = new Parser(top, text, fixed, budget, depth, null, null);
    Script script = first.parseTop();
    if (!first.sawHeredoc) {
      return script;
    }
    budget.tokens = mark;
    return new Parser(top, text, fixed, budget, depth, first.found, first.backticksOut).parseTop();
  }

  private Script parseTop() {
    List<Node> body = parseList();
    flushHeredocs();
    errors.sort(Comparator.comparingInt(SyntaxError::offset));
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

  private static int closer(int reserved) {
    return switch (reserved) {
      case R_RBRACE -> C_RBRACE;
      case R_THEN -> C_THEN;
      case R_ELIF -> C_ELIF;
      case R_ELSE -> C_ELSE;
      case R_FI -> C_FI;
      case R_DO -> C_DO;
      case R_DONE -> C_DONE;
      case R_ESAC -> C_ESAC;
      default -> -1;
    };
  }

  /** Parses commands until the end, or a closer some open construct expects (left unconsumed). */
  private List<Node> parseList() {
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
        int c = closer(reserved());
        if (c >= 0) {
          if (expect[c] > 0) {
            return items;
          }
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
      } else if (t == T_LPAREN || t == T_WORD && closer(reserved()) < 0) {
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

  /** Whether a command starts at {@link #pos} (blanks skipped). */
  private boolean startsCommand() {
    int t = peek();
    return t == T_LPAREN || t == T_REDIR || t == T_WORD && closer(reserved()) < 0;
  }

  private void skipLinebreak() {
    for (; ; ) {
      skipBlanks();
      if (at(pos) != '\n') {
        return;
      }
      newline();
    }
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
      if (!negated && !timed) {
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

  private Node parseCommand() {
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

  private Redirect parseRedirect() {
    int start = pos;
    int fd = redirFd;
    String op = redirOp;
    int opEnd = tokEnd;
    pos = opEnd;
    budget.token();
    skipBlanks();
    if (peek() != T_WORD) {
      error(start, "expected a word after `" + op + "`");
      return new Redirect(fd, op, null, null, span(start, opEnd));
    }
    int ws = pos;
    Word target = readWord(W_NORMAL);
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

  // ---- compound commands

  /** Consumes the reserved word {@code r} if it is next. */
  private boolean accept(int r) {
    skipBlanks();
    if (peek() == T_WORD && reserved() == r) {
      pos = rwEnd;
      budget.token();
      return true;
    }
    return false;
  }

  private List<Node> list(int closer) {
    expect[closer]++;
    List<Node> items = parseList();
    expect[closer]--;
    return items;
  }

  /** Reads the trailing redirections of a compound command and builds it. */
  private Compound finish(
      String keyword, List<Node> body, List<Word> words, int start, int closeEnd) {
    List<Redirect> redirects = List.of();
    Span last = null;
    for (; ; ) {
      skipBlanks();
      if (peek() != T_REDIR) {
        break;
      }
      Redirect r = parseRedirect();
      if (redirects.isEmpty()) {
        redirects = new ArrayList<>(2);
      }
      redirects.add(r);
      last = r.span();
    }
    int stop = last != null ? last.end() : closeEnd;
    return new Compound(keyword, body, words, redirects, span(start, stop));
  }

  private Node parseIf(int start) {
    pos = rwEnd;
    budget.token();
    enter();
    List<Node> body = new ArrayList<>();
    for (; ; ) {
      expect[C_FI]++;
      body.addAll(list(C_THEN));
      expect[C_FI]--;
      if (!accept(R_THEN)) {
        error(pos, "expected `then` after the `if` condition");
        accept(R_FI);
        break;
      }
      expect[C_ELIF]++;
      expect[C_ELSE]++;
      expect[C_FI]++;
      body.addAll(parseList());
      expect[C_ELIF]--;
      expect[C_ELSE]--;
      expect[C_FI]--;
      if (accept(R_ELIF)) {
        continue;
      }
      if (accept(R_ELSE)) {
        body.addAll(list(C_FI));
      }
      if (!accept(R_FI)) {
        error(pos, "expected `fi` to close `if`");
      }
      break;
    }
    int close = pos;
    leave();
    return finish("if", body, List.of(), start, close);
  }

  private Node parseLoop(int start, String keyword) {
    pos = rwEnd;
    budget.token();
    enter();
    expect[C_DONE]++;
    List<Node> body = new ArrayList<>(list(C_DO));
    expect[C_DONE]--;
    int close = doGroup(body, keyword);
    leave();
    return finish(keyword, body, List.of(), start, close);
  }

  /** Reads {@code do ... done} (or, after {@code for}, a {@code { }} group) into {@code body}. */
  private int doGroup(List<Node> body, String keyword) {
    if (accept(R_DO)) {
      body.addAll(list(C_DONE));
      if (!accept(R_DONE)) {
        error(pos, "expected `done` to close `" + keyword + "`");
      }
      return pos;
    }
    if (!keyword.equals("while")
        && !keyword.equals("until")
        && peek() == T_WORD
        && reserved() == R_LBRACE) {
      body.add(parseCommand());
      return pos;
    }
    error(pos, "expected `do` in `" + keyword + "`");
    accept(R_DONE);
    return pos;
  }

  private Node parseFor(int start, String keyword) {
    pos = rwEnd;
    budget.token();
    enter();
    List<Word> words = new ArrayList<>(4);
    skipBlanks();
    if (keyword.equals("for") && at(pos) == '(' && at(pos + 1) == '(') {
      int s = pos;
      ArithSub a = arith(s, s + 2, false);
      words.add(new Word(List.of(a), span(s, pos)));
      skipBlanks();
      if (peek() == T_SEMI) {
        pos = tokEnd;
        budget.token();
      }
    } else {
      if (peek() == T_WORD) {
        readWord(W_NORMAL);
      } else {
        error(pos, "expected a variable name after `" + keyword + "`");
      }
      skipLinebreak();
      if (accept(R_IN)) {
        for (; ; ) {
          skipBlanks();
          if (peek() != T_WORD) {
            break;
          }
          words.add(readWord(W_NORMAL));
        }
        int t = peek();
        if (t == T_SEMI) {
          pos = tokEnd;
          budget.token();
        } else if (t == T_NEWLINE) {
          newline();
        } else if (t != T_EOF) {
          error(pos, "expected `;` or a newline after the `" + keyword + "` word list");
        }
      } else if (peek() == T_SEMI) {
        pos = tokEnd;
        budget.token();
      }
    }
    skipLinebreak();
    List<Node> body = new ArrayList<>();
    int close = doGroup(body, keyword);
    leave();
    return finish(keyword, body, words, start, close);
  }

  private Node parseCase(int start) {
    pos = rwEnd;
    budget.token();
    enter();
    List<Word> words = new ArrayList<>(4);
    List<Node> body = new ArrayList<>();
    skipBlanks();
    if (peek() == T_WORD) {
      words.add(readWord(W_NORMAL));
    } else {
      error(pos, "expected a word after `case`");
    }
    skipLinebreak();
    if (!accept(R_IN)) {
      error(pos, "expected `in` after the `case` word");
    }
    boolean closed = false;
    expect[C_ESAC]++;
    arms:
    for (; ; ) {
      skipLinebreak();
      if (accept(R_ESAC)) {
        closed = true;
        break;
      }
      int t = peek();
      if (t == T_EOF) {
        break;
      }
      if (t == T_LPAREN) {
        pos = tokEnd;
        budget.token();
        skipBlanks();
        t = peek();
      }
      for (; ; ) {
        if (t != T_WORD) {
          error(pos, "expected a `case` pattern");
          break arms;
        }
        words.add(readWord(W_NORMAL));
        skipBlanks();
        t = peek();
        if (t == T_PIPE) {
          pos = tokEnd;
          budget.token();
          skipBlanks();
          t = peek();
        } else if (t == T_RPAREN) {
          pos = tokEnd;
          budget.token();
          break;
        } else {
          error(pos, "expected `)` after a `case` pattern");
          break arms;
        }
      }
      body.addAll(list(C_DSEMI));
      skipBlanks();
      t = peek();
      if (t == T_DSEMI || t == T_SEMI_AMP || t == T_DSEMI_AMP) {
        pos = tokEnd;
        budget.token();
        continue;
      }
      closed = accept(R_ESAC);
      break;
    }
    expect[C_ESAC]--;
    if (!closed) {
      error(pos, "expected `esac` to close `case`");
    }
    int close = pos;
    leave();
    return finish("case", body, words, start, close);
  }

  private Node group(int start) {
    pos = rwEnd;
    budget.token();
    enter();
    List<Node> body = list(C_RBRACE);
    if (!accept(R_RBRACE)) {
      error(pos, "expected `}` to close `{`");
    }
    int close = pos;
    leave();
    return finish("group", body, List.of(), start, close);
  }

  private Node subshell(int start) {
    pos = tokEnd;
    budget.token();
    enter();
    List<Node> body = list(C_RPAREN);
    skipBlanks();
    if (peek() == T_RPAREN) {
      pos = tokEnd;
      budget.token();
    } else {
      error(pos, "expected `)` to close `(`");
    }
    int close = pos;
    leave();
    return finish("subshell", body, List.of(), start, close);
  }

  private Node arithCommand(int start) {
    ArithSub a = arith(start, start + 2, false);
    Word w = new Word(List.of(a), span(start, pos));
    return finish("arith", List.of(), List.of(w), start, pos);
  }

  private Node test(int start) {
    pos = rwEnd;
    budget.token();
    enter();
    List<Word> words = new ArrayList<>(4);
    boolean regex = false;
    for (; ; ) {
      skipBlanks();
      int c = at(pos);
      if (c == EOF) {
        error(start, "expected `]]` to close `[[`");
        break;
      }
      if (c == '\n') {
        newline();
        continue;
      }
      int n = at(nx(pos));
      if (c == ']' && n == ']' && isMeta(at(nx(nx(pos))))) {
        pos = nx(nx(pos));
        budget.token();
        break;
      }
      String op = null;
      if (c == '&' && n == '&') {
        op = "&&";
      } else if (c == '|' && n == '|') {
        op = "||";
      } else if (c == '(' || c == ')' || c == '<' || c == '>' || c == '!' && isBlankOrEnd(n)) {
        op = one(c);
      } else if (c == ';' || c == '&' || c == '|') {
        error(pos, "unexpected `" + one(c) + "` inside `[[ ]]`");
        break;
      }
      if (op != null) {
        int s = pos;
        pos = op.length() == 1 ? pos + 1 : nx(pos) + 1;
        budget.token();
        Span sp = span(s, pos);
        words.add(new Word(List.of(new Literal(op, false, false, sp)), sp));
        regex = false;
        continue;
      }
      int ws = pos;
      Word w = readWord(regex ? W_REGEX : W_NORMAL);
      if (pos == ws) {
        error(pos, "unexpected `" + one(c) + "` inside `[[ ]]`");
        pos++;
        continue;
      }
      regex = pos - ws == 2 && src.startsWith("=~", ws);
      words.add(w);
    }
    int close = pos;
    leave();
    return finish("test", List.of(), words, start, close);
  }

  private Node function(int start) {
    pos = rwEnd;
    budget.token();
    skipBlanks();
    String name = "";
    if (peek() == T_WORD) {
      int ns = pos;
      readWord(W_NORMAL);
      name = src.substring(ns, pos);
    } else {
      error(pos, "expected a function name after `function`");
    }
    skipBlanks();
    if (peek() == T_LPAREN) {
      pos = tokEnd;
      budget.token();
      skipBlanks();
      if (peek() == T_RPAREN) {
        pos = tokEnd;
        budget.token();
      } else {
        error(pos, "expected `)` after `(` in a function definition");
      }
    }
    return functionBody(start, name);
  }

  private Node functionBody(int start, String name) {
    skipLinebreak();
    Node body;
    if (startsCommand()) {
      int bs = pos;
      body = parseCommand();
      if (!(body instanceof Compound)) {
        error(bs, "a function body must be a compound command such as `{ ...; }`");
      }
    } else {
      error(pos, "expected a function body");
      body = new Compound("group", List.of(), List.of(), List.of(), span(pos, pos));
    }
    return new FunctionDef(name, body, span(start, body.span().end()));
  }

  private Node coproc(int start) {
    pos = rwEnd;
    budget.token();
    enter();
    skipBlanks();
    if (peek() == T_WORD && !startsCompound()) {
      int save = pos;
      int i = pos;
      while (isNameChar(at(i))) {
        i++;
      }
      if (i > pos && (at(i) == ' ' || at(i) == '\t')) {
        pos = i;
        skipBlanks();
        if (startsCompound()) {
          budget.token();
        } else {
          pos = save;
        }
      }
    }
    List<Node> body = List.of();
    if (startsCommand()) {
      body = List.of(parseCommand());
    } else {
      error(pos, "expected a command after `coproc`");
    }
    leave();
    int stop = body.isEmpty() ? pos : body.get(0).span().end();
    return new Compound("coproc", body, List.of(), List.of(), span(start, stop));
  }

  private boolean startsCompound() {
    int t = peek();
    if (t == T_LPAREN) {
      return true;
    }
    if (t != T_WORD) {
      return false;
    }
    return switch (reserved()) {
      case R_IF, R_WHILE, R_UNTIL, R_FOR, R_SELECT, R_CASE, R_LBRACE, R_DLBRACK -> true;
      default -> false;
    };
  }
}
