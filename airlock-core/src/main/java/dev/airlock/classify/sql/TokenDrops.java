package dev.airlock.classify.sql;

/**
 * DROP and TRUNCATE shapes beyond the plainest ones of {@link FastPaths}, judged from tokens by the
 * same reading the lexer's fallback gives them ({@link TokenDml#drop}, {@link TokenDml#truncate}):
 * several names, more object types ({@code SEQUENCE}, {@code EXTENSION}, {@code ROLE}, {@code
 * FUNCTION f(args)}, {@code TRIGGER t ON table}, ...) and trailing options ({@code PURGE}, {@code
 * CASCADE CONSTRAINTS}, {@code RESTART IDENTITY}). Whatever the parser makes of these, the verdict
 * is fixed by the object type (every DROP and TRUNCATE is held), and {@code SqlTokenPathsTest}
 * checks that the findings equal the parser path's; anything else goes on to the parser.
 */
final class TokenDrops {

  private TokenDrops() {}

  private static final WordTable TYPES =
      new WordTable(
          "TABLE",
          "VIEW",
          "INDEX",
          "SCHEMA",
          "DATABASE",
          "SEQUENCE",
          "EXTENSION",
          "ROLE",
          "USER",
          "TRIGGER",
          "FUNCTION",
          "PROCEDURE",
          "TYPE",
          "TABLESPACE");

  private static final WordTable OPTIONS =
      new WordTable(
          "CASCADE",
          "RESTRICT",
          "PURGE",
          "CONSTRAINTS",
          "INCLUDING",
          "CONTENTS",
          "AND",
          "DATAFILES");

  /** Judges a DROP of the shapes above; false hands it on. */
  static boolean drop(Pass p, Stmt st, int verb) {
    int t = verb + 1;
    if (TokenDml.wordIs(st, t, "MATERIALIZED") && st.is(t + 1, Kw.VIEW)) {
      t++;
    }
    if (!isIn(TYPES, st, t)) {
      return false;
    }
    int j = t + 1;
    if (st.is(j, Kw.IF) && st.is(j + 1, Kw.EXISTS)) {
      j += 2;
    }
    int names = 0;
    while (true) {
      int end = TokenExpr.plainNameEnd(st, j);
      if (end < 0) {
        return false;
      }
      names++;
      j = end;
      if (st.type(j) != Lexed.COMMA) {
        break;
      }
      j++;
    }
    boolean routine = st.is(t, Kw.FUNCTION) || st.is(t, Kw.PROCEDURE);
    if (routine && names == 1 && st.type(j) == Lexed.LPAREN) {
      j = st.lx.skipGroup(j, st.to);
      for (int k = t + 1; k < j; k++) {
        if (Kw.WRITE[st.kw(k)]) {
          return false;
        }
      }
    }
    if (st.is(t, Kw.TRIGGER) && names == 1 && st.is(j, Kw.ON)) {
      j = TokenExpr.plainNameEnd(st, j + 1);
      if (j < 0) {
        return false;
      }
    }
    for (; j < st.to; j++) {
      if (!isIn(OPTIONS, st, j)) {
        return false;
      }
    }
    p.how = "judged by the lexer: DROP";
    TokenDml.drop(p, st, verb);
    return true;
  }

  /** TRUNCATE [TABLE] [ONLY] names [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT|REUSE STORAGE]. */
  static boolean truncate(Pass p, Stmt st, int verb) {
    int j = st.is(verb + 1, Kw.TABLE) ? verb + 2 : verb + 1;
    if (st.is(j, Kw.ONLY)) {
      j++;
    }
    while (true) {
      int end = TokenExpr.plainNameEnd(st, j);
      if (end < 0) {
        return false;
      }
      j = end;
      if (st.type(j) != Lexed.COMMA) {
        break;
      }
      j++;
    }
    if ((TokenDml.wordIs(st, j, "RESTART") || TokenDml.wordIs(st, j, "CONTINUE"))
        && TokenDml.wordIs(st, j + 1, "IDENTITY")) {
      j += 2;
    }
    if (st.is(j, Kw.CASCADE) || TokenDml.wordIs(st, j, "RESTRICT")) {
      j++;
    } else if (TokenDml.wordIs(st, j, "REUSE") && TokenDml.wordIs(st, j + 1, "STORAGE")) {
      j += 2;
    }
    if (j != st.to) {
      return false;
    }
    p.how = "judged by the lexer: TRUNCATE";
    TokenDml.truncate(p, st, verb);
    return true;
  }

  private static boolean isIn(WordTable table, Stmt st, int i) {
    return st.type(i) == Lexed.WORD && table.lookup(st.lx.text, st.lx.start[i], st.lx.end[i]) != 0;
  }
}
