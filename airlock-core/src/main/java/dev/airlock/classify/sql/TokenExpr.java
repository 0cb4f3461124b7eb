package dev.airlock.classify.sql;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Reads a condition or value from tokens and judges it exactly as {@link WhereCheck} judges the
 * tree JSqlParser builds for it, for the shapes that need no grammar beyond this one: columns
 * (plain names of one to three parts), plain literals, {@code ?}, the six comparisons, AND, OR, NOT
 * before a parenthesis, {@code + - * /}, function calls with plain arguments, {@code IS [NOT]
 * NULL}, {@code [NOT] IN (...)}, {@code [NOT] LIKE}, {@code [NOT] BETWEEN}, {@code = ANY (...)},
 * casts to a plain type, {@code CURRENT_DATE}, {@code interval '...'} and subqueries of the form
 * {@code SELECT items [FROM names] [WHERE condition]}. Anything else, or any case where the
 * judgement would depend on what the checker finds inside a subquery, gives null, and the statement
 * goes to the parser as before.
 *
 * <p>Implementation notes. Each node carries its shape (a literal, a column, a boolean operator, or
 * some other expression), whether it refers to a column (yes, no, or maybe for subqueries), and its
 * truth where the checker would compute one. The grammar is a subset of what JSqlParser reads, so
 * that a text read here is never one the parser would reject (the lexer's fallback judges those
 * differently); {@code SqlTokenPathsTest} compares every judgement with the parser path's.
 */
final class TokenExpr {

  private static final int LITERAL = 0;
  private static final int COLUMN = 1;
  private static final int BOOLEAN = 2;
  private static final int OTHER = 3;

  /** A literal whose class in the parser's tree is not certain ({@code -1}, {@code 'it''s'}). */
  private static final int UNSURE = 4;

  private static final int NO = 0;
  private static final int YES = 1;
  private static final int MAYBE = 2;

  private static final int NUMBER = 1;
  private static final int STRING = 2;
  private static final int BOOL = 3;
  private static final int NULL = 4;

  private static final int MAX_DEPTH = 8;

  /**
   * A node read so far.
   *
   * @param shape LITERAL, COLUMN, BOOLEAN, OTHER or UNSURE
   * @param col whether it refers to a column: NO, YES or MAYBE
   * @param truth its truth for BOOLEAN nodes (null if unsure)
   * @param lit the literal kind for LITERAL nodes
   * @param text the literal's value or the column's text
   * @param paren whether it was written in parentheses
   */
  private record Node(
      int shape, int col, WhereCheck.@Nullable Truth truth, int lit, String text, boolean paren) {

    Node inParens() {
      return new Node(shape, col, truth, lit, text, true);
    }

    /** The truth {@link WhereCheck#truth} gives this node, or null if unsure. */
    WhereCheck.@Nullable Truth truthValue() {
      return switch (shape) {
        case LITERAL ->
            switch (lit) {
              case BOOL -> text.equals("true") ? WhereCheck.Truth.TRUE : WhereCheck.Truth.FALSE;
              case NULL -> WhereCheck.Truth.FALSE;
              case NUMBER ->
                  WhereCheck.isZero(text) ? WhereCheck.Truth.FALSE : WhereCheck.Truth.TRUE;
              default -> WhereCheck.stringTruth(text);
            };
        case COLUMN -> WhereCheck.Truth.FILTER;
        case BOOLEAN -> truth;
        case OTHER ->
            col == YES ? WhereCheck.Truth.FILTER : col == NO ? WhereCheck.Truth.CONSTANT : null;
        default -> null;
      };
    }
  }

  private static final Node FAIL = new Node(-1, NO, null, 0, "", false);

  private final Stmt st;
  private final int to;
  private int i;

  private TokenExpr(Stmt st, int from, int to) {
    this.st = st;
    this.i = from;
    this.to = to;
  }

