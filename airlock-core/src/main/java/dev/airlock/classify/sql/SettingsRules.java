package dev.airlock.classify.sql;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import java.util.List;
import java.util.Locale;

/**
 * Statements that change who may do what or how the server or session behaves: SET and RESET, USE,
 * ALTER of roles, of the system and of anything but a table, GRANT and REVOKE.
 */
final class SettingsRules {

  private SettingsRules() {}

  /** SET and RESET: session settings are reads; server-wide settings and passwords are not. */
  static boolean set(Pass p, Stmt st, int verb) {
    p.how = "judged by the lexer: a setting";
    int next = verb + 1;
    int k = st.kw(next);
    if (st.is(verb, Kw.RESET)
        && (TokenDml.wordIs(st, next, "MASTER")
            || TokenDml.wordIs(st, next, "SLAVE")
            || TokenDml.wordIs(st, next, "REPLICA")
            || TokenDml.wordIs(st, next, "BINARY"))) {
      p.effect(st, "sql.server-config")
          .verb("reset " + st.lx.text(next).toLowerCase(Locale.ROOT))
          .program("mysql")
          .destructive()
          .reason(
              "deletes the binary logs or the replication position; point-in-time recovery or"
                  + " replicas lose their history")
          .emit();
      return true;
    }
    String param = st.type(next) == Lexed.PARAM ? st.lx.text(next).toLowerCase(Locale.ROOT) : "";
    if (k == Kw.GLOBAL
        || k == Kw.PERSIST
        || k == Kw.PERSIST_ONLY
        || param.startsWith("@@global.")
        || param.startsWith("@@persist")) {
      p.effect(st, "sql.server-config")
          .verb("set global")
          .program("mysql")
          .destructive()
          .reason("changes a server-wide setting for every session")
          .emit();
      return true;
    }
    if (k == Kw.PASSWORD) {
      p.effect(st, "sql.role-privilege")
          .verb("set password")
          .destructive()
          .reason("changes a database account's password")
          .emit();
      return true;
    }
    for (int i = next; i < st.to; i++) {
      if (st.lx.text(i).toLowerCase(Locale.ROOT).endsWith("sql_log_bin") && !isOn(st, i)) {
        p.effect(st, "sql.server-config")
            .verb("set sql_log_bin")
            .program("mysql")
            .destructive()
            .reason(
                "turns off binary logging, so the writes that follow skip replication and"
                    + " point-in-time recovery")
            .emit();
        return true;
      }
    }
    if (st.firstWrite(p.procedural) >= 0) {
      return false;
    }
    if (k == Kw.SEARCH_PATH || k == Kw.SCHEMA) {
      Environment env = Environment.UNKNOWN;
      for (int i = next + 1; i < st.to; i++) {
        if (st.isName(i) || st.lx.isString(i)) {
          String n = st.isName(i) ? st.lx.name(i) : st.lx.stringValue(i);
          env = env.combine(Verdicts.database(n));
        }
      }
      p.effect(st, "sql.session")
          .verb("set")
          .safe()
          .read()
          .env(env)
          .reason("changes the schema search path of this session")
          .emit();
      p.switchTo(env);
      return true;
    }
    LexicalRules.read(p, st, verb);
    return true;
  }

  private static boolean isOn(Stmt st, int i) {
    for (int j = i + 1; j < Math.min(st.to, i + 3); j++) {
      String v = st.lx.text(j);
      if (v.equals("1") || v.equalsIgnoreCase("ON") || v.equalsIgnoreCase("TRUE")) {
        return true;
      }
    }
    return false;
  }

  /** USE db: a read that points the statements after it at that database. */
  static boolean use(Pass p, Stmt st, int verb) {
    String db = st.lx.isString(verb + 1) ? st.lx.stringValue(verb + 1) : st.qualifiedName(verb + 1);
    Environment env = Verdicts.database(db);
    p.how = "judged by the lexer: USE";
    p.effect(st, "sql.session")
        .verb("use")
        .resource("database " + db)
        .env(env)
        .safe()
        .read()
        .reason("switches this session to database " + db)
        .emit();
    p.switchTo(env);
    return true;
  }

