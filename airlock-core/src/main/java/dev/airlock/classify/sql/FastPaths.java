package dev.airlock.classify.sql;

import dev.airlock.classify.Access;
import java.util.List;
import java.util.Locale;

/**
 * Common DDL and DML shapes judged from tokens alone, before JSqlParser would be asked: a plain
 * DROP of one table, view, index, schema or database, TRUNCATE of one table, DELETE or UPDATE of
 * one table with no WHERE clause or one of literals only ({@code WHERE 1=1}, judged by {@link
 * TokenWhere}), CREATE TABLE, INDEX or VIEW with no statement inside, and ALTER TABLE ... ADD. Each
 * shape is matched strictly (plain names, nothing after them but CASCADE or RESTRICT) and yields
 * exactly the finding the parser path yields for it; anything else returns false and goes on to the
 * parser as before.
 */
final class FastPaths {

  private FastPaths() {}

  /** Whether the fast paths are taken; tests turn them off to compare with the parser path. */
  static boolean enabled = true;

  /** Judges the statement if its shape is one of the fast paths; false hands it on. */
  static boolean judge(Pass p, Stmt st, int verb) {
    if (!enabled || verb != st.from) {
      return false;
    }
    int k = st.kw(verb);
    if (k == Kw.DROP) {
      return drop(p, st, verb) || TokenDrops.drop(p, st, verb);
    }
    if (k == Kw.TRUNCATE) {
      return truncate(p, st, verb) || TokenDrops.truncate(p, st, verb);
    }
    if (k == Kw.DELETE) {
      return deleteAll(p, st, verb) || TokenModify.delete(p, st, verb) || deleteTop(p, st, verb);
    }
    if (k == Kw.REPLACE) {
      return replace(p, st, verb);
    }
    if (k == Kw.SELECT) {
      return selectInto(p, st, verb);
    }
    if (k == Kw.UPDATE) {
      return updateAll(p, st, verb) || TokenModify.update(p, st, verb);
    }
    if (k == Kw.CREATE) {
      return create(p, st, verb);
    }
    if (k == Kw.MERGE) {
      return TokenDrops.merge(p, st, verb);
    }
    if (k == Kw.ALTER) {
      return alterAdd(p, st, verb) || TokenDrops.alter(p, st, verb);
    }
    return false;
  }

  /** DROP TABLE|VIEW|INDEX|SCHEMA|DATABASE [IF EXISTS] name [CASCADE|RESTRICT]. */
  private static boolean drop(Pass p, Stmt st, int verb) {
    int t = verb + 1;
    int k = st.kw(t);
    if (k != Kw.TABLE && k != Kw.VIEW && k != Kw.INDEX && k != Kw.SCHEMA && k != Kw.DATABASE) {
      return false;
    }
    int n = t + 1;
    if (st.is(n, Kw.IF) && st.is(n + 1, Kw.EXISTS)) {
      n += 2;
    }
    int end = plainNameEnd(st, n);
    if (end < 0) {
      return false;
    }
    String note = "";
    if (end < st.to) {
      if (end + 1 != st.to) {
        return false;
      }
      if (st.is(end, Kw.CASCADE)) {
        note = "; CASCADE also drops the objects that depend on it";
      } else if (!TokenDml.wordIs(st, end, "RESTRICT")) {
        return false;
      }
    }
    p.how = "judged by the lexer: plain DROP";
    String type = st.lx.text(t).toUpperCase(Locale.ROOT);
    Verdicts.drop(p, st, type, List.of(st.qualifiedName(n)), note);
    return true;
  }

  /** TRUNCATE [TABLE] name [CASCADE]. */
  private static boolean truncate(Pass p, Stmt st, int verb) {
    int n = st.is(verb + 1, Kw.TABLE) ? verb + 2 : verb + 1;
    int end = plainNameEnd(st, n);
    if (end < 0) {
      return false;
    }
    String note = "";
    if (end < st.to) {
      if (end + 1 != st.to || !st.is(end, Kw.CASCADE)) {
        return false;
      }
      note = "; CASCADE also empties the tables that refer to it";
    }
    p.how = "judged by the lexer: plain TRUNCATE";
    Verdicts.truncate(p, st, List.of(st.qualifiedName(n)), note);
    return true;
  }

