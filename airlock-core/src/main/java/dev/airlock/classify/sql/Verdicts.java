package dev.airlock.classify.sql;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import java.util.List;
import java.util.Locale;

/**
 * The judgements shared by the parser and the lexer paths: what dropping, truncating, deleting,
 * updating and inserting mean for severity, given the facts each path established, and which
 * environment the names involved point to.
 */
final class Verdicts {

  private Verdicts() {}

  /** How a DELETE or UPDATE chooses its rows. */
  enum Filter {
    /** No WHERE clause. */
    NONE,
    /** A WHERE clause that is always true ({@code 1=1}, {@code true}, {@code x = 5 OR 1=1}). */
    ALWAYS_TRUE,
    /** A WHERE clause that refers to no column: it matches every row or none. */
    CONSTANT,
    /** A WHERE clause that is always false: nothing changes. */
    ALWAYS_FALSE,
    /** A WHERE clause that refers to columns: a real filter. */
    COLUMNS,
    /** No WHERE clause, but a join condition selects the rows (MySQL multi-table form). */
    JOIN,
    /** No WHERE clause, but LIMIT or TOP bounds the number of rows. */
    LIMIT,
    /** A WHERE clause the lexer could not check. */
    UNCHECKED
  }

  /**
   * The environment a database or schema name points to: any marker counts ({@code app_production},
   * {@code shop_dev}).
   */
  static Environment database(String name) {
    return EnvironmentMarkers.of(name);
  }

  /**
   * The environment a possibly qualified object name points to. The qualifier (database, schema)
   * counts like {@link #database}; the object's own name only escalates to production, because
   * tables named {@code test_runs} or {@code dev_notes} live in production too.
   */
  static Environment object(String qualified) {
    int dot = qualified.lastIndexOf('.');
    Environment env = Environment.UNKNOWN;
    if (dot > 0) {
      env = EnvironmentMarkers.of(qualified.substring(0, dot));
    }
    if (EnvironmentMarkers.of(qualified.substring(dot + 1)) == Environment.PRODUCTION) {
      env = Environment.PRODUCTION;
    }
    return env;
  }

  static Environment objects(List<String> names) {
    Environment env = Environment.UNKNOWN;
    for (String n : names) {
      env = env.combine(object(n));
    }
    return env;
  }

  /** DROP of an object type (upper case, e.g. {@code TABLE}, {@code MATERIALIZED VIEW}). */
  static void drop(Pass p, Stmt st, String type, List<String> names, String note) {
    String t = type.toUpperCase(Locale.ROOT);
    String noun = t.toLowerCase(Locale.ROOT);
    String list = names.isEmpty() ? "(unnamed)" : String.join(", ", names);
    String resource = list.isEmpty() ? noun : noun + " " + list;
    Effect e = p.effect(st, "sql.drop-object").verb("drop " + noun).resource(resource);
    switch (t) {
      case "DATABASE" -> {
        Environment env = Environment.UNKNOWN;
        for (String n : names) {
          env = env.combine(database(n));
        }
        e = p.effect(st, "sql.drop-database").verb("drop database").resource(resource).env(env);
        e.catastrophic().reason("drops database " + list + " and every table and row in it");
      }
      case "SCHEMA" -> {
        Environment env = Environment.UNKNOWN;
        for (String n : names) {
          env = env.combine(database(n));
        }
        e = p.effect(st, "sql.drop-schema").verb("drop schema").resource(resource).env(env);
        e.catastrophic().reason("drops schema " + list + " and every object in it" + note);
      }
      case "TABLE" -> {
        e = p.effect(st, "sql.drop-table").verb("drop table").resource(resource);
        e.env(objects(names)).catastrophic();
        e.reason("drops table " + list + " with all its rows" + note);
      }
      case "TABLESPACE" -> {
        e = p.effect(st, "sql.drop-tablespace").verb("drop tablespace").resource(resource);
        if (note.contains("contents")) {
          e.catastrophic().reason("drops tablespace " + list + note);
        } else {
          e.destructive().reason("drops tablespace " + list + note);
        }
      }
      case "OWNED" -> {
        e = p.effect(st, "sql.drop-owned").verb("drop owned").resource("objects owned by " + list);
        e.catastrophic().reason("drops every object owned by " + list + " in this database");
      }
      case "USER", "ROLE", "GROUP", "LOGIN" -> {
        e = p.effect(st, "sql.drop-role").verb("drop " + noun).resource(resource);
        if (t.equals("USER") && note.contains("CASCADE")) {
          e.catastrophic()
              .reason("drops user " + list + " and every object in its schema (CASCADE)");
        } else {
          e.destructive().reason("drops database " + noun + " " + list + " and its privileges");
        }
      }
      default -> e.env(objects(names)).destructive().reason("drops " + resource + note);
    }
    e.emit();
  }

