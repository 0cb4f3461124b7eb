package dev.airlock.classify.sql;

import dev.airlock.classify.Access;
import dev.airlock.classify.Finding;
import java.util.Locale;

/**
 * Dynamic SQL and procedure calls: EXECUTE, EXECUTE IMMEDIATE, EXEC, CALL, PREPARE. A string
 * literal given to them is read as SQL in a nested scope; anything computed at run time cannot be
 * judged before it runs and is unknown.
 */
final class Dynamic {

  private Dynamic() {}

  private static final WordTable SAFE_PROCEDURES =
      new WordTable(
          "sp_help",
          "sp_helptext",
          "sp_helpindex",
          "sp_helpdb",
          "sp_helpconstraint",
          "sp_who",
          "sp_who2",
          "sp_columns",
          "sp_tables",
          "sp_databases",
          "sp_spaceused",
          "sp_lock",
          "sp_server_info",
          "sp_stored_procedures",
          "sp_describe_first_result_set",
          "sp_helprotect",
          "sp_helpuser",
          "sp_helplogins");

  static boolean judge(Pass p, Stmt st, int verb) {
    int k = st.kw(verb);
    p.how = "judged by the lexer: " + st.lx.text(verb).toUpperCase(Locale.ROOT);
    if (k == Kw.DEALLOCATE) {
      LexicalRules.read(p, st, verb);
      return true;
    }
    int arg = verb + 1;
    if (k == Kw.EXECUTE && st.is(arg, Kw.IMMEDIATE)) {
      return literalOrDynamic(p, st, arg + 1, "EXECUTE IMMEDIATE");
    }
    boolean stringArg =
        st.lx.isString(arg) || (TokenDml.wordIs(st, arg, "N") && st.lx.isString(arg + 1));
    if ((k == Kw.EXECUTE || k == Kw.EXEC)
        && (stringArg || st.type(arg) == Lexed.LPAREN || (k == Kw.EXECUTE && p.procedural))) {
      int lit = st.type(arg) == Lexed.LPAREN ? arg + 1 : arg;
      return literalOrDynamic(p, st, lit, st.lx.text(verb).toUpperCase(Locale.ROOT));
    }
    if (k == Kw.CALL) {
      call(p, st, st.qualifiedName(arg));
      return true;
    }
    // EXEC[UTE] name ...: a procedure (SQL Server) or a prepared statement (PostgreSQL).
    if (st.type(arg) == Lexed.PARAM && st.type(arg + 1) == Lexed.OP) {
      arg += 2; // EXEC @rc = proc
    }
    String name = st.qualifiedName(arg);
    String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    int after = st.nameEnd(arg);
    if (last.equals("xp_cmdshell")) {
      int lit = literalAt(st, after);
      String cmd = lit >= 0 ? st.lx.stringValue(lit) : "?";
      p.effect(st, "sql.shell-command")
          .verb("exec xp_cmdshell")
          .program("sqlserver")
          .resource("program '" + cut(cmd) + "'")
          .catastrophic()
          .reason("runs a shell command on the database server: " + cut(cmd))
          .emit();
      return true;
    }
    if (last.equals("sp_executesql")) {
      return literalOrDynamic(p, st, after, "sp_executesql");
    }
    if (last.equals("sp_msforeachtable") || last.equals("sp_msforeachdb")) {
      return literalOrDynamic(
          p, st, after, name + " for every " + (last.endsWith("db") ? "database" : "table"));
    }
    if (SAFE_PROCEDURES.lookup(last, 0, last.length()) != 0) {
      p.effect(st, "sql.call")
          .verb("exec")
          .program("sqlserver")
          .resource("procedure " + name)
          .safe()
          .read()
          .reason("runs system procedure " + name + ", which only reads metadata")
          .emit();
      return true;
    }
    String key = name.toLowerCase(Locale.ROOT);
    if (k == Kw.EXECUTE && p.run.prepared.containsKey(key)) {
      boolean readOnly = p.run.prepared.get(key);
      p.effect(st, "sql.execute-prepared")
          .verb("execute")
          .resource("prepared statement " + name)
          .safe()
          .access(readOnly ? Access.READ : Access.WRITE)
          .reason("runs prepared statement " + name + ", judged where it was prepared")
          .emit();
      return true;
    }
    if (k == Kw.EXECUTE) {
      p.effect(st, "sql.dynamic")
          .verb("execute")
          .resource("prepared statement " + name)
          .unknown()
          .reason("runs prepared statement " + name + ", whose text is not in this input")
          .emit();
      return true;
    }
    call(p, st, name);
    return true;
  }