  /**
   * REPLACE INTO name [(columns)] VALUES|SELECT ... whose only write keywords are its own: the
   * parser reads it as an upsert and the lexer's fallback as an insert replacing rows with the same
   * key, with the same verb, table and reason.
   */
  private static boolean replace(Pass p, Stmt st, int verb) {
    if (!st.is(verb + 1, Kw.INTO)) {
      return false;
    }
    int n = verb + 2;
    int end = plainNameEnd(st, n);
    if (end < 0 || end >= st.to) {
      return false;
    }
    int next = st.type(end) == Lexed.LPAREN ? st.lx.skipGroup(end, st.to) : end;
    if (!st.is(next, Kw.VALUES) && !st.is(next, Kw.SELECT)) {
      return false;
    }
    if (!TokenDml.onlyInsertWrites(p, st, verb)) {
      return false;
    }
    p.how = "judged by the lexer: plain REPLACE";
    LexicalRules.insert(p, st, verb, false, true);
    return true;
  }

  /**
   * SELECT items FROM name INTO OUTFILE|DUMPFILE 'file' and SELECT items INTO name FROM name, where
   * the items are plain column names, dotted names or {@code *}: the parser path's file write or
   * new table.
   */
  private static boolean selectInto(Pass p, Stmt st, int verb) {
    if (p.procedural) {
      return false;
    }
    int j = verb + 1;
    boolean item = false;
    while (j < st.to
        && (st.type(j) == Lexed.COMMA
            || st.type(j) == Lexed.DOT
            || (st.type(j) == Lexed.OP && st.lx.text(j).equals("*"))
            || (ParserWords.isPlainWord(st, j) && st.kw(j) == Kw.NONE))) {
      item = true;
      j++;
    }
    if (!item) {
      return false;
    }
    if (st.is(j, Kw.FROM)) {
      int end = plainNameEnd(st, j + 1);
      if (end < 0
          || end + 3 != st.to
          || !st.is(end, Kw.INTO)
          || !(st.is(end + 1, Kw.OUTFILE) || TokenDml.wordIs(st, end + 1, "DUMPFILE"))
          || st.type(end + 2) != Lexed.STRING) {
        return false;
      }
      p.how = "judged by the lexer: SELECT INTO a file";
      p.effect(st, "sql.select-into-file")
          .verb("select into " + st.lx.text(end + 1).toUpperCase(Locale.ROOT))
          .program("mysql")
          .destructive()
          .reason("writes the query's rows to a file on the database server")
          .emit();
      return true;
    }
    if (!st.is(j, Kw.INTO)) {
      return false;
    }
    int t = j + 1;
    int end = plainNameEnd(st, t);
    if (end < 0 || !st.is(end, Kw.FROM) || plainNameEnd(st, end + 1) != st.to) {
      return false;
    }
    String table = st.qualifiedName(t);
    p.how = "judged by the lexer: SELECT INTO a table";
    p.effect(st, "sql.select-into")
        .verb("select into")
        .resource("table " + table)
        .env(Verdicts.object(table))
        .safe()
        .access(Access.WRITE)
        .reason("creates table " + table + " from the query's rows")
        .emit();
    return true;
  }

  /**
   * DELETE TOP (n) [PERCENT] FROM name with nothing after it: JSqlParser 5.4 rejects every such
   * statement, so it is judged by the lexer's fallback without asking the parser first.
   */
  private static boolean deleteTop(Pass p, Stmt st, int verb) {
    if (!st.is(verb + 1, Kw.TOP)
        || st.type(verb + 2) != Lexed.LPAREN
        || st.type(verb + 3) != Lexed.NUMBER
        || st.type(verb + 4) != Lexed.RPAREN) {
      return false;
    }
    int f = TokenDml.skipWords(st, verb + 5, "PERCENT");
    if (!st.is(f, Kw.FROM) || plainNameEnd(st, f + 1) != st.to) {
      return false;
    }
    p.how = "judged by the lexer: DELETE TOP (n), which the parser rejects";
    return LexicalRules.fallback(p, st, st.firstWrite(p.procedural), false);
  }

  /** DELETE FROM name, with nothing after it or a WHERE clause of literals only. */
  private static boolean deleteAll(Pass p, Stmt st, int verb) {
    if (!st.is(verb + 1, Kw.FROM)) {
      return false;
    }
    int n = verb + 2;
    int end = plainNameEnd(st, n);
    if (end == st.to) {
      p.how = "judged by the lexer: DELETE without WHERE";
      Verdicts.modify(p, st, "delete", st.qualifiedName(n), Verdicts.Filter.NONE, "");
      return true;
    }
    return end > 0 && literalWhere(p, st, verb, "delete", n, end);
  }

