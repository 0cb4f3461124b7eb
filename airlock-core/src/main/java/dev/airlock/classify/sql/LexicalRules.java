package dev.airlock.classify.sql;

import dev.airlock.classify.Access;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that judge a statement from its tokens: routing by verb, the fast path for statements
 * that cannot write, plain INSERTs, and the keyword view used when JSqlParser cannot read a
 * statement (DROP, TRUNCATE, DELETE and UPDATE are still recognised; anything else that may write
 * is unknown).
 */
final class LexicalRules {

  private LexicalRules() {}

  /**
   * Verbs that hand the statement (or part of it) to another judgement before nested writes are
   * looked at: EXPLAIN and its synonyms, SHOW, a BEGIN block, PREPARE ... AS.
   */
  static boolean delegate(Pass p, Stmt st, int verb) {
    int k = st.kw(verb);
    if (k == Kw.SHOW || k == Kw.HELP) {
      p.how = "judged by the lexer: SHOW only reads";
      read(p, st, verb);
      return true;
    }
    if (k == Kw.EXPLAIN || k == Kw.DESCRIBE || k == Kw.DESC) {
      return explain(p, st, verb);
    }
    if (k == Kw.BEGIN && verb + 1 < st.to && isStatementVerb(st.kw(verb + 1))) {
      Procedures.judgePiece(p, st.sub(verb + 1, st.to, st.context));
      return true;
    }
    if (k == Kw.PREPARE) {
      return Dynamic.prepare(p, st, verb);
    }
    return false;
  }

  /** Verbs judged from tokens alone; false hands the statement on to the parser. */
  static boolean byVerb(Pass p, Stmt st, int verb) {
    int k = st.kw(verb);
    if (k == Kw.BEGIN
        || k == Kw.START
        || k == Kw.COMMIT
        || k == Kw.END
        || k == Kw.ROLLBACK
        || k == Kw.ABORT
        || k == Kw.SAVEPOINT
        || k == Kw.RELEASE) {
      if (st.firstWrite(p.procedural) >= 0) {
        return false;
      }
      p.how = "judged by the lexer: transaction control";
      read(p, st, verb);
      return true;
    }
    if (k == Kw.SET || k == Kw.RESET) {
      return SettingsRules.set(p, st, verb);
    }
    if (k == Kw.USE) {
      return SettingsRules.use(p, st, verb);
    }
    if (k == Kw.COPY) {
      return VendorRules.copy(p, st, verb);
    }
    if (k == Kw.DO) {
      return Procedures.doBlock(p, st, verb);
    }
    if (k == Kw.CREATE) {
      return Procedures.create(p, st, verb);
    }
    if (k == Kw.DROP && st.is(verb + 1, Kw.OWNED)) {
      p.how = "judged by the lexer: DROP OWNED";
      List<String> owners = names(st, st.is(verb + 2, Kw.BY) ? verb + 3 : verb + 2);
      Verdicts.drop(p, st, "OWNED", owners, "");
      return true;
    }
    if (k == Kw.ALTER) {
      return SettingsRules.alter(p, st, verb);
    }
    if (k == Kw.GRANT || k == Kw.REVOKE) {
      return SettingsRules.privileges(p, st, verb);
    }
    if (k == Kw.EXECUTE || k == Kw.EXEC || k == Kw.CALL || k == Kw.DEALLOCATE) {
      return Dynamic.judge(p, st, verb);
    }
    if (k == Kw.INSERT && st.is(verb + 1, Kw.OVERWRITE)) {
      p.how = "judged by the lexer: INSERT OVERWRITE";
      int t = st.is(verb + 2, Kw.TABLE) ? verb + 3 : verb + 2;
      String table = st.qualifiedName(t);
      p.effect(st, "sql.insert-overwrite")
          .verb("insert overwrite")
          .resource("table " + table)
          .env(Verdicts.object(table))
          .catastrophic()
          .reason("replaces every row of table " + table + " with the query's rows")
          .emit();
      return true;
    }
    return VendorRules.vendor(p, st, verb, k);
  }

