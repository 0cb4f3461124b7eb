package dev.airlock.classify.sql;

import org.jspecify.annotations.Nullable;

/**
 * DELETE and UPDATE statements judged from tokens when their WHERE clause is more than a
 * conjunction of column-versus-literal predicates: {@code OR}, {@code IN (SELECT ...)}, {@code
 * LIKE}, functions, {@code x = x}, {@code IS NOT NULL}, read by {@link TokenExpr} exactly as {@link
 * WhereCheck} reads the parsed tree. The shapes, matched strictly (plain names, nothing after the
 * WHERE clause), are:
 *
 * <ul>
 *   <li>{@code DELETE [FROM] name [[AS] alias] [USING names WHERE c | WHERE c]};
 *   <li>{@code DELETE FROM name LIMIT n} (a limited delete, as the parser reads it);
 *   <li>{@code UPDATE name [[AS] alias] SET col = value, ... [FROM names WHERE c | WHERE c]}.
 * </ul>
 *
 * Anything else returns false and goes on to the parser.
 */
final class TokenModify {

  private TokenModify() {}

  /** Judges a DELETE of one of the shapes above; false hands it on. */
  static boolean delete(Pass p, Stmt st, int verb) {
    if (!onlyVerbWrites(p, st, verb)) {
      return false;
    }
    int n = st.is(verb + 1, Kw.FROM) ? verb + 2 : verb + 1;
    int end = TokenExpr.plainNameEnd(st, n);
    if (end < 0) {
      return false;
    }
    if (st.is(n - 1, Kw.FROM) && st.is(end, Kw.LIMIT) && limitEnds(st, end + 1)) {
      p.how = "judged by the lexer: DELETE with LIMIT";
      Verdicts.modify(p, st, "delete", st.qualifiedName(n), Verdicts.Filter.LIMIT, "");
      return true;
    }
    int j = TokenExpr.aliasEnd(st, end);
    if (j < 0) {
      return false;
    }
    if (TokenDml.wordIs(st, j, "USING")) {
      j = TokenExpr.tableList(st, j + 1, st.to);
      if (j < 0 || !st.is(j, Kw.WHERE)) {
        return false;
      }
    }
    return judge(p, st, verb, "delete", n, j);
  }

  /** Judges an UPDATE of the shape above; false hands it on. */
  static boolean update(Pass p, Stmt st, int verb) {
    if (!onlyVerbWrites(p, st, verb)) {
      return false;
    }
    int n = verb + 1;
    int end = TokenExpr.plainNameEnd(st, n);
    if (end < 0) {
      return false;
    }
    int j = TokenExpr.aliasEnd(st, end);
    if (j < 0 || !st.is(j, Kw.SET)) {
      return false;
    }
    j++;
    while (true) {
      int col = TokenExpr.plainNameEnd(st, j);
      if (col < 0 || !isEquals(st, col)) {
        return false;
      }
      j = TokenExpr.valueEnd(st, col + 1, st.to);
      if (j < 0) {
        return false;
      }
      if (st.type(j) != Lexed.COMMA) {
        break;
      }
      j++;
    }
    if (st.is(j, Kw.FROM)) {
      j = TokenExpr.tableList(st, j + 1, st.to);
      if (j < 0 || !st.is(j, Kw.WHERE)) {
        return false;
      }
    }
    return judge(p, st, verb, "update", n, j);
  }

  /** The statement from token j on: nothing, or a WHERE clause to the end that the reader knows. */
  private static boolean judge(Pass p, Stmt st, int verb, String what, int name, int j) {
    Verdicts.@Nullable Filter filter;
    if (j == st.to) {
      filter = Verdicts.Filter.NONE;
    } else if (st.is(j, Kw.WHERE)) {
      filter = TokenExpr.filter(st, j + 1, st.to);
    } else {
      return false;
    }
    if (filter == null) {
      return false;
    }
    p.how = "judged by the lexer: WHERE read from tokens";
    String where = filter == Verdicts.Filter.NONE ? "" : TokenDml.whereSource(st, verb);
    Verdicts.modify(p, st, what, st.qualifiedName(name), filter, where);
    return true;
  }

  /** Whether the verb is the statement's only write keyword and nothing is nested in it. */
  private static boolean onlyVerbWrites(Pass p, Stmt st, int verb) {
    for (int i = st.from; i < st.to; i++) {
      if (i != verb && Kw.WRITE[st.kw(i)] && st.isWriteAt(i, verb, p.procedural)) {
        return false;
      }
    }
    return true;
  }

  private static boolean limitEnds(Stmt st, int i) {
    return i + 1 == st.to
        && st.type(i) == Lexed.NUMBER
        && st.lx.text(i).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean isEquals(Stmt st, int i) {
    return st.type(i) == Lexed.OP
        && st.lx.end[i] - st.lx.start[i] == 1
        && st.lx.text.charAt(st.lx.start[i]) == '=';
  }
}