  /**
   * A WHERE clause at token {@code where} running to the end of the statement and made of literals
   * only, judged by {@link TokenWhere}; false if there is none or it is not sure.
   */
  private static boolean literalWhere(Pass p, Stmt st, int verb, String what, int n, int where) {
    if (!st.is(where, Kw.WHERE)) {
      return false;
    }
    Verdicts.Filter filter = TokenWhere.judge(st, where + 1, st.to);
    if (filter == null) {
      return false;
    }
    p.how = "judged by the lexer: WHERE of literals only";
    Verdicts.modify(p, st, what, st.qualifiedName(n), filter, TokenDml.whereSource(st, verb));
    return true;
  }

  /** UPDATE name SET column = value [, column = value ...], with nothing after it. */
  private static boolean updateAll(Pass p, Stmt st, int verb) {
    int n = verb + 1;
    int j = plainNameEnd(st, n);
    if (j < 0 || !st.is(j, Kw.SET)) {
      return false;
    }
    j++;
    while (true) {
      if (!plainPart(st, j) || !isOp(st, j + 1, "=")) {
        return false;
      }
      j += 2;
      if (isOp(st, j, "-") && st.type(j + 1) == Lexed.NUMBER) {
        j++;
      }
      if (!simpleValue(st, j)) {
        return false;
      }
      j++;
      if (j == st.to) {
        break;
      }
      if (st.is(j, Kw.WHERE)) {
        return literalWhere(p, st, verb, "update", n, j);
      }
      if (st.type(j) != Lexed.COMMA) {
        return false;
      }
      j++;
    }
    p.how = "judged by the lexer: UPDATE without WHERE";
    Verdicts.modify(p, st, "update", st.qualifiedName(n), Verdicts.Filter.NONE, "");
    return true;
  }

  /**
   * CREATE [OR REPLACE] [UNIQUE|TEMP|TEMPORARY|MATERIALIZED] TABLE|INDEX|VIEW with no DELETE, (and
   * a plain CREATE DATABASE|SCHEMA name, see {@link #plainCreateDatabase}) UPDATE, INSERT, DROP,
   * TRUNCATE or MERGE statement inside: the parser and the lexer both call it a create that loses
   * nothing.
   */
  private static boolean create(Pass p, Stmt st, int verb) {
    int t = verb + 1;
    if (st.is(t, Kw.OR) && st.is(t + 1, Kw.REPLACE)) {
      t += 2;
    }
    if (TokenDml.wordIs(st, t, "UNIQUE")
        || TokenDml.wordIs(st, t, "TEMP")
        || TokenDml.wordIs(st, t, "TEMPORARY")
        || TokenDml.wordIs(st, t, "MATERIALIZED")) {
      t++;
    }
    int k = st.kw(t);
    if ((k == Kw.DATABASE || k == Kw.SCHEMA) && !plainCreateDatabase(st, verb, t)) {
      return false;
    }
    if ((k != Kw.TABLE && k != Kw.INDEX && k != Kw.VIEW && k != Kw.DATABASE && k != Kw.SCHEMA)
        || Procedures.typeIndex(st, verb) != t
        || TokenDdl.hiddenWrite(st, verb) >= 0) {
      return false;
    }
    String target = Procedures.createTarget(st, verb);
    p.how = "judged by the lexer: CREATE with nothing inside that writes";
    p.effect(st, "sql.create")
        .verb("create")
        .resource(target)
        .safe()
        .access(Access.WRITE)
        .reason("creates " + target + "; nothing is lost")
        .emit();
    return true;
  }

  /**
   * CREATE DATABASE|SCHEMA [IF NOT EXISTS] name and nothing after it: JSqlParser reads it as a
   * create, and the create rule needs only the noun and the name.
   */
  private static boolean plainCreateDatabase(Stmt st, int verb, int t) {
    if (t != verb + 1) {
      return false;
    }
    int n = t + 1;
    if (st.is(n, Kw.IF) && st.is(n + 1, Kw.NOT) && st.is(n + 2, Kw.EXISTS)) {
      n += 3;
    }
    return plainNameEnd(st, n) == st.to;
  }