  /** EXPLAIN, DESCRIBE and DESC: only EXPLAIN ANALYZE runs the statement it explains. */
  private static boolean explain(Pass p, Stmt st, int verb) {
    boolean analyze = false;
    int inner = -1;
    for (int j = verb + 1; j < st.to && inner < 0; j++) {
      int k = st.kw(j);
      if (st.type(j) == Lexed.LPAREN && j == verb + 1) {
        int end = st.lx.skipGroup(j, st.to);
        for (int i = j + 1; i < end; i++) {
          int ki = st.kw(i);
          if ((ki == Kw.ANALYZE || ki == Kw.ANALYSE) && !isOff(st, i + 1)) {
            analyze = true;
          }
        }
        j = end - 1;
      } else if (k == Kw.ANALYZE || k == Kw.ANALYSE) {
        analyze = true;
      } else if (isStatementVerb(k) && k != Kw.SET) {
        inner = j;
      }
    }
    if (inner >= 0 && analyze) {
      p.how = "judged by the lexer: EXPLAIN ANALYZE runs its statement";
      p.judgeStatement(st.sub(inner, st.to, prefix(st, "EXPLAIN ANALYZE runs the statement")));
      return true;
    }
    p.how = "judged by the lexer: EXPLAIN does not run its statement";
    p.effect(st, inner >= 0 ? "sql.explain" : "sql.read")
        .verb(st.lx.text(verb))
        .resource(inner >= 0 ? "" : describeTarget(st, verb + 1))
        .safe()
        .read()
        .reason(
            inner >= 0
                ? "shows the query plan without running the statement"
                : "describes a table or shows a plan; it changes nothing")
        .emit();
    return true;
  }

  private static boolean isOff(Stmt st, int i) {
    int k = st.kw(i);
    if (k == Kw.FALSE || k == Kw.OFF) {
      return true;
    }
    return st.type(i) == Lexed.NUMBER && st.lx.text(i).equals("0");
  }

  private static String describeTarget(Stmt st, int i) {
    String name = st.qualifiedName(i);
    return name.isEmpty() ? "" : "table " + name;
  }

  static String prefix(Stmt st, String more) {
    return st.context.isEmpty() ? more : st.context + "; " + more;
  }

  /** A statement that cannot write: a SELECT, SHOW, transaction or session statement. */
  static void read(Pass p, Stmt st, int verb) {
    int k = st.kw(verb);
    String rule = "sql.read";
    String reason = "reads data; it changes nothing";
    String resource = "";
    if (k == Kw.BEGIN
        || k == Kw.START
        || k == Kw.COMMIT
        || k == Kw.END
        || k == Kw.ROLLBACK
        || k == Kw.ABORT
        || k == Kw.SAVEPOINT
        || k == Kw.RELEASE) {
      rule = "sql.transaction";
      reason = "controls the transaction; it changes no data by itself";
    } else if (k == Kw.SET
        || k == Kw.RESET
        || k == Kw.USE
        || k == Kw.DEALLOCATE
        || k == Kw.DISCARD
        || k == Kw.LISTEN
        || k == Kw.UNLISTEN
        || k == Kw.DECLARE
        || k == Kw.FETCH
        || k == Kw.CLOSE
        || k == Kw.MOVE) {
      rule = "sql.session";
      reason = "changes only this session's state (settings, cursors, notifications)";
    } else if (k == Kw.SHOW || k == Kw.DESCRIBE || k == Kw.DESC || k == Kw.HELP) {
      reason = "shows metadata; it changes nothing";
      resource = describeTarget(st, verb + 1);
    } else {
      int from = st.find(Kw.FROM, verb);
      if (from > 0 && st.isName(from + 1)) {
        resource = "table " + st.qualifiedName(from + 1);
      } else if (k == Kw.TABLE) {
        resource = describeTarget(st, verb + 1);
      }
    }
    Effect e = p.effect(st, rule).verb(st.lx.text(verb)).resource(resource).safe().read();
    if (resource.startsWith("table ")) {
      e.env(Verdicts.object(resource.substring(6)));
    }
    e.reason(reason).emit();
  }