  /** The truth of the condition in tokens [from, to) as WhereCheck decides it, or null. */
  static WhereCheck.@Nullable Truth condition(Stmt st, int from, int to) {
    if (from >= to) {
      return null;
    }
    TokenExpr r = new TokenExpr(st, from, to);
    Node n = r.or(0);
    if (n == FAIL || r.i != to) {
      return null;
    }
    return n.truthValue();
  }

  /** The filter of a WHERE clause in tokens [from, to), or null if unsure. */
  static Verdicts.@Nullable Filter filter(Stmt st, int from, int to) {
    WhereCheck.Truth t = condition(st, from, to);
    if (t == null) {
      return null;
    }
    return switch (t) {
      case TRUE -> Verdicts.Filter.ALWAYS_TRUE;
      case FALSE -> Verdicts.Filter.ALWAYS_FALSE;
      case CONSTANT -> Verdicts.Filter.CONSTANT;
      case FILTER -> Verdicts.Filter.COLUMNS;
    };
  }

  /**
   * The token after a value expression (no AND, OR or comparison) that starts at {@code from}, or
   * -1 if it is not one this reader knows.
   */
  static int valueEnd(Stmt st, int from, int to) {
    TokenExpr r = new TokenExpr(st, from, to);
    Node n = r.additive(0);
    return n == FAIL ? -1 : r.i;
  }

  // condition := and (OR and)*
  private Node or(int depth) {
    if (depth > MAX_DEPTH) {
      return FAIL;
    }
    Node l = and(depth);
    while (l != FAIL && i < to && st.is(i, Kw.OR)) {
      i++;
      Node r = and(depth);
      if (r == FAIL) {
        return FAIL;
      }
      WhereCheck.Truth a = l.truthValue();
      WhereCheck.Truth b = r.truthValue();
      if (a == null || b == null) {
        return FAIL;
      }
      l = new Node(BOOLEAN, union(l.col(), r.col()), WhereCheck.or(a, b), 0, "", false);
    }
    return l;
  }

  private Node and(int depth) {
    Node l = not(depth);
    while (l != FAIL && i < to && st.is(i, Kw.AND)) {
      i++;
      Node r = not(depth);
      if (r == FAIL) {
        return FAIL;
      }
      WhereCheck.Truth a = l.truthValue();
      WhereCheck.Truth b = r.truthValue();
      if (a == null || b == null) {
        return FAIL;
      }
      l = new Node(BOOLEAN, union(l.col(), r.col()), WhereCheck.and(a, b), 0, "", false);
    }
    return l;
  }

  // NOT only before a parenthesis: NOT x = 1 and NOT x IS NULL bind differently across dialects.
  private Node not(int depth) {
    if (!st.is(i, Kw.NOT)) {
      return predicate(depth);
    }
    i++;
    if (st.type(i) != Lexed.LPAREN || st.is(i + 1, Kw.SELECT)) {
      return FAIL;
    }
    Node inner = primary(depth);
    if (inner == FAIL || atOperator()) {
      return FAIL;
    }
    WhereCheck.Truth t = inner.truthValue();
    if (t == null) {
      return FAIL;
    }
    WhereCheck.Truth negated =
        switch (t) {
          case TRUE -> WhereCheck.Truth.FALSE;
          case FALSE -> WhereCheck.Truth.TRUE;
          default -> t;
        };
    return new Node(BOOLEAN, inner.col(), negated, 0, "", false);
  }

  /** Whether the next token continues an expression in a way this reader does not follow. */
  private boolean atOperator() {
    if (i >= to) {
      return false;
    }
    int k = st.kw(i);
    return comparison(i) != null
        || arithmetic(i)
        || k == Kw.IS
        || k == Kw.IN
        || k == Kw.NOT
        || isWord(i, "LIKE")
        || isWord(i, "ILIKE")
        || isWord(i, "BETWEEN")
        || (st.type(i) == Lexed.OP && !st.lx.text(i).equals("*"));
  }

