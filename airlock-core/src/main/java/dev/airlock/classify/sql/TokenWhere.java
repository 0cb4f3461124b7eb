package dev.airlock.classify.sql;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Judges a WHERE clause made only of literals ({@code 1=1}, {@code true}, {@code 'a' = 'a'}, {@code
 * 1 = 1 AND NOT (2 > 3)}) from tokens, exactly as {@link WhereCheck} judges the tree JSqlParser
 * builds for it. The grammar is small on purpose: plain numbers, plain quoted strings, TRUE, FALSE,
 * NULL, parentheses, the six comparisons, AND, OR, NOT before TRUE, FALSE or a parenthesis, and IS
 * [NOT] NULL; anything else (a column, a function, a sign, an escape) gives null, and the statement
 * goes to the parser as before.
 */
final class TokenWhere {

  /** A node read so far: its truth, and its literal kind and text when it is a literal. */
  private record Node(WhereCheck.Truth truth, int kind, String text) {}

  private static final int OTHER = 0;
  private static final int NUMBER = 1;
  private static final int STRING = 2;
  private static final int BOOL = 3;
  private static final int NULL = 4;

  private final Stmt st;
  private final int to;
  private int i;

  private TokenWhere(Stmt st, int from, int to) {
    this.st = st;
    this.i = from;
    this.to = to;
  }

  /** The filter of the literal-only condition in tokens [from, to), or null if unsure. */
  static Verdicts.@Nullable Filter judge(Stmt st, int from, int to) {
    if (from >= to) {
      return null;
    }
    TokenWhere w = new TokenWhere(st, from, to);
    Node n = w.or(0);
    if (n == null || w.i != to) {
      return null;
    }
    return switch (n.truth()) {
      case TRUE -> Verdicts.Filter.ALWAYS_TRUE;
      case FALSE -> Verdicts.Filter.ALWAYS_FALSE;
      case CONSTANT -> Verdicts.Filter.CONSTANT;
      case FILTER -> null;
    };
  }

  private @Nullable Node or(int depth) {
    if (depth > 8) {
      return null;
    }
    Node l = and(depth);
    while (l != null && i < to && st.is(i, Kw.OR)) {
      i++;
      Node r = and(depth);
      if (r == null) {
        return null;
      }
      l = new Node(WhereCheck.or(l.truth(), r.truth()), OTHER, "");
    }
    return l;
  }

  private @Nullable Node and(int depth) {
    Node l = not(depth);
    while (l != null && i < to && st.is(i, Kw.AND)) {
      i++;
      Node r = not(depth);
      if (r == null) {
        return null;
      }
      l = new Node(WhereCheck.and(l.truth(), r.truth()), OTHER, "");
    }
    return l;
  }

  private @Nullable Node not(int depth) {
    if (!st.is(i, Kw.NOT)) {
      return predicate(depth);
    }
    i++;
    int k = st.kw(i);
    if (k != Kw.TRUE && k != Kw.FALSE && st.type(i) != Lexed.LPAREN) {
      return null;
    }
    Node inner = operand(depth);
    if (inner == null || atComparisonOrIs()) {
      return null;
    }
    WhereCheck.Truth t =
        switch (inner.truth()) {
          case TRUE -> WhereCheck.Truth.FALSE;
          case FALSE -> WhereCheck.Truth.TRUE;
          default -> inner.truth();
        };
    return new Node(t, OTHER, "");
  }

  private boolean atComparisonOrIs() {
    return i < to && (comparison(i) != null || st.is(i, Kw.IS));
  }

  private @Nullable Node predicate(int depth) {
    boolean paren = st.type(i) == Lexed.LPAREN;
    Node l = operand(depth);
    if (l == null || i >= to) {
      return l;
    }
    String op = comparison(i);
    if (op != null) {
      i++;
      Node r = operand(depth);
      if (r == null || l.kind() == OTHER || r.kind() == OTHER || atComparisonOrIs()) {
        return null;
      }
      Integer c = compare(l, r);
      if (c == null) {
        return new Node(WhereCheck.Truth.CONSTANT, OTHER, "");
      }
      return new Node(holds(op, c) ? WhereCheck.Truth.TRUE : WhereCheck.Truth.FALSE, OTHER, "");
    }
    if (st.is(i, Kw.IS)) {
      if (l.kind() == OTHER || paren) {
        return null;
      }
      boolean negated = st.is(i + 1, Kw.NOT);
      int j = negated ? i + 2 : i + 1;
      if (!st.is(j, Kw.NULL)) {
        return null;
      }
      i = j + 1;
      if (atComparisonOrIs()) {
        return null;
      }
      boolean isNull = l.kind() == NULL;
      return new Node(
          isNull != negated ? WhereCheck.Truth.TRUE : WhereCheck.Truth.FALSE, OTHER, "");
    }
    return l;
  }

