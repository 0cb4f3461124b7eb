package dev.airlock.classify.sql;

import dev.airlock.classify.Access;
import java.util.List;
import java.util.Locale;

/**
 * Reads DROP, TRUNCATE, DELETE, UPDATE, ALTER TABLE, CREATE, MERGE and INSERT from tokens, for
 * statements JSqlParser cannot read (vendor syntax, procedure bodies, statements too large or deep
 * to hand it).
 */
final class TokenDml {

  private TokenDml() {}

  /**
   * Whether a DELETE or UPDATE whose WHERE compares columns with literals is judged from tokens;
   * tests turn it off to compare with the parser path.
   */
  static boolean narrowOnTokens = true;

  private static final WordTable OBJECT_TYPES =
      new WordTable(
          "DATABASE",
          "SCHEMA",
          "TABLE",
          "TABLESPACE",
          "VIEW",
          "INDEX",
          "FUNCTION",
          "PROCEDURE",
          "SEQUENCE",
          "TYPE",
          "TRIGGER",
          "USER",
          "ROLE",
          "GROUP",
          "LOGIN",
          "EXTENSION",
          "DOMAIN",
          "RULE",
          "POLICY",
          "EVENT",
          "SERVER",
          "COLLATION",
          "AGGREGATE",
          "OPERATOR",
          "PUBLICATION",
          "SUBSCRIPTION",
          "STATISTICS",
          "SYNONYM",
          "PACKAGE",
          "OWNED",
          "STAGE",
          "WAREHOUSE",
          "STREAM",
          "CONVERSION",
          "CAST",
          "LANGUAGE",
          "ROUTINE",
          "DICTIONARY",
          "SNAPSHOT",
          "DIRECTORY",
          "CONTEXT",
          "PROFILE",
          "CLUSTER",
          "TEXT",
          "ACCESS",
          "TRANSFORM",
          "KEYSPACE");

  private static final WordTable TYPE_PREFIXES =
      new WordTable(
          "TEMPORARY",
          "TEMP",
          "MATERIALIZED",
          "FOREIGN",
          "EXTERNAL",
          "GLOBAL",
          "PLUGGABLE",
          "PROCEDURAL",
          "TRUSTED",
          "EVENT");

  /** The index after the words at i that are any of {@code words} (case-insensitive). */
  static int skipWords(Stmt st, int i, String... words) {
    int j = i;
    outer:
    while (j < st.to && st.type(j) == Lexed.WORD) {
      String w = st.lx.text(j);
      for (String x : words) {
        if (w.equalsIgnoreCase(x)) {
          j++;
          continue outer;
        }
      }
      break;
    }
    return j;
  }

  private static boolean isIn(WordTable table, Stmt st, int i) {
    return i >= st.from
        && i < st.to
        && st.type(i) == Lexed.WORD
        && table.lookup(st.lx.text, st.lx.start[i], st.lx.end[i]) != 0;
  }

  static boolean wordIs(Stmt st, int i, String word) {
    return i >= st.from
        && i < st.to
        && st.type(i) == Lexed.WORD
        && st.lx.end[i] - st.lx.start[i] == word.length()
        && st.lx.text.regionMatches(true, st.lx.start[i], word, 0, word.length());
  }

  /**
   * Whether the DELETE or UPDATE at token i starts a statement rather than naming an event or a
   * privilege: not {@code ON DELETE}, {@code AFTER UPDATE OF}, {@code GRANT SELECT, DELETE}.
   */
  static boolean startsStatement(Stmt st, int i) {
    if (i == st.verbIndex()) {
      return true;
    }
    int prev = st.kw(i - 1);
    if (prev == Kw.ON
        || prev == Kw.OF
        || prev == Kw.OR
        || prev == Kw.FOR
        || prev == Kw.KEY
        || prev == Kw.GRANT
        || prev == Kw.REVOKE
        || wordIs(st, i - 1, "AFTER")
        || wordIs(st, i - 1, "BEFORE")
        || st.type(i - 1) == Lexed.COMMA) {
      return false;
    }
    return !(prev == Kw.DO && st.has(Kw.CONFLICT, st.from));
  }