  private Node predicate(int depth) {
    Node l = additive(depth);
    if (l == FAIL || i >= to) {
      return l;
    }
    Node result;
    String op = comparison(i);
    if (op != null) {
      i++;
      Node r;
      if (isWord(i, "ANY") || st.is(i, Kw.ALL) || isWord(i, "SOME")) {
        i++;
        if (st.type(i) != Lexed.LPAREN || !st.is(i + 1, Kw.SELECT)) {
          return FAIL;
        }
        r = primary(depth);
        if (r == FAIL) {
          return FAIL;
        }
        r = new Node(OTHER, MAYBE, null, 0, "", false);
      } else {
        r = additive(depth);
      }
      if (r == FAIL) {
        return FAIL;
      }
      result = compare(op, l, r);
    } else if (st.is(i, Kw.IS)) {
      result = isNull(l);
    } else {
      boolean negated = st.is(i, Kw.NOT);
      int j = negated ? i + 1 : i;
      if (st.is(j, Kw.IN)) {
        i = j + 1;
        result = inList(l, depth);
      } else if (isWord(j, "LIKE") || isWord(j, "ILIKE")) {
        i = j + 1;
        Node pattern = additive(depth);
        if (pattern == FAIL || isWord(i, "ESCAPE")) {
          return FAIL;
        }
        result = other(l.col(), pattern.col());
      } else if (isWord(j, "BETWEEN")) {
        i = j + 1;
        Node low = additive(depth);
        if (low == FAIL || !st.is(i, Kw.AND)) {
          return FAIL;
        }
        i++;
        Node high = additive(depth);
        if (high == FAIL) {
          return FAIL;
        }
        result = other(union(l.col(), low.col()), high.col());
      } else {
        return l;
      }
    }
    if (result == FAIL || atOperator()) {
      return FAIL;
    }
    return result;
  }

  /** A comparison, judged as {@code WhereCheck.comparison} judges it. */
  private static Node compare(String op, Node l, Node r) {
    if (l.shape() == BOOLEAN || r.shape() == BOOLEAN) {
      return FAIL;
    }
    int col = union(l.col(), r.col());
    WhereCheck.Truth t;
    if (l.col() == YES || r.col() == YES) {
      if (l.shape() == COLUMN && r.shape() == COLUMN) {
        if (l.text().indexOf('"') >= 0 || r.text().indexOf('"') >= 0) {
          return FAIL;
        }
        boolean same = l.text().equalsIgnoreCase(r.text());
        boolean reflexive = op.equals("=") || op.equals(">=") || op.equals("<=");
        t =
            !same
                ? WhereCheck.Truth.FILTER
                : reflexive ? WhereCheck.Truth.TRUE : WhereCheck.Truth.FALSE;
      } else {
        t = WhereCheck.Truth.FILTER;
      }
    } else if (col == MAYBE || l.shape() == UNSURE || r.shape() == UNSURE) {
      return FAIL;
    } else if (l.shape() == LITERAL && r.shape() == LITERAL) {
      Integer c = compareLiterals(l, r);
      if (c == null) {
        t = WhereCheck.Truth.CONSTANT;
      } else {
        t = TokenWhere.holds(op, c) ? WhereCheck.Truth.TRUE : WhereCheck.Truth.FALSE;
      }
    } else {
      t = WhereCheck.Truth.CONSTANT;
    }
    return new Node(BOOLEAN, col, t, 0, "", false);
  }

  private static @Nullable Integer compareLiterals(Node l, Node r) {
    if (l.lit() == STRING && r.lit() == STRING) {
      return Integer.signum(l.text().compareTo(r.text()));
    }
    if (l.lit() == NUMBER && r.lit() == NUMBER) {
      return new BigDecimal(l.text()).compareTo(new BigDecimal(r.text()));
    }
    if (l.lit() == BOOL && r.lit() == BOOL) {
      return Boolean.compare(l.text().equals("true"), r.text().equals("true"));
    }
    return null;
  }