  private static void call(Pass p, Stmt st, String name) {
    p.effect(st, "sql.call")
        .verb("call")
        .resource("procedure " + name)
        .unknown()
        .reason("calls stored procedure " + name + ", whose effects Airlock cannot see")
        .emit();
  }

  /** PREPARE name AS statement (PostgreSQL) or PREPARE name FROM 'text' (MySQL). */
  static boolean prepare(Pass p, Stmt st, int verb) {
    String name = st.qualifiedName(verb + 1);
    int j = st.nameEnd(verb + 1);
    if (st.type(j) == Lexed.LPAREN) {
      j = st.lx.skipGroup(j, st.to);
    }
    int before = p.run.findings.size();
    String ctx = LexicalRules.prefix(st, "PREPARE " + name + " (runs when executed)");
    p.how = "judged by the lexer: PREPARE";
    if (st.is(j, Kw.AS) && j + 1 < st.to) {
      p.judgeStatement(st.sub(j + 1, st.to, ctx));
    } else if (st.is(j, Kw.FROM)) {
      literalOrDynamic(p, st, j + 1, "PREPARE " + name);
    } else {
      p.effect(st, "sql.not-understood")
          .verb("prepare")
          .unknown()
          .reason("could not read this PREPARE statement")
          .emit();
    }
    boolean readOnly = true;
    for (int i = before; i < p.run.findings.size(); i++) {
      Finding f = p.run.findings.get(i);
      readOnly &= f.access() == Access.READ;
    }
    p.run.prepared.put(name.toLowerCase(Locale.ROOT), readOnly && p.run.findings.size() > before);
    return true;
  }

  /** The string literal at i (skipping an N prefix) if it stands alone as the argument, or -1. */
  static int literalAt(Stmt st, int i) {
    int j = i;
    if (TokenDml.wordIs(st, j, "N") && st.lx.isString(j + 1)) {
      j++;
    }
    if (!st.lx.isString(j) || j >= st.to) {
      return -1;
    }
    int next = j + 1;
    if (next >= st.to
        || st.type(next) == Lexed.RPAREN
        || st.type(next) == Lexed.COMMA
        || st.is(next, Kw.USING)
        || st.is(next, Kw.INTO)) {
      return j;
    }
    return -1;
  }

  /** Reads the literal at i as nested SQL, or reports dynamic SQL. */
  static boolean literalOrDynamic(Pass p, Stmt st, int i, String what) {
    int lit = literalAt(st, i);
    if (lit < 0) {
      p.effect(st, "sql.dynamic")
          .verb(what)
          .unknown()
          .reason("dynamic SQL cannot be judged before it runs (" + what + " of a computed string)")
          .emit();
      return true;
    }
    int offset = st.lx.verbatim(lit) ? st.lx.contentStart(lit) : -1;
    int before = p.run.findings.size();
    p.nested(st, st.lx.stringValue(lit), offset, false, LexicalRules.prefix(st, what + " runs"));
    if (p.run.findings.size() == before) {
      p.effect(st, "sql.read")
          .verb(what)
          .safe()
          .read()
          .reason(what + " of a literal that holds no statement")
          .emit();
    }
    return true;
  }

  static String cut(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