  /**
   * ALTER TABLE name ... (ADD, ALTER COLUMN, SET, OWNER TO, ...), with no DROP, TRUNCATE or DISCARD
   * anywhere in it. JSqlParser reports a dropping clause only for those words, and when it fails
   * the lexer's reading ({@link TokenDdl#alterTable}) finds none either: both call it an alter that
   * drops nothing.
   */
  private static boolean alterAdd(Pass p, Stmt st, int verb) {
    if (!st.is(verb + 1, Kw.TABLE)) {
      return false;
    }
    int n = verb + 2;
    int j = plainNameEnd(st, n);
    if (j < 0 || j >= st.to) {
      return false;
    }
    for (int i = j; i < st.to; i++) {
      int k = st.kw(i);
      if (k == Kw.DROP || k == Kw.TRUNCATE || k == Kw.DISCARD) {
        return false;
      }
    }
    String table = st.qualifiedName(n);
    p.how = "judged by the lexer: ALTER TABLE that drops nothing";
    p.effect(st, "sql.alter")
        .verb("alter table")
        .resource("table " + table)
        .env(Verdicts.object(table))
        .safe()
        .access(Access.WRITE)
        .reason("alters table " + table + "; nothing is dropped")
        .emit();
    return true;
  }

  /**
   * The token after a plain name of one to three parts that starts at i, or -1. A plain part is a
   * word that is no keyword, or a quoted identifier of letters, digits, underscores and spaces; the
   * parts are joined by single dots.
   */
  static int plainNameEnd(Stmt st, int i) {
    int j = i;
    for (int parts = 1; parts <= 3; parts++) {
      if (!plainPart(st, j) && !dottedBacktick(st, j)) {
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

  private static boolean plainPart(Stmt st, int i) {
    byte t = st.type(i);
    Lexed lx = st.lx;
    int s = lx.start[Math.max(0, Math.min(i, lx.count - 1))];
    int e = lx.end[Math.max(0, Math.min(i, lx.count - 1))];
    if (t == Lexed.WORD) {
      return st.kw(i) == Kw.NONE && plainChars(lx.text, s, e);
    }
    return t == Lexed.QIDENT && plainQuoted(st, i);
  }

  /**
   * Whether token i is a backquoted name of words of letters, digits, underscores and hyphens
   * joined by single dots ({@code `acme-prod.analytics.events`}, BigQuery's project.dataset.table),
   * not starting with a digit or a hyphen. Both paths name it by its unquoted text.
   */
  static boolean dottedBacktick(Stmt st, int i) {
    if (st.type(i) != Lexed.QIDENT) {
      return false;
    }
    Lexed lx = st.lx;
    int s = lx.start[i] + 1;
    int e = lx.end[i] - 1;
    if (lx.text.charAt(s - 1) != '`' || s >= e) {
      return false;
    }
    boolean wordStart = true;
    for (int k = s; k < e; k++) {
      char c = lx.text.charAt(k);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      if (wordStart) {
        if (!letter) {
          return false;
        }
        wordStart = false;
      } else if (c == '.') {
        wordStart = true;
      } else if (!letter && !digit && c != '-') {
        return false;
      }
    }
    return !wordStart;
  }

  /**
   * Whether token i is a quoted identifier of letters, digits, underscores and spaces that does not
   * start with a digit or a space.
   */
  static boolean plainQuoted(Stmt st, int i) {
    if (st.type(i) != Lexed.QIDENT) {
      return false;
    }
    Lexed lx = st.lx;
    int s = lx.start[i];
    int e = lx.end[i];
    return e - s >= 3 && plainChars(lx.text, s + 1, e - 1) && lx.text.charAt(s + 1) != ' ';
  }

  private static boolean plainChars(String text, int s, int e) {
    if (s >= e) {
      return false;
    }
    char first = text.charAt(s);
    if (first >= '0' && first <= '9') {
      return false;
    }
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == ' ';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOp(Stmt st, int i, String op) {
    return st.type(i) == Lexed.OP
        && st.lx.end[i] - st.lx.start[i] == op.length()
        && st.lx.text.startsWith(op, st.lx.start[i]);
  }

  /** A literal, a parameter, NULL, TRUE, FALSE or a plain column name. */
  private static boolean simpleValue(Stmt st, int i) {
    byte t = st.type(i);
    if (t == Lexed.NUMBER || t == Lexed.STRING || t == Lexed.PARAM) {
      return true;
    }
    int k = st.kw(i);
    return k == Kw.NULL || k == Kw.TRUE || k == Kw.FALSE || plainPart(st, i);
  }
}