  /** DROP at token i; returns the token after the clause, or i + 1 if it is no DROP statement. */
  static int drop(Pass p, Stmt st, int i) {
    int j = i + 1;
    StringBuilder type = new StringBuilder();
    while (j + 1 < st.to
        && isIn(TYPE_PREFIXES, st, j)
        && (isIn(OBJECT_TYPES, st, j + 1) || isIn(TYPE_PREFIXES, st, j + 1))) {
      type.append(st.lx.text(j).toUpperCase(Locale.ROOT)).append(' ');
      j++;
    }
    if (!isIn(OBJECT_TYPES, st, j)) {
      return i + 1;
    }
    type.append(st.lx.text(j).toUpperCase(Locale.ROOT));
    j++;
    j = skipWords(st, j, "CONCURRENTLY");
    if (st.is(j, Kw.IF) && st.is(j + 1, Kw.EXISTS)) {
      j += 2;
    }
    LexicalRules.NameList names = LexicalRules.nameList(st, j);
    StringBuilder note = new StringBuilder();
    int end = names.end();
    for (int k = end; k < st.to && k < end + 6; k++) {
      if (st.is(k, Kw.CASCADE)) {
        note.append("; CASCADE also drops the objects that depend on it");
      } else if (st.is(k, Kw.PURGE)) {
        note.append("; PURGE skips the recycle bin, so it cannot be undone");
      } else if (st.is(k, Kw.INCLUDING)) {
        note.append(" including its contents");
      }
    }
    p.how = p.how.isEmpty() ? "judged by the lexer" : p.how;
    Verdicts.drop(p, st, type.toString(), names.names(), note.toString());
    return Math.max(end, j);
  }

  /** TRUNCATE at token i; returns the token after the clause. */
  static int truncate(Pass p, Stmt st, int i) {
    int j = i + 1;
    if (st.is(j, Kw.TABLE)) {
      j++;
    }
    if (st.is(j, Kw.ONLY)) {
      j++;
    }
    LexicalRules.NameList names = LexicalRules.nameList(st, j);
    String note =
        st.has(Kw.CASCADE, names.end()) ? "; CASCADE also empties the tables that refer to it" : "";
    List<String> list = names.names().isEmpty() ? List.of("(unnamed)") : names.names();
    Verdicts.truncate(p, st, list, note);
    return Math.max(names.end(), j);
  }

  /** A DELETE or UPDATE as the lexer reads it: target, how rows are chosen, WHERE text. */
  record Dml(String verb, String table, Verdicts.Filter filter, String where) {}

  /** DELETE or UPDATE at token i, with its WHERE clause read from tokens. */
  static void modify(Pass p, Stmt st, int i) {
    Dml dml = read(st, i);
    Verdicts.modify(p, st, dml.verb(), dml.table(), dml.filter(), dml.where());
  }

  /** The source text of the WHERE clause of the DELETE or UPDATE at token i, or "". */
  static String whereSource(Stmt st, int i) {
    return st.is(i, Kw.DELETE) || st.is(i, Kw.UPDATE) ? read(st, i).where() : "";
  }