  /** {@code x IS [NOT] NULL}, judged as {@code WhereCheck.isNull} judges it. */
  private Node isNull(Node l) {
    boolean negated = st.is(i + 1, Kw.NOT);
    int j = negated ? i + 2 : i + 1;
    if (!st.is(j, Kw.NULL)) {
      return FAIL;
    }
    i = j + 1;
    WhereCheck.Truth t;
    if (l.col() == YES) {
      t = WhereCheck.Truth.FILTER;
    } else if (l.col() == MAYBE || l.paren() || l.shape() == UNSURE || l.shape() == BOOLEAN) {
      return FAIL;
    } else if (l.shape() == LITERAL) {
      boolean isNull = l.lit() == NULL;
      t = isNull != negated ? WhereCheck.Truth.TRUE : WhereCheck.Truth.FALSE;
    } else {
      t = WhereCheck.Truth.CONSTANT;
    }
    return new Node(BOOLEAN, l.col(), t, 0, "", false);
  }

  /** The list or subquery after IN, with i just past IN. */
  private Node inList(Node l, int depth) {
    if (st.type(i) != Lexed.LPAREN) {
      return FAIL;
    }
    if (st.is(i + 1, Kw.SELECT)) {
      Node sub = primary(depth);
      return sub == FAIL ? FAIL : other(l.col(), MAYBE);
    }
    i++;
    int col = l.col();
    while (true) {
      Node item = additive(depth + 1);
      if (item == FAIL) {
        return FAIL;
      }
      col = union(col, item.col());
      if (st.type(i) == Lexed.COMMA) {
        i++;
      } else if (st.type(i) == Lexed.RPAREN) {
        i++;
        return other(col, NO);
      } else {
        return FAIL;
      }
    }
  }

  // value := term ((+ | - | * | /) term)*
  private Node additive(int depth) {
    Node l = unary(depth);
    while (l != FAIL && i < to && arithmetic(i)) {
      i++;
      Node r = unary(depth);
      if (r == FAIL || r.shape() == BOOLEAN || l.shape() == BOOLEAN) {
        return FAIL;
      }
      l = other(l.col(), r.col());
    }
    return l;
  }

  private boolean arithmetic(int k) {
    if (st.type(k) != Lexed.OP || st.lx.end[k] - st.lx.start[k] != 1) {
      return false;
    }
    char c = st.lx.text.charAt(st.lx.start[k]);
    return c == '+' || c == '-' || c == '*' || c == '/';
  }

  private Node unary(int depth) {
    if (st.type(i) == Lexed.OP
        && st.lx.end[i] - st.lx.start[i] == 1
        && (st.lx.text.charAt(st.lx.start[i]) == '-' || st.lx.text.charAt(st.lx.start[i]) == '+')) {
      i++;
      Node n = primary(depth);
      if (n == FAIL || n.shape() == BOOLEAN) {
        return FAIL;
      }
      return new Node(UNSURE, n.col(), null, 0, "", false);
    }
    return cast(primary(depth));
  }

  private static final WordTable CAST_TYPES =
      new WordTable(
          "int",
          "integer",
          "bigint",
          "smallint",
          "text",
          "varchar",
          "numeric",
          "boolean",
          "bool",
          "date",
          "timestamp",
          "timestamptz",
          "uuid",
          "json",
          "jsonb",
          "real");

  /** {@code x::type} for a plain type: the checker sees through a cast only for truth. */
  private Node cast(Node n) {
    if (n == FAIL || st.type(i) != Lexed.OP || !st.lx.text(i).equals("::")) {
      return n;
    }
    int t = i + 1;
    if (st.type(t) != Lexed.WORD
        || CAST_TYPES.lookup(st.lx.text, st.lx.start[t], st.lx.end[t]) == 0
        || st.type(t + 1) == Lexed.LPAREN
        || (st.type(t + 1) == Lexed.OP && st.lx.text(t + 1).equals("::"))
        || n.shape() == BOOLEAN) {
      return FAIL;
    }
    i = t + 1;
    return new Node(UNSURE, n.col(), null, 0, "", false);
  }

