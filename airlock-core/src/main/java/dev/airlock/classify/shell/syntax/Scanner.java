package dev.airlock.classify.shell.syntax;

import dev.airlock.classify.LimitExceededException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The character level of the shell parser: the position in the text, line continuations, blanks and
 * comments, operator tokens, reserved words, spans, errors and the nesting bound.
 *
 * <p>Implementation notes. The parser reads the text directly, without a token stream: {@link
 * #peek} classifies the token at {@link #pos} (blanks already skipped) and leaves its end in {@link
 * #tokEnd}; the caller consumes it by moving {@code pos}. Backslash-newline is skipped wherever the
 * parser looks for the next character ({@link #cont}, {@link #nx}), so it joins lines everywhere
 * outside single quotes and comments, as bash's input reader does. Positions are always raw offsets
 * into {@link #src}; spans are made only through {@link #span}, which returns the one fixed span of
 * a backquoted substitution when this parser reads its unescaped text.
 */
abstract class Scanner {

  static final int EOF = -1;

  static final int T_EOF = 0;
  static final int T_NEWLINE = 1;
  static final int T_WORD = 2;
  static final int T_SEMI = 3;
  static final int T_AMP = 4;
  static final int T_AND = 5;
  static final int T_OR = 6;
  static final int T_PIPE = 7;
  static final int T_PIPE_AMP = 8;
  static final int T_DSEMI = 9;
  static final int T_SEMI_AMP = 10;
  static final int T_DSEMI_AMP = 11;
  static final int T_LPAREN = 12;
  static final int T_RPAREN = 13;
  static final int T_REDIR = 14;

  static final int R_NONE = 0;
  static final int R_IF = 1;
  static final int R_THEN = 2;
  static final int R_ELIF = 3;
  static final int R_ELSE = 4;
  static final int R_FI = 5;
  static final int R_DO = 6;
  static final int R_DONE = 7;
  static final int R_WHILE = 8;
  static final int R_UNTIL = 9;
  static final int R_FOR = 10;
  static final int R_SELECT = 11;
  static final int R_CASE = 12;
  static final int R_ESAC = 13;
  static final int R_IN = 14;
  static final int R_FUNCTION = 15;
  static final int R_COPROC = 16;
  static final int R_TIME = 17;
  static final int R_LBRACE = 18;
  static final int R_RBRACE = 19;
  static final int R_BANG = 20;
  static final int R_DLBRACK = 21;
  static final int R_DRBRACK = 22;

  private static final String[] ONE = new String[128];

  static {
    for (int i = 0; i < ONE.length; i++) {
      ONE[i] = String.valueOf((char) i);
    }
  }

  /** The top-level source: every {@link Script} made refers to it. */
  final String top;

  /** The text being read: {@link #top}, or the unescaped text of a backquoted substitution. */
  final String src;

  /** When reading backquoted text: the span of the substitution, given to everything inside. */
  final @Nullable Span fixed;

  final Budget budget;
  final List<SyntaxError> errors = new ArrayList<>();
  int pos;
  int end;
  int depth;

  /** Set by {@link #peek}: where the token ends. */
  int tokEnd;

  /** Set by {@link #peek} for {@link #T_REDIR}: the explicit descriptor (or -1) and operator. */
  int redirFd;

  String redirOp = "";

  /** Set by {@link #reserved}: where the reserved word ends. */
  int rwEnd;

  private final char[] word = new char[8];
  private int @Nullable [] parens;

  Scanner(String top, String src, @Nullable Span fixed, Budget budget, int depth) {
    this.top = top;
    this.src = src;
    this.fixed = fixed;
    this.budget = budget;
    this.depth = depth;
    this.end = src.length();
  }

  // ---- characters

  /** The character at {@code p}, or {@link #EOF}. */
  final int at(int p) {
    return p < end ? src.charAt(p) : EOF;
  }

  /** {@code p} moved past any backslash-newline pairs. */
  final int cont(int p) {
    while (p + 1 < end && src.charAt(p) == '\\' && src.charAt(p + 1) == '\n') {
      p += 2;
    }
    return p;
  }

  /** The position of the next significant character after {@code p}. */
  final int nx(int p) {
    return cont(p + 1);
  }

  static boolean isNameStart(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  static boolean isNameChar(int c) {
    return isNameStart(c) || c >= '0' && c <= '9';
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** A one-character special parameter other than a digit: {@code $@ $* $# $? $$ $! $-}. */
  static boolean isSpecial(int c) {
    return c == '@' || c == '*' || c == '#' || c == '?' || c == '$' || c == '!' || c == '-';
  }

  /** A character that ends an unquoted word. */
  static boolean isMeta(int c) {
    return switch (c) {
      case EOF, ' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>' -> true;
      default -> false;
    };
  }

  static boolean isBlankOrEnd(int c) {
    return c == EOF || c == ' ' || c == '\t' || c == '\n';
  }

  static String one(int c) {
    return c >= 0 && c < ONE.length ? ONE[c] : String.valueOf((char) c);
  }

  // ---- spans, errors, bounds

  final Span span(int start, int stop) {
    Span f = fixed;
    return f != null ? f : new Span(start, stop);
  }

  final void error(int offset, String message) {
    Span f = fixed;
    errors.add(new SyntaxError(f != null ? f.start() : offset, message));
  }

  final void enter() {
    int max = budget.limits.maxParseDepth();
    if (++depth > max) {
      throw new LimitExceededException("maxParseDepth", depth, max);
    }
  }

  final void leave() {
    depth--;
  }

  // ---- blanks, comments, tokens

  /** Skips blanks, line continuations and a comment; stops at a newline or a token. */
  final void skipBlanks() {
    for (; ; ) {
      int p = cont(pos);
      int c = at(p);
      if (c == ' ' || c == '\t') {
        pos = p + 1;
      } else if (c == '#') {
        int nl = src.indexOf('\n', p);
        pos = nl < 0 || nl > end ? end : nl;
        return;
      } else {
        pos = p;
        return;
      }
    }
  }

  /** Classifies the token at {@link #pos}; blanks must have been skipped. */
  final int peek() {
    int p = pos;
    int c = at(p);
    switch (c) {
      case EOF -> {
        tokEnd = p;
        return T_EOF;
      }
      case '\n' -> {
        tokEnd = p + 1;
        return T_NEWLINE;
      }
      case ';' -> {
        int q = nx(p);
        int d = at(q);
        if (d == ';') {
          int r = nx(q);
          if (at(r) == '&') {
            tokEnd = nx(r);
            return T_DSEMI_AMP;
          }
          tokEnd = r;
          return T_DSEMI;
        }
        if (d == '&') {
          tokEnd = nx(q);
          return T_SEMI_AMP;
        }
        tokEnd = q;
        return T_SEMI;
      }
      case '&' -> {
        int q = nx(p);
        int d = at(q);
        if (d == '&') {
          tokEnd = nx(q);
          return T_AND;
        }
        if (d == '>') {
          return redirect(p, -1);
        }
        tokEnd = q;
        return T_AMP;
      }
      case '|' -> {
        int q = nx(p);
        int d = at(q);
        if (d == '|') {
          tokEnd = nx(q);
          return T_OR;
        }
        if (d == '&') {
          tokEnd = nx(q);
          return T_PIPE_AMP;
        }
        tokEnd = q;
        return T_PIPE;
      }
      case '(' -> {
        tokEnd = nx(p);
        return T_LPAREN;
      }
      case ')' -> {
        tokEnd = nx(p);
        return T_RPAREN;
      }
      case '<', '>' -> {
        if (at(nx(p)) == '(') {
          tokEnd = p;
          return T_WORD;
        }
        return redirect(p, -1);
      }
      default -> {
        if (c == '{' && isNameStart(at(p + 1))) {
          int q = p + 2;
          while (isNameChar(at(q))) {
            q++;
          }
          int d = at(q + 1);
          if (at(q) == '}' && (d == '<' || d == '>') && at(nx(q + 1)) != '(') {
            return redirect(q + 1, -1);
          }
        }
        if (isDigit(c)) {
          long fd = 0;
          int q = p;
          while (isDigit(at(q))) {
            fd = Math.min(fd * 10 + at(q) - '0', Integer.MAX_VALUE);
            q = nx(q);
          }
          int d = at(q);
          if ((d == '<' || d == '>') && at(nx(q)) != '(') {
            return redirect(q, (int) fd);
          }
        }
        tokEnd = p;
        return T_WORD;
      }
    }
  }

  private int redirect(int p, int fd) {
    redirFd = fd;
    int c = at(p);
    int q = nx(p);
    int d = at(q);
    if (c == '&') {
      int r = nx(q);
      if (at(r) == '>') {
        redirOp = "&>>";
        tokEnd = nx(r);
      } else {
        redirOp = "&>";
        tokEnd = r;
      }
      return T_REDIR;
    }
    if (c == '<') {
      if (d == '<') {
        int r = nx(q);
        int e = at(r);
        if (e == '<') {
          redirOp = "<<<";
          tokEnd = nx(r);
        } else if (e == '-') {
          redirOp = "<<-";
          tokEnd = nx(r);
        } else {
          redirOp = "<<";
          tokEnd = r;
        }
        return T_REDIR;
      }
      redirOp = d == '&' ? "<&" : d == '>' ? "<>" : "<";
    } else {
      redirOp = d == '>' ? ">>" : d == '&' ? ">&" : d == '|' ? ">|" : ">";
    }
    tokEnd = redirOp.length() == 1 ? q : nx(q);
    return T_REDIR;
  }

  /**
   * The reserved word at {@link #pos}, or {@link #R_NONE}; sets {@link #rwEnd}. Only meaningful
   * where a command may start (or where a grammar rule expects one, such as {@code in} or {@code
   * do}).
   */
  final int reserved() {
    char[] b = word;
    int p = pos;
    int n = 0;
    for (; ; ) {
      int c = at(p);
      if (!(c >= 'a' && c <= 'z' || c == '{' || c == '}' || c == '!' || c == '[' || c == ']')) {
        break;
      }
      if (n == b.length) {
        return R_NONE;
      }
      b[n++] = (char) c;
      p = nx(p);
    }
    if (n == 0) {
      return R_NONE;
    }
    int d = at(p);
    boolean blank = isBlankOrEnd(d);
    if (!blank && !isMeta(d)) {
      return R_NONE;
    }
    int r = lookup(b, n);
    if ((r == R_LBRACE || r == R_BANG || r == R_DLBRACK) && !blank) {
      return R_NONE;
    }
    rwEnd = p;
    return r;
  }

  private static int lookup(char[] b, int n) {
    return switch (n) {
      case 1 -> b[0] == '{' ? R_LBRACE : b[0] == '}' ? R_RBRACE : b[0] == '!' ? R_BANG : R_NONE;
      case 2 -> {
        if (eq(b, "if")) {
          yield R_IF;
        } else if (eq(b, "fi")) {
          yield R_FI;
        } else if (eq(b, "do")) {
          yield R_DO;
        } else if (eq(b, "in")) {
          yield R_IN;
        } else if (eq(b, "[[")) {
          yield R_DLBRACK;
        } else if (eq(b, "]]")) {
          yield R_DRBRACK;
        }
        yield R_NONE;
      }
      case 3 -> eq(b, "for") ? R_FOR : R_NONE;
      case 4 -> {
        if (eq(b, "then")) {
          yield R_THEN;
        } else if (eq(b, "elif")) {
          yield R_ELIF;
        } else if (eq(b, "else")) {
          yield R_ELSE;
        } else if (eq(b, "done")) {
          yield R_DONE;
        } else if (eq(b, "case")) {
          yield R_CASE;
        } else if (eq(b, "esac")) {
          yield R_ESAC;
        } else if (eq(b, "time")) {
          yield R_TIME;
        }
        yield R_NONE;
      }
      case 5 -> eq(b, "while") ? R_WHILE : eq(b, "until") ? R_UNTIL : R_NONE;
      case 6 -> eq(b, "select") ? R_SELECT : eq(b, "coproc") ? R_COPROC : R_NONE;
      case 8 -> eq(b, "function") ? R_FUNCTION : R_NONE;
      default -> R_NONE;
    };
  }

  private static boolean eq(char[] b, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (b[i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // ---- arithmetic or command substitution

  /**
   * Whether the {@code ((} at {@code open} starts arithmetic: bash reads {@code $((...))} and
   * {@code ((...))} as arithmetic when the two parentheses close together, and otherwise as a
   * command substitution or subshell holding a subshell.
   */
  final boolean arithAt(int open) {
    int outer = parenClose(open);
    int[] m = parens;
    int inner = m != null ? m[open + 1] : 0;
    if (inner == 0) {
      inner = parenClose(open + 1);
    }
    return inner < 0 || outer == inner + 1;
  }

  /**
   * The index of the parenthesis closing the one at {@code open}, or -1. One scan records every
   * parenthesis it passes, so nested questions cost nothing more and the parser stays linear.
   * Quotes are skipped approximately; the answer only steers the choice in {@link #arithAt} and for
   * extended glob patterns, and the real parse decides the rest.
   */
  final int parenClose(int open) {
    int[] m = parens;
    if (m == null) {
      m = new int[src.length() + 1];
      parens = m;
    }
    if (m[open] == 0) {
      scanParens(open, m);
    }
    return m[open];
  }

  private void scanParens(int from, int[] m) {
    int[] stack = new int[16];
    int sp = 0;
    int i = from;
    boolean dq = false;
    while (i < end) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (dq) {
        dq = c != '"';
        i++;
        continue;
      }
      if (c == '\'') {
        int q = src.indexOf('\'', i + 1);
        i = q < 0 || q >= end ? end : q + 1;
        continue;
      }
      if (c == '"') {
        dq = true;
      } else if (c == '(') {
        if (sp == stack.length) {
          stack = java.util.Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = i;
      } else if (c == ')' && sp > 0) {
        m[stack[--sp]] = i;
        if (sp == 0) {
          return;
        }
      }
      i++;
    }
    while (sp > 0) {
      m[stack[--sp]] = -1;
    }
  }
}
