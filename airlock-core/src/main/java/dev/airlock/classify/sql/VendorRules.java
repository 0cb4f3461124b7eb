package dev.airlock.classify.sql;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import java.util.Locale;

/**
 * Statements whose meaning their verb and a few words decide, judged from tokens: session settings,
 * COPY, privilege changes, ALTER of anything but a table, and the vendor verbs (SQLite's ATTACH and
 * PRAGMA, MySQL's FLUSH and SHUTDOWN, maintenance, LOCK, LOAD, ...).
 */
final class VendorRules {

  private VendorRules() {}

  /** PostgreSQL COPY: to or from a program runs a shell command on the server. */
  static boolean copy(Pass p, Stmt st, int verb) {
    p.how = "judged by the lexer: COPY";
    int j = verb + 1;
    String table = "";
    if (st.type(j) == Lexed.LPAREN) {
      j = st.lx.skipGroup(j, st.to);
    } else if (st.isName(j)) {
      table = st.qualifiedName(j);
      j = st.nameEnd(j);
      if (st.type(j) == Lexed.LPAREN) {
        j = st.lx.skipGroup(j, st.to);
      }
    }
    int dir = j;
    boolean from = st.is(dir, Kw.FROM);
    if (!from && !st.is(dir, Kw.TO)) {
      p.effect(st, "sql.not-understood")
          .verb("copy")
          .unknown()
          .reason("could not read this COPY statement")
          .emit();
      return true;
    }
    String what = table.isEmpty() ? "the query's rows" : "table " + table;
    String resource = table.isEmpty() ? "" : "table " + table;
    Effect e = p.effect(st, "sql.copy").program("postgres").resource(resource);
    e.env(Verdicts.object(table));
    int target = dir + 1;
    if (st.is(target, Kw.PROGRAM)) {
      String cmd = st.lx.isString(target + 1) ? st.lx.stringValue(target + 1) : "?";
      String shown = cmd.length() > 120 ? cmd.substring(0, 117) + "..." : cmd;
      p.effect(st, "sql.copy-program")
          .program("postgres")
          .verb(from ? "copy from program" : "copy to program")
          .resource("program '" + shown + "'")
          .catastrophic()
          .reason("runs a shell command on the database server: " + shown)
          .emit();
      return true;
    }
    if (st.is(target, Kw.STDIN) || st.is(target, Kw.STDOUT)) {
      if (from) {
        e = p.effect(st, "sql.copy-from").program("postgres").resource(resource);
        e.verb("copy from")
            .safe()
            .access(Access.WRITE)
            .reason("loads rows sent by the client into " + what);
      } else {
        e = p.effect(st, "sql.copy-to").program("postgres").resource(resource);
        e.verb("copy to").safe().read().reason("sends " + what + " to the client");
      }
      e.env(Verdicts.object(table)).emit();
      return true;
    }
    if (st.lx.isString(target)) {
      String file = st.lx.stringValue(target);
      if (from) {
        p.effect(st, "sql.copy-from")
            .program("postgres")
            .resource(resource)
            .env(Verdicts.object(table))
            .verb("copy from")
            .safe()
            .access(Access.WRITE)
            .reason("loads rows from server file '" + file + "' into " + what)
            .emit();
      } else {
        p.effect(st, "sql.copy-to-file")
            .program("postgres")
            .resource("file '" + file + "'")
            .verb("copy to")
            .destructive()
            .reason(
                "writes server file '"
                    + file
                    + "' with "
                    + what
                    + " (an existing file is overwritten)")
            .emit();
      }
      return true;
    }
    e.verb("copy").unknown().reason("could not read where this COPY reads or writes").emit();
    return true;
  }

