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

  /**
   * ALTER TABLE [IF EXISTS] [ONLY] name, then one or more of: DROP [COLUMN|CONSTRAINT] [IF EXISTS]
   * name [CASCADE|RESTRICT], DROP PARTITION name, TRUNCATE PARTITION name, RENAME [COLUMN] a TO b,
   * RENAME TO b; judged by the lexer's reading ({@link TokenDdl#alterTable}).
   */
  static boolean alter(Pass p, Stmt st, int verb) {
    if (!st.is(verb + 1, Kw.TABLE)) {
      return false;
    }
    int j = verb + 2;
    if (st.is(j, Kw.IF) && st.is(j + 1, Kw.EXISTS)) {
      j += 2;
    }
    if (st.is(j, Kw.ONLY)) {
      j++;
    }
    j = TokenExpr.plainNameEnd(st, j);
    while (j > 0) {
      j = alterAction(st, j);
      if (j == st.to) {
        p.how = "judged by the lexer: ALTER TABLE";
        TokenDdl.alterTable(p, st, verb);
        return true;
      }
      if (j < 0 || st.type(j) != Lexed.COMMA) {
        return false;
      }
      j++;
    }
    return false;
  }

  /** The token after one ALTER TABLE action of the shapes above at j, or -1. */
  private static int alterAction(Stmt st, int j) {
    if (st.is(j, Kw.DROP) || st.is(j, Kw.TRUNCATE)) {
      int n = j + 1;
      boolean partition = st.is(n, Kw.PARTITION);
      if (st.is(j, Kw.TRUNCATE) && !partition) {
        return -1;
      }
      if (st.is(n, Kw.COLUMN) || st.is(n, Kw.CONSTRAINT) || partition) {
        n++;
      }
      if (!partition && st.is(n, Kw.IF) && st.is(n + 1, Kw.EXISTS)) {
        n += 2;
      }
      if (!ParserWords.isPlainWord(st, n) || st.kw(n) != Kw.NONE) {
        return -1;
      }
      n++;
      if (!partition && (st.is(n, Kw.CASCADE) || TokenDml.wordIs(st, n, "RESTRICT"))) {
        n++;
      }
      return n;
    }
    if (st.is(j, Kw.RENAME)) {
      int n = st.is(j + 1, Kw.COLUMN) ? j + 2 : j + 1;
      if (ParserWords.isPlainWord(st, n) && st.kw(n) == Kw.NONE && !st.is(j + 1, Kw.TO)) {
        n++;
      } else if (n != j + 1) {
        return -1;
      }
      if (!st.is(n, Kw.TO) || !ParserWords.isPlainWord(st, n + 1)) {
        return -1;
      }
      return n + 2;
    }
    return -1;
  }

  /**
   * MERGE INTO name ... whose only write keywords are INTO and the UPDATE, INSERT or DELETE of its
   * WHEN ... THEN branches: judged as the parser and the lexer both judge it (a DELETE branch is
   * destructive, otherwise a safe write).
   */
  static boolean merge(Pass p, Stmt st, int verb) {
    if (!st.is(verb + 1, Kw.INTO) || TokenExpr.plainNameEnd(st, verb + 2) < 0) {
      return false;
    }
    for (int k = verb + 2; k < st.to; k++) {
      int kk = st.kw(k);
      if (!Kw.WRITE[kk]) {
        continue;
      }
      boolean branch =
          (kk == Kw.UPDATE || kk == Kw.INSERT || kk == Kw.DELETE) && st.is(k - 1, Kw.THEN);
      if (!branch) {
        return false;
      }
    }
    p.how = "judged by the lexer: MERGE";
    TokenDml.merge(p, st, verb);
    return true;
  }

  private static boolean isIn(WordTable table, Stmt st, int i) {
    return st.type(i) == Lexed.WORD && table.lookup(st.lx.text, st.lx.start[i], st.lx.end[i]) != 0;
  }
}