  static void truncate(Pass p, Stmt st, List<String> names, String note) {
    String list = names.isEmpty() ? "(unnamed)" : String.join(", ", names);
    p.effect(st, "sql.truncate")
        .verb("truncate")
        .resource("table " + list)
        .env(objects(names))
        .catastrophic()
        .reason("empties table " + list + ": every row is removed at once" + note)
        .emit();
  }

  /** DELETE or UPDATE ({@code verb}) of {@code table} with rows chosen by {@code filter}. */
  static void modify(Pass p, Stmt st, String verb, String table, Filter filter, String where) {
    boolean delete = verb.equals("delete");
    String what = delete ? "deletes" : "updates";
    String base = delete ? "sql.delete" : "sql.update";
    String resource = table.isEmpty() ? "" : "table " + table;
    String of = table.isEmpty() ? "" : " of table " + table;
    String w = where.length() > 80 ? where.substring(0, 77) + "..." : where;
    Effect e =
        p.effect(st, base + "-all").verb(verb).resource(resource).env(object(table)).catastrophic();
    switch (filter) {
      case NONE -> e.reason(what + " every row" + of + " (no WHERE clause)");
      case ALWAYS_TRUE -> e.reason(what + " every row" + of + ": WHERE " + w + " is always true");
      case CONSTANT ->
          e.reason(
              what + " every row" + of + " or none: WHERE " + w + " does not refer to any column");
      case JOIN ->
          e =
              p.effect(st, base + "-joined")
                  .verb(verb)
                  .resource(resource)
                  .env(object(table))
                  .destructive()
                  .reason(what + " the rows" + of + " that match a join, with no WHERE clause");
      case LIMIT ->
          e =
              p.effect(st, base + "-limited")
                  .verb(verb)
                  .resource(resource)
                  .env(object(table))
                  .destructive()
                  .reason(what + " arbitrary rows" + of + " up to a LIMIT, with no WHERE clause");
      case ALWAYS_FALSE ->
          e =
              p.effect(st, base)
                  .verb(verb)
                  .resource(resource)
                  .env(object(table))
                  .safe()
                  .access(Access.WRITE)
                  .reason(what + " no rows: WHERE " + w + " is always false");
      case COLUMNS ->
          e =
              p.effect(st, base)
                  .verb(verb)
                  .resource(resource)
                  .env(object(table))
                  .safe()
                  .access(Access.WRITE)
                  .reason(what + " the rows" + of + " matching WHERE " + w + " (a narrow write)");
      case UNCHECKED ->
          e =
              p.effect(st, "sql.not-understood")
                  .verb(verb)
                  .resource(resource)
                  .env(object(table))
                  .severity(Severity.UNKNOWN)
                  .reason(
                      "could not parse this "
                          + verb.toUpperCase(Locale.ROOT)
                          + "; its WHERE clause names columns but Airlock cannot check that it"
                          + " narrows the rows");
    }
    e.emit();
  }

  static void insert(Pass p, Stmt st, String verb, String table, String reason) {
    p.effect(st, "sql.insert")
        .verb(verb)
        .resource(table.isEmpty() ? "" : "table " + table)
        .env(object(table))
        .safe()
        .reason(reason)
        .emit();
  }
}