  /**
   * An INSERT whose only writing keywords are its own (INTO, an ON CONFLICT or ON DUPLICATE KEY
   * upsert clause): safe, a write. Anything else goes to the parser.
   */
  static boolean plainInsert(Pass p, Stmt st, int verb) {
    if (!TokenDml.onlyInsertWrites(p, st, verb)) {
      return false;
    }
    p.how = "judged by the lexer: a plain INSERT";
    insert(p, st, verb, false, false);
    return true;
  }

  /**
   * A DELETE or UPDATE whose only write keyword is its verb and whose WHERE clause is a conjunction
   * of column-versus-literal predicates: provably a narrow write. Anything else (no WHERE, OR,
   * functions, subqueries, other write keywords) goes to the parser.
   */
  static boolean narrowDml(Pass p, Stmt st, int verb) {
    if (!TokenDml.narrowOnTokens) {
      return false;
    }
    for (int i = st.from; i < st.to; i++) {
      if (i != verb && Kw.WRITE[st.kw(i)] && st.isWriteAt(i, verb, p.procedural)) {
        return false;
      }
    }
    TokenDml.Dml dml = TokenDml.read(st, verb);
    if (dml.filter() != Verdicts.Filter.COLUMNS) {
      return false;
    }
    p.how = "judged by the lexer: WHERE compares columns with literals";
    Verdicts.modify(p, st, dml.verb(), dml.table(), dml.filter(), dml.where());
    return true;
  }

  static void insert(Pass p, Stmt st, int verb, boolean upsertVerb, boolean replaceVerb) {
    boolean upsert = upsertVerb || st.has(Kw.CONFLICT, verb) || st.has(Kw.DUPLICATE, verb);
    boolean replace = replaceVerb || (st.is(verb + 1, Kw.OR) && st.is(verb + 2, Kw.REPLACE));
    int into = st.find(Kw.INTO, verb);
    int t =
        into > 0
            ? into + 1
            : TokenDml.skipWords(
                st, verb + 1, "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY");
    String table = st.qualifiedName(t);
    String verbName = replace ? "replace" : upsert ? "upsert" : "insert";
    String reason =
        replace
            ? "inserts rows into table " + table + ", replacing rows with the same key"
            : upsert
                ? "inserts rows into table " + table + " or updates the rows they conflict with"
                : "inserts rows into table " + table;
    Verdicts.insert(p, st, verbName, table, reason);
  }