  /** ALTER of anything but a table: SYSTEM and roles by rule, the rest from tokens. */
  static boolean alter(Pass p, Stmt st, int verb) {
    int k = st.kw(verb + 1);
    p.how = "judged by the lexer: ALTER";
    if (k == Kw.DEFAULT && TokenDml.wordIs(st, verb + 2, "PRIVILEGES")) {
      p.effect(st, "sql.grant")
          .verb("alter default privileges")
          .destructive()
          .reason("changes the privileges future objects get (a privilege change)")
          .emit();
      return true;
    }
    int owner = st.find(Kw.OWNER, verb);
    if (owner > 0 && st.is(owner + 1, Kw.TO)) {
      String object = st.qualifiedName(verb + 2);
      String noun = st.lx.text(verb + 1).toLowerCase(Locale.ROOT);
      String who = st.qualifiedName(owner + 2);
      p.effect(st, "sql.role-privilege")
          .verb("alter " + noun + " owner")
          .resource(noun + " " + object)
          .env(Verdicts.object(object))
          .destructive()
          .reason("gives " + noun + " " + object + " to " + who + " (a privilege change)")
          .emit();
      return true;
    }
    if (k == Kw.TABLE) {
      p.how = "";
      return false;
    }
    if (k == Kw.SYSTEM) {
      p.effect(st, "sql.server-config")
          .verb("alter system")
          .program("postgres")
          .destructive()
          .reason("changes the server configuration for every session")
          .emit();
      return true;
    }
    if (k == Kw.USER || k == Kw.ROLE || k == Kw.LOGIN || k == Kw.GROUP) {
      int n = verb + 2;
      if (st.is(n, Kw.IF) && st.is(n + 1, Kw.EXISTS)) {
        n += 2;
      }
      List<String> names = LexicalRules.names(st, n);
      String who = names.isEmpty() ? "" : String.join(", ", names);
      String noun = st.lx.text(verb + 1).toLowerCase(Locale.ROOT);
      int after = LexicalRules.nameList(st, n).end();
      int ka = st.kw(after);
      boolean settingOnly =
          (ka == Kw.SET || ka == Kw.RESET || ka == Kw.IN) && !st.has(Kw.PASSWORD, n);
      if (TokenDml.wordIs(st, after, "RENAME") || settingOnly) {
        p.effect(st, "sql.alter")
            .verb("alter " + noun)
            .resource(noun + " " + who)
            .safe()
            .access(Access.WRITE)
            .reason(
                settingOnly
                    ? "changes a default setting of " + noun + " " + who
                    : "renames " + noun + " " + who)
            .emit();
      } else {
        p.effect(st, "sql.role-privilege")
            .verb("alter " + noun)
            .resource(noun + " " + who)
            .destructive()
            .reason(
                "changes the privileges, password or login of "
                    + noun
                    + " "
                    + who
                    + " (a privilege change)")
            .emit();
      }
      return true;
    }
    TokenDdl.alterTable(p, st, verb);
    return true;
  }

  /** GRANT and REVOKE change privileges. */
  static boolean privileges(Pass p, Stmt st, int verb) {
    boolean grant = st.is(verb, Kw.GRANT);
    int on = st.find(Kw.ON, verb);
    String object = "";
    if (on > 0) {
      int o = on + 1;
      while (o < st.to
          && st.type(o) == Lexed.WORD
          && st.isName(o + 1)
          && (st.kw(o) == Kw.TABLE
              || st.kw(o) == Kw.SCHEMA
              || st.kw(o) == Kw.DATABASE
              || st.kw(o) == Kw.FUNCTION
              || st.kw(o) == Kw.SEQUENCE
              || st.kw(o) == Kw.ALL
              || TokenDml.wordIs(st, o, "TABLES")
              || st.kw(o) == Kw.IN)) {
        o++;
      }
      object = st.qualifiedName(o);
    }
    int who = st.find(grant ? Kw.TO : Kw.FROM, verb);
    String grantee = who > 0 ? String.join(", ", LexicalRules.names(st, who + 1)) : "";
    p.how = "judged by the lexer: a privilege change";
    p.effect(st, grant ? "sql.grant" : "sql.revoke")
        .verb(grant ? "grant" : "revoke")
        .resource(object.isEmpty() ? grantee : object)
        .env(Verdicts.object(object))
        .destructive()
        .reason(
            (grant ? "grants privileges" : "revokes privileges")
                + (object.isEmpty() ? "" : " on " + object)
                + (grantee.isEmpty() ? "" : (grant ? " to " : " from ") + grantee)
                + " (a privilege change)")
        .emit();
    return true;
  }
}
