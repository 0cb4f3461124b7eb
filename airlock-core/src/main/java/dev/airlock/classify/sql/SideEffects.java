package dev.airlock.classify.sql;

import dev.airlock.classify.Access;
import dev.airlock.classify.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions that act when a query merely calls them: {@code SELECT pg_terminate_backend(pid)} ends
 * sessions, {@code lo_unlink} deletes, {@code dblink_exec} runs SQL elsewhere. Each call found
 * among a statement's own tokens is reported once.
 */
final class SideEffects {

  private SideEffects() {}

  private record Fn(String rule, Severity severity, Access access, String reason) {}

  private static final Fn KILL =
      new Fn(
          "sql.kill-session",
          Severity.DESTRUCTIVE,
          Access.WRITE,
          "ends or cancels other database sessions; their uncommitted work is lost");
  private static final Fn SLOT =
      new Fn(
          "sql.drop-replication-slot",
          Severity.DESTRUCTIVE,
          Access.WRITE,
          "drops or consumes a replication slot; replicas or change-data consumers lose their"
              + " place");
  private static final Fn FILE =
      new Fn(
          "sql.server-file-write",
          Severity.DESTRUCTIVE,
          Access.WRITE,
          "writes, renames or deletes a file on the database server");
  private static final Fn REMOTE =
      new Fn(
          "sql.remote-sql",
          Severity.UNKNOWN,
          Access.WRITE,
          "runs SQL given as a string, here or on another server, which cannot be judged before"
              + " it runs");
  private static final Fn SHELL =
      new Fn(
          "sql.shell-command",
          Severity.CATASTROPHIC,
          Access.WRITE,
          "runs a shell command on the database server");
  private static final Fn STATE =
      new Fn(
          "sql.server-state",
          Severity.SAFE,
          Access.WRITE,
          "changes server state (configuration reload, logs, WAL, statistics, sequences or large"
              + " objects); no table data is lost");

  private static final Fn FAILOVER =
      new Fn("sql.failover", Severity.DESTRUCTIVE, Access.WRITE, "promotes a standby to primary");
  private static final Fn UNLINK =
      new Fn(
          "sql.large-object-unlink", Severity.DESTRUCTIVE, Access.WRITE, "deletes a large object");
  private static final Fn LIBRARY =
      new Fn(
          "sql.load-library",
          Severity.UNKNOWN,
          Access.WRITE,
          "loads a native library, which Airlock cannot judge");

  private static final Map<String, Fn> FUNCTIONS = new LinkedHashMap<>();

  static {
    for (String n : List.of("pg_terminate_backend", "pg_cancel_backend")) {
      FUNCTIONS.put(n, KILL);
    }
    for (String n :
        List.of(
            "pg_drop_replication_slot",
            "pg_replication_origin_drop",
            "pg_logical_slot_get_changes",
            "pg_logical_slot_get_binary_changes")) {
      FUNCTIONS.put(n, SLOT);
    }
    FUNCTIONS.put("pg_promote", FAILOVER);
    FUNCTIONS.put("lo_unlink", UNLINK);
    for (String n :
        List.of("lo_export", "pg_file_write", "pg_file_unlink", "pg_file_rename", "writefile")) {
      FUNCTIONS.put(n, FILE);
    }
    for (String n :
        List.of(
            "dblink_exec",
            "dblink",
            "dblink_send_query",
            "query_to_xml",
            "query_to_xml_and_xmlschema",
            "query_to_xmlschema")) {
      FUNCTIONS.put(n, REMOTE);
    }
    FUNCTIONS.put("sys_exec", SHELL);
    FUNCTIONS.put("sys_eval", SHELL);
    FUNCTIONS.put("load_extension", LIBRARY);
    for (String n :
        List.of(
            "pg_reload_conf",
            "pg_rotate_logfile",
            "pg_switch_wal",
            "pg_create_restore_point",
            "pg_create_physical_replication_slot",
            "pg_create_logical_replication_slot",
            "pg_stat_reset",
            "pg_stat_statements_reset",
            "setval",
            "lo_import",
            "lo_create",
            "lo_from_bytea",
            "lo_put")) {
      FUNCTIONS.put(n, STATE);
    }
  }

  private static final String[] NAMES = FUNCTIONS.keySet().toArray(new String[0]);
  private static final Fn[] FNS = FUNCTIONS.values().toArray(new Fn[0]);
  private static final WordTable TABLE = new WordTable(NAMES);

  private static final String[] DESTRUCTIVE_STEMS = {
    "delete",
    "drop",
    "purge",
    "truncate",
    "remove",
    "wipe",
    "destroy",
    "erase",
    "kill",
    "cleanup",
    "clean_up",
    "nuke"
  };

  /**
   * Whether a function the classifier does not know is named for destroying data ({@code
   * purge_orders}, {@code deleteUser}); such a call from a SELECT is not taken for a read.
   */
  static boolean soundsDestructive(String name) {
    if (name.length() < 4 || name.length() > 100) {
      return false;
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("pg_") || lower.equals("replace") || lower.equals("regexp_replace")) {
      return false;
    }
    for (String stem : DESTRUCTIVE_STEMS) {
      if (lower.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports each side-effect function called among tokens {@code [from, to)} of the statement
   * (outside its nested groups); returns how many were found.
   */
  static int scan(Pass p, Stmt st, int from, int to) {
    long seen = 0;
    int count = 0;
    for (int i = from; i < to - 1; i++) {
      if (st.type(i + 1) != Lexed.LPAREN || !st.lx.isName(i) || st.inGroup(i)) {
        continue;
      }
      int id =
          st.type(i) == Lexed.QIDENT
              ? TABLE.lookup(st.lx.name(i), 0, st.lx.name(i).length())
              : TABLE.lookup(st.lx.text, st.lx.start[i], st.lx.end[i]);
      if (id == 0 && (seen & 1L) == 0 && soundsDestructive(st.lx.name(i))) {
        seen |= 1L;
        count++;
        String name = st.lx.name(i);
        p.effect(st, "sql.function-may-write")
            .verb("call " + name)
            .resource("function " + name)
            .unknown()
            .reason("calls function " + name + ", whose name says it removes data")
            .emit();
        continue;
      }
      if (id == 0 || (seen & (1L << id)) != 0) {
        continue;
      }
      seen |= 1L << id;
      count++;
      Fn fn = FNS[id - 1];
      String name = NAMES[id - 1];
      p.effect(st, fn.rule())
          .verb("call " + name)
          .resource("function " + name)
          .severity(fn.severity())
          .access(fn.access())
          .reason("calls " + name + ", which " + fn.reason())
          .emit();
    }
    return count;
  }
}