  /** The vendor verbs; false if the verb is none of them. */
  static boolean vendor(Pass p, Stmt st, int verb, int k) {
    p.how = "judged by the lexer: " + st.lx.text(verb).toUpperCase(Locale.ROOT);
    String rest = st.qualifiedName(verb + 1);
    if (k == Kw.ATTACH) {
      int f = st.is(verb + 1, Kw.DATABASE) ? verb + 2 : verb + 1;
      String file = st.lx.isString(f) ? st.lx.stringValue(f) : st.qualifiedName(f);
      Environment env = Verdicts.database(file);
      simple(
              p,
              st,
              "sql.attach",
              "attach",
              "database file '" + file + "'",
              Sev.WRITE,
              "attaches database file '"
                  + file
                  + "' to this session (the file is created if missing)")
          .program("sqlite")
          .env(env)
          .emit();
      p.switchTo(env);
      return true;
    }
    if (k == Kw.DETACH) {
      simple(p, st, "sql.session", "detach", "", Sev.READ, "detaches a database from this session")
          .program("sqlite")
          .emit();
      return true;
    }
    if (k == Kw.PRAGMA) {
      pragma(p, st, verb);
      return true;
    }
    if (k == Kw.FLUSH) {
      simple(
              p,
              st,
              "sql.flush",
              "flush",
              "",
              Sev.WRITE,
              "flushes server caches, logs or privileges; no data is deleted")
          .program("mysql")
          .emit();
      return true;
    }
    if (k == Kw.SHUTDOWN) {
      simple(
              p,
              st,
              "sql.shutdown",
              "shutdown",
              "server",
              Sev.DESTRUCTIVE,
              "stops the database server; every session and open transaction ends")
          .emit();
      return true;
    }
    if (k == Kw.KILL) {
      simple(
              p,
              st,
              "sql.kill-session",
              "kill",
              "session " + st.lx.text(Math.min(verb + 1, st.to - 1)),
              Sev.DESTRUCTIVE,
              "terminates another session; its uncommitted work is lost")
          .emit();
      return true;
    }
    if (k == Kw.VACUUM
        || k == Kw.ANALYZE
        || k == Kw.ANALYSE
        || k == Kw.REINDEX
        || k == Kw.CLUSTER
        || k == Kw.OPTIMIZE
        || k == Kw.CHECKPOINT
        || k == Kw.REFRESH
        || k == Kw.REPAIR) {
      simple(
              p,
              st,
              "sql.maintenance",
              st.lx.text(verb),
              rest.isEmpty() ? "" : "table " + rest,
              Sev.WRITE,
              "runs maintenance (statistics, storage, indexes or views); no data is lost")
          .emit();
      return true;
    }
    if (k == Kw.LOCK) {
      simple(
              p,
              st,
              "sql.lock",
              "lock",
              rest,
              Sev.WRITE,
              "locks tables until the transaction ends; other sessions wait")
          .emit();
      return true;
    }
    if (k == Kw.UNLOCK || k == Kw.HANDLER) {
      simple(
              p,
              st,
              "sql.session",
              st.lx.text(verb),
              "",
              Sev.READ,
              "changes only this session's state")
          .emit();
      return true;
    }
    if (k == Kw.LOAD) {
      if (st.lx.isString(verb + 1)) {
        simple(
                p,
                st,
                "sql.load-library",
                "load",
                "library '" + st.lx.stringValue(verb + 1) + "'",
                Sev.UNKNOWN,
                "loads a native library into the server, which Airlock cannot judge")
            .program("postgres")
            .emit();
        return true;
      }
      int into = st.find(Kw.TABLE, verb);
      String table = into > 0 ? st.qualifiedName(into + 1) : "";
      simple(
              p,
              st,
              "sql.load",
              "load data",
              "table " + table,
              Sev.WRITE,
              "loads rows from a file into table "
                  + table
                  + (st.has(Kw.REPLACE, verb) ? ", replacing rows with the same key" : ""))
          .program("mysql")
          .env(Verdicts.object(table))
          .emit();
      return true;
    }
    if (k == Kw.IMPORT
        || k == Kw.COMMENT
        || k == Kw.SECURITY
        || k == Kw.RENAME
        || k == Kw.UNDROP
        || k == Kw.NOTIFY
        || k == Kw.BULK
        || k == Kw.BACKUP) {
      simple(
              p,
              st,
              "sql.write",
              st.lx.text(verb),
              rest,
              Sev.WRITE,
              "changes metadata, names or notifications, or writes a backup; no data is lost")
          .emit();
      return true;
    }
    if (k == Kw.PURGE) {
      simple(
              p,
              st,
              "sql.purge",
              "purge",
              rest,
              Sev.DESTRUCTIVE,
              "permanently removes dropped objects or old logs, so they can no longer be recovered")
          .emit();
      return true;
    }
    if (k == Kw.RESTORE) {
      if (TokenDml.skipWords(st, verb + 1, "VERIFYONLY", "HEADERONLY", "FILELISTONLY", "LABELONLY")
          > verb + 1) {
        simple(p, st, "sql.read", "restore", "", Sev.READ, "inspects a backup; changes nothing")
            .program("sqlserver")
            .emit();
        return true;
      }
      String db = st.qualifiedName(verb + 2);
      simple(
              p,
              st,
              "sql.restore",
              "restore",
              "database " + db,
              Sev.CATASTROPHIC,
              "replaces database " + db + " with the contents of a backup")
          .program("sqlserver")
          .env(Verdicts.database(db))
          .emit();
      return true;
    }
    if (k == Kw.FLASHBACK) {
      boolean database = st.is(verb + 1, Kw.DATABASE);
      simple(
              p,
              st,
              "sql.flashback",
              "flashback",
              rest,
              database ? Sev.CATASTROPHIC : Sev.DESTRUCTIVE,
              "rewinds "
                  + (database ? "the whole database" : "a table")
                  + " to an earlier point; later changes are lost")
          .program("oracle")
          .emit();
      return true;
    }
    if (k == Kw.SOURCE) {
      simple(
              p,
              st,
              "sql.source",
              "source",
              "file " + rest,
              Sev.UNKNOWN,
              "runs the SQL in a file that is not part of this input")
          .program("mysql")
          .emit();
      return true;
    }
    if (k == Kw.DBCC) {
      boolean loss =
          st.lx
              .text
              .substring(st.spanStart, st.spanEnd)
              .toUpperCase(Locale.ROOT)
              .contains("REPAIR_ALLOW_DATA_LOSS");
      simple(
              p,
              st,
              "sql.dbcc",
              "dbcc",
              rest,
              loss ? Sev.DESTRUCTIVE : Sev.WRITE,
              loss
                  ? "repairs the database by deleting the data it cannot fix"
                  : "runs a database consistency or maintenance command")
          .program("sqlserver")
          .emit();
      return true;
    }
    if (k == Kw.REASSIGN) {
      simple(
              p,
              st,
              "sql.role-privilege",
              "reassign owned",
              rest,
              Sev.DESTRUCTIVE,
              "hands every object a role owns to another role (a privilege change)")
          .emit();
      return true;
    }
    p.how = "";
    return false;
  }

