package dev.airlock.classify.sql;

import org.jspecify.annotations.Nullable;

/**
 * One statement as a range of tokens of a {@link Lexed} text, with the questions the rules ask of
 * it: its verb, its keywords outside strings and comments, the names it mentions, and the
 * data-changing statements nested in parentheses (CTEs, subqueries) that are judged on their own.
 */
final class Stmt {

  final Lexed lx;
  final int from;
  final int to;
  final int spanStart;
  final int spanEnd;
  final byte flags;

  /** What the statement is inside of, prefixed to reasons ("" at top level). */
  final String context;

  private int[] groups = NONE;
  private boolean groupsFound;
  private boolean @Nullable [] grouped;
  private @Nullable String evidence;

  private static final int[] NONE = new int[0];

  Stmt(Lexed lx, int from, int to, int spanStart, int spanEnd, byte flags, String context) {
    this.lx = lx;
    this.from = from;
    this.to = to;
    this.spanStart = spanStart;
    this.spanEnd = spanEnd;
    this.flags = flags;
    this.context = context;
  }

  /** Statement number {@code index} of the lexed text. */
  static Stmt of(Lexed lx, int index, String context) {
    return new Stmt(
        lx,
        lx.stmtFirst[index],
        lx.stmtEnd[index],
        lx.stmtSpanStart[index],
        lx.stmtSpanEnd[index],
        lx.stmtFlags[index],
        context);
  }

  /** The tokens {@code [newFrom, newTo)} of this statement as a statement of their own. */
  Stmt sub(int newFrom, int newTo, String newContext) {
    if (newFrom >= newTo) {
      return new Stmt(lx, newFrom, newFrom, spanStart, spanStart, (byte) 0, newContext);
    }
    return new Stmt(lx, newFrom, newTo, lx.start[newFrom], lx.end[newTo - 1], (byte) 0, newContext);
  }

  boolean isEmpty() {
    return from >= to;
  }

  int size() {
    return to - from;
  }

  int kw(int i) {
    return i >= from && i < to ? lx.kw[i] : Kw.NONE;
  }

  boolean is(int i, int keyword) {
    return kw(i) == keyword;
  }

  byte type(int i) {
    return i >= from && i < to ? lx.type[i] : 0;
  }

  /** The paren depth at which the statement's own clauses sit. */
  int base() {
    return isEmpty() ? 0 : lx.depth[from];
  }

  boolean atBase(int i) {
    return lx.depth[i] == base() && lx.type[i] != Lexed.RPAREN;
  }

  /** The source text of the statement. */
  String text() {
    return lx.text.substring(spanStart, spanEnd);
  }

  /** The first token that is not an opening parenthesis. */
  int verbIndex() {
    int i = from;
    while (i < to && lx.type[i] == Lexed.LPAREN) {
      i++;
    }
    return i;
  }

  /** The verb after a leading WITH list (or the first verb when there is none). */
  int mainVerbIndex() {
    int i = verbIndex();
    if (!is(i, Kw.WITH)) {
      return i;
    }
    int d = lx.depth[i];
    for (int j = i + 1; j < to; j++) {
      if (lx.depth[j] != d || lx.type[j] != Lexed.WORD) {
        continue;
      }
      int k = lx.kw[j];
      if (k == Kw.SELECT
          || k == Kw.INSERT
          || k == Kw.UPDATE
          || k == Kw.DELETE
          || k == Kw.MERGE
          || k == Kw.VALUES
          || k == Kw.TABLE
          || k == Kw.UPSERT
          || k == Kw.REPLACE) {
        return j;
      }
    }
    return i;
  }