  /** Reads the DELETE or UPDATE at token i. */
  static Dml read(Stmt st, int i) {
    boolean delete = st.is(i, Kw.DELETE);
    int d = st.lx.depth[i];
    int j = skipWords(st, i + 1, "LOW_PRIORITY", "QUICK", "IGNORE");
    boolean limited = false;
    if (st.is(j, Kw.TOP)) {
      limited = true;
      j = st.type(j + 1) == Lexed.LPAREN ? st.lx.skipGroup(j + 1, st.to) : j + 2;
      j = skipWords(st, j, "PERCENT");
    }
    if (st.is(j, Kw.FROM)) {
      j++;
    }
    if (st.is(j, Kw.ONLY)) {
      j++;
    }
    String table = st.qualifiedName(j);
    int end = clauseEnd(st, i, d);
    int where = -1;
    boolean join = false;
    for (int k = i + 1; k < end; k++) {
      if (st.lx.depth[k] != d || st.inGroup(k)) {
        continue;
      }
      int kk = st.kw(k);
      if (kk == Kw.WHERE && where < 0) {
        where = k;
      } else if (kk == Kw.LIMIT || kk == Kw.TOP) {
        limited = true;
      } else if (kk == Kw.JOIN) {
        join = true;
      }
    }
    Verdicts.Filter filter;
    String text = "";
    if (where < 0) {
      filter = join ? Verdicts.Filter.JOIN : limited ? Verdicts.Filter.LIMIT : Verdicts.Filter.NONE;
    } else {
      int wEnd = end;
      for (int k = where + 1; k < end; k++) {
        int kk = st.kw(k);
        if (st.lx.depth[k] == d
            && (kk == Kw.RETURNING || kk == Kw.ORDER || kk == Kw.LIMIT || kk == Kw.END)) {
          wEnd = k;
          break;
        }
      }
      text =
          wEnd > where + 1 ? st.lx.text.substring(st.lx.start[where + 1], st.lx.end[wEnd - 1]) : "";
      if (st.is(where + 1, Kw.CURRENT) && st.is(where + 2, Kw.OF)) {
        filter = Verdicts.Filter.COLUMNS;
      } else if (namesColumn(st, where + 1, wEnd)) {
        filter =
            columnsAgainstLiterals(st, where + 1, wEnd)
                ? Verdicts.Filter.COLUMNS
                : Verdicts.Filter.UNCHECKED;
      } else {
        filter = Verdicts.Filter.CONSTANT;
      }
    }
    return new Dml(delete ? "delete" : "update", table, filter, text);
  }

  /** The end of the DELETE/UPDATE clause at i: the next statement verb at its depth, or the end. */
  private static int clauseEnd(Stmt st, int i, int d) {
    for (int k = i + 1; k < st.to; k++) {
      if (st.lx.depth[k] < d) {
        return k;
      }
      int kk = st.kw(k);
      if (st.lx.depth[k] == d
          && k > i + 1
          && (kk == Kw.DELETE
              || kk == Kw.INSERT
              || kk == Kw.DROP
              || kk == Kw.TRUNCATE
              || kk == Kw.MERGE
              || kk == Kw.UPDATE)
          && st.isWriteAt(k, st.verbIndex(), false)
          && startsStatement(st, k)) {
        return k;
      }
    }
    return st.to;
  }

