package dev.airlock.classify.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The compound commands of the shell grammar: subshells, groups, {@code if}, {@code while}, {@code
 * until}, {@code for}, {@code select}, {@code case}, {@code (( ))}, {@code [[ ]]}, {@code coproc}
 * and function definitions, each built as a {@link Compound} (or {@link FunctionDef}).
 *
 * <p>Implementation notes. Error recovery rests on knowing which closing tokens ({@code )}, {@code
 * }}, {@code then}, {@code fi}, {@code done}, {@code ;;}, ...) some open construct is waiting for
 * ({@link #expect}). A list stops at a closer someone expects and leaves it for that construct; a
 * closer nobody expects is reported and skipped. Every construct consumes at least one token, so
 * the parse always moves forward, and each one counts against the nesting bound.
 */
abstract class CompoundParser extends ExpansionReader {

  static final int C_RPAREN = 0;

  static final int C_RBRACE = 1;

  static final int C_THEN = 2;

  static final int C_ELIF = 3;

  static final int C_ELSE = 4;

  static final int C_FI = 5;

  static final int C_DO = 6;

  static final int C_DONE = 7;

  static final int C_ESAC = 8;

  static final int C_DSEMI = 9;

  static final int CLOSERS = 10;

  /** How many open constructs wait for each closer. */
  int[] expect = new int[CLOSERS];

  CompoundParser(
      String top,
      String src,
      @Nullable Span fixed,
      Budget budget,
      int depth,
      @Nullable Map<Integer, Heredoc> known) {
    super(top, src, fixed, budget, depth, known);
  }

  /** Parses commands until the end, or a closer some open construct expects (left unconsumed). */
  abstract List<Node> parseList();

  /** Parses one command: simple, compound or a function definition. */
  abstract Node parseCommand();

  /** Parses the redirection at {@link #pos}, which {@link #peek} found. */
  abstract Redirect parseRedirect();

  static int closer(int reserved) {
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

  /** Whether a command starts at {@link #pos} (blanks skipped). */
  final boolean startsCommand() {
    int t = peek();
    return t == T_LPAREN || t == T_REDIR || t == T_WORD && !misplaced(reserved());
  }

  /**
   * Whether a reserved word cannot start a command: a closer, or {@code in} and {@code ]]} outside
   * the constructs they belong to.
   */
  static boolean misplaced(int reserved) {
    return closer(reserved) >= 0 || reserved == R_IN || reserved == R_DRBRACK;
  }

  final void skipLinebreak() {
    for (; ; ) {
      skipBlanks();
      if (at(pos) != '\n') {
        return;
      }
      newline();
    }
  }

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

  final Node parseIf(int start) {
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

  final Node parseLoop(int start, String keyword) {
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

  final Node parseFor(int start, String keyword) {
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

  final Node parseCase(int start) {
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

  final Node group(int start) {
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

  final Node subshell(int start) {
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

  final Node arithCommand(int start) {
    ArithSub a = arith(start, start + 2, false);
    Word w = new Word(List.of(a), span(start, pos));
    return finish("arith", List.of(), List.of(w), start, pos);
  }

  final Node test(int start) {
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

  final Node function(int start) {
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

  final Node functionBody(int start, String name) {
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

  final Node coproc(int start) {
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