  private Node primary(int depth) {
    if (i >= to || depth > MAX_DEPTH) {
      return FAIL;
    }
    byte t = st.type(i);
    Lexed lx = st.lx;
    int s = lx.start[i];
    int e = lx.end[i];
    if (t == Lexed.LPAREN) {
      int close = lx.skipGroup(i, to) - 1;
      if (close >= to || st.type(close) != Lexed.RPAREN) {
        return FAIL;
      }
      i++;
      if (st.is(i, Kw.SELECT)) {
        if (!subquery(depth + 1) || i != close) {
          return FAIL;
        }
        i++;
        return other(MAYBE, NO);
      }
      Node inner = or(depth + 1);
      if (inner == FAIL || i != close) {
        return FAIL;
      }
      i++;
      return inner.inParens();
    }
    if (t == Lexed.NUMBER) {
      if (!TokenWhere.plainNumber(lx.text, s, e)) {
        return FAIL;
      }
      i++;
      return literal(NUMBER, lx.text.substring(s, e));
    }
    if (t == Lexed.STRING) {
      if (lx.text.charAt(s) != '\'' || e - s < 2 || lx.text.charAt(e - 1) != '\'') {
        return FAIL;
      }
      for (int p = s + 1; p < e - 1; p++) {
        char c = lx.text.charAt(p);
        if (c == '\\' || c < ' ') {
          return FAIL;
        }
      }
      i++;
      if (e - s > 66 || lx.text.indexOf('\'', s + 1) != e - 1) {
        return new Node(UNSURE, NO, null, 0, "", false);
      }
      return literal(STRING, lx.text.substring(s + 1, e - 1));
    }
    if (t == Lexed.PARAM) {
      if (e - s != 1 || lx.text.charAt(s) != '?') {
        return FAIL;
      }
      i++;
      return other(NO, NO);
    }
    int k = st.kw(i);
    if (k == Kw.TRUE || k == Kw.FALSE) {
      i++;
      return literal(BOOL, k == Kw.TRUE ? "true" : "false");
    }
    if (k == Kw.NULL) {
      i++;
      return literal(NULL, "");
    }
    if (t != Lexed.WORD && t != Lexed.QIDENT) {
      return FAIL;
    }
    if (isWord(i, "CURRENT_DATE") || isWord(i, "CURRENT_TIMESTAMP")) {
      if (st.type(i + 1) == Lexed.LPAREN) {
        return FAIL;
      }
      i++;
      return other(NO, NO);
    }
    if (isWord(i, "INTERVAL")) {
      if (st.type(i + 1) != Lexed.STRING || lx.text.charAt(lx.start[i + 1]) != '\'') {
        return FAIL;
      }
      i += 2;
      return other(NO, NO);
    }
    if (st.type(i + 1) == Lexed.LPAREN) {
      return call(depth);
    }
    return column();
  }

  private static final WordTable KEYWORD_FUNCTIONS = new WordTable("COALESCE", "COUNT");

  /** A function call with plain arguments ({@code lower(email)}, {@code count(*)}). */
  private Node call(int depth) {
    Lexed lx = st.lx;
    boolean keyword = KEYWORD_FUNCTIONS.lookup(lx.text, lx.start[i], lx.end[i]) != 0;
    if (!keyword && !ParserWords.isIdentifier(st, i)) {
      return FAIL;
    }
    i += 2;
    int col = NO;
    if (st.type(i) == Lexed.RPAREN) {
      i++;
      return other(NO, NO);
    }
    if (st.type(i) == Lexed.OP && lx.text(i).equals("*") && st.type(i + 1) == Lexed.RPAREN) {
      i += 2;
      return other(NO, NO);
    }
    while (true) {
      Node arg = additive(depth + 1);
      if (arg == FAIL || arg.shape() == BOOLEAN) {
        return FAIL;
      }
      col = union(col, arg.col());
      if (st.type(i) == Lexed.COMMA) {
        i++;
      } else if (st.type(i) == Lexed.RPAREN) {
        i++;
        return other(col, NO);
      } else {
        return FAIL;
      }
    }
  }