  /** Whether tokens [from, to) mention a column (a name that is not a function being called). */
  private static boolean namesColumn(Stmt st, int from, int to) {
    for (int k = from; k < to; k++) {
      byte t = st.type(k);
      if (t == Lexed.QIDENT) {
        return true;
      }
      if (t != Lexed.WORD) {
        continue;
      }
      int kk = st.kw(k);
      if (kk == Kw.TRUE
          || kk == Kw.FALSE
          || kk == Kw.NULL
          || kk == Kw.NOT
          || kk == Kw.AND
          || kk == Kw.OR
          || kk == Kw.IS
          || kk == Kw.IN
          || wordIs(st, k, "LIKE")
          || wordIs(st, k, "BETWEEN")) {
        continue;
      }
      if (st.type(k + 1) != Lexed.LPAREN) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether tokens [from, to) are a conjunction of predicates that each compare a column with
   * literals ({@code id = 5 AND status IN ('a', 'b')}): no OR, NOT, function call, subquery or
   * column-to-column comparison, so the clause cannot be a hidden tautology like {@code 1=1 OR x}.
   */
  private static boolean columnsAgainstLiterals(Stmt st, int from, int to) {
    boolean sawName = false;
    boolean conjunctHasName = false;
    boolean between = false;
    for (int k = from; k < to; k++) {
      byte t = st.type(k);
      int kk = st.kw(k);
      int clock = clockValue(st, k, to);
      if (clock > k) {
        k = clock - 1;
        continue;
      }
      if (t == Lexed.NUMBER
          || t == Lexed.STRING
          || t == Lexed.PARAM
          || t == Lexed.COMMA
          || t == Lexed.LPAREN
          || t == Lexed.RPAREN
          || t == Lexed.DOT) {
        continue;
      }
      if (t == Lexed.OP) {
        String op = st.lx.text(k);
        if (op.equals("=")
            || op.equals("<")
            || op.equals(">")
            || op.equals("<=")
            || op.equals(">=")
            || op.equals("<>")
            || op.equals("!=")
            || op.equals("-")
            || op.equals("+")) {
          continue;
        }
        return false;
      }
      if (kk == Kw.AND && between) {
        between = false;
        continue;
      }
      if (kk == Kw.AND) {
        if (!conjunctHasName) {
          return false;
        }
        sawName = false;
        conjunctHasName = false;
        continue;
      }
      if (wordIs(st, k, "BETWEEN")) {
        between = true;
        continue;
      }
      if (kk == Kw.IN || kk == Kw.IS || kk == Kw.NULL) {
        continue;
      }
      if (kk == Kw.SELECT || kk == Kw.OR || kk == Kw.NOT || st.type(k + 1) == Lexed.LPAREN) {
        return false;
      }
      if (t == Lexed.WORD || t == Lexed.QIDENT) {
        if (sawName && st.type(k - 1) != Lexed.DOT) {
          return false;
        }
        sawName = true;
        conjunctHasName = true;
        continue;
      }
      return false;
    }
    return conjunctHasName;
  }

  private static final WordTable CLOCK_CALLS = new WordTable("NOW", "GETDATE", "SYSDATETIME");

  private static final WordTable CLOCK_WORDS =
      new WordTable("CURRENT_TIMESTAMP", "CURRENT_DATE", "LOCALTIMESTAMP", "SYSDATE");

  /**
   * The token after a value of the clock or an interval literal at k ({@code now()}, {@code
   * CURRENT_DATE}, {@code interval '30 days'}), which refers to no column; k if there is none.
   */
  private static int clockValue(Stmt st, int k, int to) {
    if (st.type(k) != Lexed.WORD) {
      return k;
    }
    if (isIn(CLOCK_CALLS, st, k)
        && k + 2 < to
        && st.type(k + 1) == Lexed.LPAREN
        && st.type(k + 2) == Lexed.RPAREN) {
      return k + 3;
    }
    if (isIn(CLOCK_WORDS, st, k) && st.type(k + 1) != Lexed.LPAREN) {
      return k + 1;
    }
    if (wordIs(st, k, "INTERVAL")
        && k + 1 < to
        && st.type(k + 1) == Lexed.STRING
        && st.lx.text.charAt(st.lx.start[k + 1]) == '\'') {
      return k + 2;
    }
    return k;
  }

  /** MERGE read from tokens: only a DELETE branch loses rows. */
  static void merge(Pass p, Stmt st, int verb) {
    int into = st.find(Kw.INTO, verb);
    String table = st.qualifiedName(into > 0 ? into + 1 : verb + 1);
    boolean deletes = false;
    for (int k = verb + 1; k < st.to; k++) {
      if (st.is(k, Kw.DELETE) && st.is(k - 1, Kw.THEN)) {
        deletes = true;
      }
    }
    mergeVerdict(p, st, table, deletes);
  }

  static void mergeVerdict(Pass p, Stmt st, String table, boolean deletes) {
    Effect e =
        p.effect(st, deletes ? "sql.merge-delete" : "sql.merge")
            .verb("merge")
            .resource("table " + table)
            .env(Verdicts.object(table));
    if (deletes) {
      e.destructive()
          .reason("merges into table " + table + " and deletes the rows a branch matches");
    } else {
      e.safe()
          .access(Access.WRITE)
          .reason("merges rows into table " + table + " (inserts or updates)");
    }
    e.emit();
  }

  /**
   * Whether the INSERT (or REPLACE, UPSERT) at verb writes nothing but its own rows: its only write
   * keywords are INTO, {@code INSERT OR REPLACE} and an upsert clause.
   */
  static boolean onlyInsertWrites(Pass p, Stmt st, int verb) {
    boolean upsert = false;
    for (int i = st.from; i < st.to; i++) {
      int k = st.kw(i);
      if (k == Kw.CONFLICT || k == Kw.DUPLICATE) {
        upsert = true;
      }
      if (!Kw.WRITE[k] || i == verb || st.inGroup(i) || !st.isWriteAt(i, verb, p.procedural)) {
        continue;
      }
      if (k == Kw.INTO
          || (k == Kw.DO && upsert)
          || (k == Kw.UPDATE && upsert && (st.is(i - 1, Kw.DO) || st.is(i - 1, Kw.KEY)))
          || (k == Kw.REPLACE && st.is(i - 1, Kw.OR) && i - 2 == verb)) {
        continue;
      }
      return false;
    }
    return true;
  }
}