  /** PRAGMA: reading one is safe; setting writable_schema or a key can destroy the database. */
  private static void pragma(Pass p, Stmt st, int verb) {
    int n = st.nameEnd(verb + 1);
    String full = st.qualifiedName(verb + 1);
    String name = full.substring(full.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    boolean assigns = st.type(n) == Lexed.OP && st.lx.text(n).equals("=");
    boolean call = st.type(n) == Lexed.LPAREN;
    String value =
        assigns && n + 1 < st.to
            ? st.lx.text(n + 1)
            : call && n + 1 < st.to ? st.lx.text(n + 1) : "";
    boolean readsOnly =
        (!assigns && !call)
            || switch (name) {
              case "table_info",
                  "table_xinfo",
                  "index_list",
                  "index_info",
                  "index_xinfo",
                  "foreign_key_list",
                  "foreign_key_check",
                  "database_list",
                  "table_list",
                  "collation_list",
                  "function_list",
                  "module_list",
                  "pragma_list",
                  "compile_options",
                  "integrity_check",
                  "quick_check" ->
                  true;
              default -> false;
            };
    Effect e = p.effect(st, "sql.pragma").program("sqlite").verb("pragma").resource(name);
    if (readsOnly) {
      e.safe().read().reason("reads database setting or metadata " + name);
    } else if (name.equals("writable_schema") && !isFalse(value)) {
      e =
          p.effect(st, "sql.pragma-writable-schema")
              .program("sqlite")
              .verb("pragma")
              .resource(name)
              .destructive()
              .reason(
                  "lets statements rewrite the schema table directly, which can corrupt the"
                      + " database");
    } else if (name.equals("key") || name.equals("rekey") || name.equals("hexrekey")) {
      e.destructive().reason("changes the database encryption key; a lost key loses the data");
    } else {
      e.safe().access(Access.WRITE).reason("changes database setting " + name);
    }
    e.emit();
  }

  private static boolean isFalse(String v) {
    String x = v.replace("'", "").replace("\"", "").toLowerCase(Locale.ROOT);
    return x.equals("0") || x.equals("off") || x.equals("false") || x.equals("no");
  }

  private enum Sev {
    READ,
    WRITE,
    DESTRUCTIVE,
    CATASTROPHIC,
    UNKNOWN
  }

  private static Effect simple(
      Pass p, Stmt st, String rule, String verb, String resource, Sev sev, String reason) {
    Effect e = p.effect(st, rule).verb(verb).resource(resource).reason(reason);
    return switch (sev) {
      case READ -> e.safe().read();
      case WRITE -> e.safe().access(Access.WRITE);
      case DESTRUCTIVE -> e.destructive();
      case CATASTROPHIC -> e.catastrophic();
      case UNKNOWN -> e.unknown();
    };
  }
}