  /** A column: one to three plain name parts joined by dots. */
  private Node column() {
    int end = plainNameEnd(st, i);
    if (end < 0) {
      return FAIL;
    }
    StringBuilder b = new StringBuilder();
    for (int p = i; p < end; p++) {
      if (st.type(p) == Lexed.QIDENT) {
        b.append('"').append(st.lx.name(p)).append('"');
      } else {
        b.append(st.lx.text, st.lx.start[p], st.lx.end[p]);
      }
    }
    i = end;
    return new Node(COLUMN, YES, null, 0, b.toString(), false);
  }

  /**
   * {@code SELECT [DISTINCT] items [FROM names] [WHERE condition]} up to the closing parenthesis,
   * with i on SELECT; only whether the parser reads it matters.
   */
  private boolean subquery(int depth) {
    i++;
    if (isWord(i, "DISTINCT")) {
      i++;
    }
    while (true) {
      if (st.type(i) == Lexed.OP && st.lx.text(i).equals("*")) {
        i++;
      } else {
        Node item = additive(depth);
        if (item == FAIL || item.shape() == BOOLEAN) {
          return false;
        }
        skipAlias();
      }
      if (st.type(i) != Lexed.COMMA) {
        break;
      }
      i++;
    }
    if (st.is(i, Kw.FROM)) {
      i++;
      int end = tableList(st, i, to);
      if (end < 0) {
        return false;
      }
      i = end;
    }
    if (st.is(i, Kw.WHERE)) {
      i++;
      Node where = or(depth);
      return where != FAIL;
    }
    return true;
  }

  private void skipAlias() {
    if (st.is(i, Kw.AS) && ParserWords.isPlainWord(st, i + 1)) {
      i += 2;
    } else if (ParserWords.isPlainWord(st, i)) {
      i++;
    }
  }

  /**
   * The token after {@code name [[AS] alias] (, name [[AS] alias])*} from i, or -1; the names are
   * plain (see {@link #plainNameEnd}).
   */
  static int tableList(Stmt st, int from, int to) {
    int j = from;
    while (true) {
      int end = plainNameEnd(st, j);
      if (end < 0 || end > to) {
        return -1;
      }
      j = aliasEnd(st, end);
      if (j < to && st.type(j) == Lexed.COMMA) {
        j++;
      } else {
        return j;
      }
    }
  }

  /** The token after an optional {@code [AS] alias} at j. */
  static int aliasEnd(Stmt st, int j) {
    if (st.is(j, Kw.AS)) {
      return ParserWords.isPlainWord(st, j + 1) ? j + 2 : -1;
    }
    return ParserWords.isPlainWord(st, j) ? j + 1 : j;
  }

  /**
   * The token after a plain name of one to three parts from i, or -1: words JSqlParser reads as
   * names ({@code public} as a qualifier), or quoted identifiers of letters, digits, underscores
   * and spaces.
   */
  static int plainNameEnd(Stmt st, int i) {
    int j = i;
    for (int parts = 1; parts <= 3; parts++) {
      boolean schema =
          parts == 1 && TokenDml.wordIs(st, j, "PUBLIC") && st.type(j + 1) == Lexed.DOT;
      if (!schema && !ParserWords.isPlainWord(st, j) && !FastPaths.plainQuoted(st, j)) {
        return -1;
      }
      j++;
      if (st.type(j) != Lexed.DOT) {
        return j;
      }
      j++;
    }
    return -1;
  }

  private boolean isWord(int k, String word) {
    return TokenDml.wordIs(st, k, word);
  }

  private @Nullable String comparison(int k) {
    return TokenWhere.comparison(st, k);
  }

  private static Node literal(int kind, String text) {
    return new Node(LITERAL, NO, null, kind, text, false);
  }

  private static Node other(int a, int b) {
    return new Node(OTHER, union(a, b), null, 0, "", false);
  }

  private static int union(int a, int b) {
    if (a == YES || b == YES) {
      return YES;
    }
    return a == MAYBE || b == MAYBE ? MAYBE : NO;
  }
}