  /** The first token at base depth from {@code start} with the keyword, or -1. */
  int find(int keyword, int start) {
    int b = base();
    for (int i = Math.max(start, from); i < to; i++) {
      if (lx.kw[i] == keyword && lx.depth[i] == b && !inGroup(i)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether any token at any depth from {@code start} has the keyword. */
  boolean has(int keyword, int start) {
    for (int i = Math.max(start, from); i < to; i++) {
      if (lx.kw[i] == keyword && !inGroup(i)) {
        return true;
      }
    }
    return false;
  }

  /** The deepest parenthesis nesting inside the statement, relative to its base. */
  int relativeDepth() {
    int b = base();
    int max = 0;
    for (int i = from; i < to; i++) {
      max = Math.max(max, lx.depth[i] - b);
    }
    return max;
  }

  /** Whether token i is a (possibly schema-qualified) name part. */
  boolean isName(int i) {
    return i >= from && i < to && lx.isName(i);
  }

  /** The index after the dotted name that starts at token i. */
  int nameEnd(int i) {
    int j = i;
    while (j < to && lx.isName(j)) {
      j++;
      if (j >= to || lx.type[j] != Lexed.DOT) {
        break;
      }
      while (j < to && lx.type[j] == Lexed.DOT) {
        j++; // master..xp_cmdshell
      }
    }
    return j;
  }

  /**
   * The dotted name starting at token i, unquoted ({@code "public"."users"} gives public.users).
   */
  String qualifiedName(int i) {
    if (!isName(i)) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int e = nameEnd(i);
    for (int j = i; j < e; j++) {
      if (lx.type[j] == Lexed.DOT) {
        if (j + 1 < e && lx.type[j + 1] != Lexed.DOT) {
          b.append('.');
        }
      } else if (lx.isName(j)) {
        b.append(lx.name(j));
      }
    }
    return b.toString();
  }

  /**
   * Token ranges {@code [from, to)} (pairs in one array) of data-changing statements nested in
   * parentheses: {@code WITH x AS (DELETE ...)}, {@code (UPDATE ... RETURNING *)}.
   */
  int[] nestedGroups() {
    if (groupsFound) {
      return groups;
    }
    groupsFound = true;
    int[] found = NONE;
    int n = 0;
    for (int i = from; i < to - 1; i++) {
      if (lx.type[i] != Lexed.LPAREN || !startsNestedWrite(i + 1)) {
        continue;
      }
      int close = lx.skipGroup(i, to) - 1;
      int end = close < to && lx.type[close] == Lexed.RPAREN ? close : to;
      if (n + 2 > found.length) {
        found = java.util.Arrays.copyOf(found, Math.max(4, found.length * 2));
      }
      found[n++] = i + 1;
      found[n++] = end;
      i = end;
    }
    groups = n == found.length ? found : java.util.Arrays.copyOf(found, n);
    if (n > 0) {
      boolean[] marks = new boolean[to - from];
      for (int k = 0; k < n; k += 2) {
        java.util.Arrays.fill(marks, groups[k] - from, groups[k + 1] - from, true);
      }
      grouped = marks;
    }
    return groups;
  }

  private boolean startsNestedWrite(int i) {
    int k = lx.kw[i];
    if (k == Kw.DELETE || k == Kw.UPDATE || k == Kw.INSERT || k == Kw.MERGE || k == Kw.UPSERT) {
      return true;
    }
    if (k != Kw.WITH) {
      return false;
    }
    int d = lx.depth[i];
    for (int j = i + 1; j < to && !(lx.type[j] == Lexed.RPAREN && lx.depth[j] < d); j++) {
      int kj = lx.kw[j];
      if (lx.depth[j] == d
          && (kj == Kw.DELETE || kj == Kw.UPDATE || kj == Kw.INSERT || kj == Kw.MERGE)) {
        return true;
      }
    }
    return false;
  }

  /** Whether token i lies inside one of the {@link #nestedGroups()}. */
  boolean inGroup(int i) {
    nestedGroups();
    boolean[] marks = grouped;
    return marks != null && i >= from && i < to && marks[i - from];
  }

  /** The evidence text, computed once per statement (see {@link Pass#evidenceText}). */
  String evidence(java.util.function.Function<Stmt, String> compute) {
    String e = evidence;
    if (e == null) {
      e = compute.apply(this);
      evidence = e;
    }
    return e;
  }

  /**
   * The first of the statement's own tokens (outside nested groups) that is a write keyword used as
   * a keyword, or -1. A word next to a dot or before a comparison is a name ({@code t.comment},
   * {@code load = 3}); {@code FOR UPDATE} locks; {@code replace(...)} is a function; in a procedure
   * body {@code SELECT ... INTO} assigns variables.
   */
  int firstWrite(boolean procedural) {
    int verb = verbIndex();
    for (int i = from; i < to; i++) {
      if (Kw.WRITE[lx.kw[i]] && isWriteAt(i, verb, procedural) && !inGroup(i)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether write keyword token i acts as a keyword (see {@link #firstWrite}). */
  boolean isWriteAt(int i, int verb, boolean procedural) {
    int k = lx.kw[i];
    if ((i > from && lx.type[i - 1] == Lexed.DOT)
        || (i + 1 < to && lx.type[i + 1] == Lexed.DOT)
        || (i + 1 < to && isComparison(i + 1))) {
      return false;
    }
    int prev = i > from ? lx.kw[i - 1] : Kw.NONE;
    if (k == Kw.UPDATE && (prev == Kw.FOR || prev == Kw.KEY)) {
      return false;
    }
    if ((k == Kw.REPLACE || k == Kw.INSERT || k == Kw.TRUNCATE)
        && i != verb
        && i + 1 < to
        && lx.type[i + 1] == Lexed.LPAREN) {
      return false;
    }
    return !(k == Kw.INTO && procedural);
  }

  private boolean isComparison(int i) {
    if (lx.type[i] != Lexed.OP) {
      return false;
    }
    char c = lx.text.charAt(lx.start[i]);
    int len = lx.end[i] - lx.start[i];
    return (c == '=' && len == 1)
        || c == '<'
        || (c == '>' && len <= 2 && !(len == 2 && lx.text.charAt(lx.start[i] + 1) == '>'))
        || (c == '!' && len == 2);
  }

  /**
   * The statement rewritten for JSqlParser: comments dropped, string literals re-quoted in the
   * standard way (long ones replaced by a placeholder derived from their content, so equal strings
   * stay equal), bracket identifiers double-quoted.
   */
  String parserText() {
    StringBuilder b = new StringBuilder(Math.min(spanEnd - spanStart + 16, 8192));
    for (int i = from; i < to; i++) {
      if (i > from && (lx.flags[i] & Lexed.SPACE_BEFORE) != 0) {
        b.append(' ');
      }
      byte t = lx.type[i];
      if (t == Lexed.STRING || t == Lexed.DOLLAR) {
        appendLiteral(b, i);
      } else if (t == Lexed.QIDENT && lx.text.charAt(lx.start[i]) == '[') {
        b.append('"').append(lx.name(i).replace("\"", "\"\"")).append('"');
      } else {
        b.append(lx.text, lx.start[i], lx.end[i]);
      }
    }
    return b.toString();
  }

  private void appendLiteral(StringBuilder b, int i) {
    String value = lx.stringValue(i);
    if (value.length() <= 64 && value.indexOf('\\') < 0) {
      b.append('\'').append(value.replace("'", "''")).append('\'');
      return;
    }
    long h = 1125899906842597L;
    for (int k = 0; k < value.length(); k++) {
      h = 31 * h + value.charAt(k);
    }
    b.append("'~").append(Long.toHexString(h)).append("~'");
  }
}