  /**
   * The keyword view, for statements JSqlParser could not read. DROP, TRUNCATE, DELETE and UPDATE
   * are recognised wherever they stand; ALTER, CREATE, MERGE and INSERT by their verb; a statement
   * with a known reading verb and no write keyword is a read; anything else is unknown.
   */
  static boolean fallback(Pass p, Stmt st, int write, boolean nestedEffects) {
    int verb = st.mainVerbIndex();
    int k = st.kw(verb);
    int before = p.run.findings.size();
    if (k == Kw.ALTER) {
      TokenDdl.alterTable(p, st, verb);
      return true;
    }
    if (k == Kw.CREATE) {
      TokenDdl.create(p, st, verb);
      return true;
    }
    if (k == Kw.MERGE) {
      TokenDml.merge(p, st, verb);
      return true;
    }
    if (k == Kw.INSERT || k == Kw.REPLACE || k == Kw.UPSERT) {
      if (TokenDml.onlyInsertWrites(p, st, verb)) {
        insert(p, st, verb, k == Kw.UPSERT, k == Kw.REPLACE);
        return true;
      }
    }
    for (int i = st.from; i < st.to; i++) {
      int ki = st.kw(i);
      if (!Kw.WRITE[ki] || st.inGroup(i) || !st.isWriteAt(i, verb, p.procedural)) {
        continue;
      }
      if (ki == Kw.DROP) {
        i = Math.max(i, TokenDml.drop(p, st, i) - 1);
      } else if (ki == Kw.TRUNCATE && !st.is(i + 1, Kw.PARTITION)) {
        i = Math.max(i, TokenDml.truncate(p, st, i) - 1);
      } else if ((ki == Kw.DELETE || ki == Kw.UPDATE) && TokenDml.startsStatement(st, i)) {
        TokenDml.modify(p, st, i);
      }
    }
    if (p.run.findings.size() > before) {
      return true;
    }
    if (write < 0 && Kw.READ_VERB[k]) {
      if (!nestedEffects) {
        read(p, st, verb);
      }
      return true;
    }
    if (write < 0 && nestedEffects) {
      return true;
    }
    String what =
        write >= 0
            ? "could not parse this statement and it may write (contains "
                + st.lx.text(write).toUpperCase(java.util.Locale.ROOT)
                + ")"
            : "does not start with a statement Airlock knows ("
                + abbreviateWord(st.lx.text(verb))
                + ")";
    p.effect(st, "sql.not-understood")
        .verb(k == Kw.NONE ? "" : st.lx.text(verb))
        .unknown()
        .access(Access.WRITE)
        .reason(what)
        .emit();
    return true;
  }

  private static String abbreviateWord(String w) {
    return w.length() > 40 ? w.substring(0, 40) + "..." : w;
  }

  /** Names read from a statement, and the token after the last of them. */
  record NameList(List<String> names, int end) {}

  /** Names separated by commas from token i: tables, roles (strings count, for MySQL users). */
  static List<String> names(Stmt st, int i) {
    return nameList(st, i).names();
  }

  static NameList nameList(Stmt st, int i) {
    List<String> out = new ArrayList<>(2);
    int j = i;
    while (j < st.to) {
      if (st.isName(j)) {
        out.add(st.qualifiedName(j));
        j = st.nameEnd(j);
      } else if (st.lx.isString(j)) {
        out.add(st.lx.stringValue(j));
        j++;
      } else {
        break;
      }
      while (j < st.to && (st.type(j) == Lexed.PARAM || st.type(j) == Lexed.STRING)) {
        j++; // user@host
      }
      if (j < st.to && st.type(j) == Lexed.OP && st.lx.text.charAt(st.lx.start[j]) == '*') {
        j++; // TRUNCATE t *
      }
      if (j < st.to && st.type(j) == Lexed.COMMA) {
        j++;
      } else {
        break;
      }
    }
    return new NameList(out, j);
  }

  /** Keywords that can start a statement. */
  static boolean isStatementVerb(int k) {
    return k == Kw.SELECT
        || k == Kw.INSERT
        || k == Kw.UPDATE
        || k == Kw.DELETE
        || k == Kw.MERGE
        || k == Kw.UPSERT
        || k == Kw.REPLACE
        || k == Kw.DROP
        || k == Kw.TRUNCATE
        || k == Kw.ALTER
        || k == Kw.CREATE
        || k == Kw.GRANT
        || k == Kw.REVOKE
        || k == Kw.COPY
        || k == Kw.EXECUTE
        || k == Kw.EXEC
        || k == Kw.CALL
        || k == Kw.WITH
        || k == Kw.VALUES
        || k == Kw.TABLE
        || k == Kw.PREPARE
        || k == Kw.LOCK
        || k == Kw.VACUUM
        || k == Kw.ANALYZE
        || k == Kw.REFRESH
        || k == Kw.COMMENT
        || k == Kw.RENAME
        || k == Kw.LOAD
        || k == Kw.SET
        || k == Kw.DECLARE
        || k == Kw.KILL;
  }
}