  /** A literal, or a parenthesized condition (which keeps the literal it wraps, if any). */
  private @Nullable Node operand(int depth) {
    if (i >= to) {
      return null;
    }
    byte t = st.type(i);
    if (t == Lexed.LPAREN) {
      i++;
      Node inner = or(depth + 1);
      if (inner == null || i >= to || st.type(i) != Lexed.RPAREN) {
        return null;
      }
      i++;
      return inner;
    }
    Lexed lx = st.lx;
    int s = lx.start[i];
    int e = lx.end[i];
    int k = st.kw(i);
    Node n;
    if (k == Kw.TRUE || k == Kw.FALSE) {
      n = new Node(k == Kw.TRUE ? WhereCheck.Truth.TRUE : WhereCheck.Truth.FALSE, BOOL, "");
    } else if (k == Kw.NULL) {
      n = new Node(WhereCheck.Truth.FALSE, NULL, "");
    } else if (t == Lexed.NUMBER && plainNumber(lx.text, s, e)) {
      String text = lx.text.substring(s, e);
      n =
          new Node(
              WhereCheck.isZero(text) ? WhereCheck.Truth.FALSE : WhereCheck.Truth.TRUE,
              NUMBER,
              text);
    } else if (t == Lexed.STRING && plainString(lx.text, s, e)) {
      String value = lx.text.substring(s + 1, e - 1);
      n = new Node(WhereCheck.stringTruth(value), STRING, value);
    } else {
      return null;
    }
    i++;
    return n;
  }

  private @Nullable String comparison(int k) {
    return comparison(st, k);
  }

  /** The comparison operator at token k ({@code =}, {@code <>}, {@code <=} …), or null. */
  static @Nullable String comparison(Stmt st, int k) {
    if (st.type(k) != Lexed.OP) {
      return null;
    }
    String op = st.lx.text(k);
    return switch (op) {
      case "=", "<>", "!=", "<", ">", "<=", ">=" -> op;
      default -> null;
    };
  }

  /** Whether {@code l op r} holds, given {@code c}, the sign of comparing l with r. */
  static boolean holds(String op, int c) {
    return switch (op) {
      case "=" -> c == 0;
      case "<>", "!=" -> c != 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "<" -> c < 0;
      default -> c <= 0;
    };
  }

  private static @Nullable Integer compare(Node l, Node r) {
    if (l.kind() == STRING && r.kind() == STRING) {
      return Integer.signum(l.text().compareTo(r.text()));
    }
    if (l.kind() == NUMBER && r.kind() == NUMBER) {
      return new BigDecimal(l.text()).compareTo(new BigDecimal(r.text()));
    }
    if (l.kind() == BOOL && r.kind() == BOOL) {
      return Boolean.compare(
          l.truth() == WhereCheck.Truth.TRUE, r.truth() == WhereCheck.Truth.TRUE);
    }
    return null;
  }

  /** Digits, optionally a dot and more digits; at most 18 characters. */
  static boolean plainNumber(String text, int s, int e) {
    if (e - s > 18) {
      return false;
    }
    int p = s;
    while (p < e && text.charAt(p) >= '0' && text.charAt(p) <= '9') {
      p++;
    }
    if (p == s) {
      return false;
    }
    if (p < e && text.charAt(p) == '.') {
      int q = ++p;
      while (p < e && text.charAt(p) >= '0' && text.charAt(p) <= '9') {
        p++;
      }
      if (p == q) {
        return false;
      }
    }
    return p == e;
  }

  /** A single-quoted string of at most 64 characters with no quote or backslash inside. */
  private static boolean plainString(String text, int s, int e) {
    if (e - s < 2 || e - s > 66 || text.charAt(s) != '\'' || text.charAt(e - 1) != '\'') {
      return false;
    }
    for (int p = s + 1; p < e - 1; p++) {
      char c = text.charAt(p);
      if (c == '\'' || c == '\\' || c < ' ') {
        return false;
      }
    }
    return true;
  }
}
