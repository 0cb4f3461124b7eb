package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.Targets.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schema migration tools: {@code prisma}, {@code flyway}, {@code liquibase}, {@code alembic},
 * {@code knex}, {@code sequelize}, {@code typeorm}, {@code drizzle-kit}, {@code goose}, {@code
 * dbmate}, {@code sqlx}, {@code diesel} and golang-migrate's {@code migrate}. Dropping or cleaning
 * the whole schema, or rolling back every migration, is catastrophic; resetting a development
 * database, a single rollback or a push that accepts data loss is destructive (catastrophic when
 * the command or the caller names production); applying migrations is a safe write. Database URLs,
 * {@code --env} and configuration file names name the environment.
 */
public final class MigrationRules implements CommandRules {

  /** What a subcommand does. */
  private record Effect(Severity severity, String verb, String reason) {}

  private static Effect cat(String verb, String reason) {
    return new Effect(Severity.CATASTROPHIC, verb, reason);
  }

  private static Effect des(String verb, String reason) {
    return new Effect(Severity.DESTRUCTIVE, verb, reason);
  }

  private static final String ALL_DOWN =
      "rolls back every migration, dropping the tables they made";
  private static final String ONE_DOWN = "rolls back migrations, which can drop tables and columns";

  /** Subcommands with effects, keyed {@code program command}; others are safe. */
  private static final Map<String, Effect> EFFECTS =
      Map.ofEntries(
          Map.entry("flyway clean", cat("clean", "drops every object in the configured schemas")),
          Map.entry("flyway undo", des("undo", "undoes the last versioned migration")),
          Map.entry("liquibase drop-all", cat("drop-all", "drops every database object")),
          Map.entry("liquibase dropall", cat("drop-all", "drops every database object")),
          Map.entry("knex migrate:down", des("rollback", ONE_DOWN)),
          Map.entry("knex migrate:rollback", des("rollback", ONE_DOWN)),
          Map.entry("sequelize db:drop", cat("drop-database", "drops the whole database")),
          Map.entry("sequelize db:migrate:undo:all", cat("rollback-all", ALL_DOWN)),
          Map.entry("sequelize db:migrate:undo", des("rollback", ONE_DOWN)),
          Map.entry(
              "sequelize db:seed:undo:all", des("unseed", "deletes the rows every seeder added")),
          Map.entry("sequelize db:seed:undo", des("unseed", "deletes the rows a seeder added")),
          Map.entry(
              "typeorm schema:drop", cat("drop-schema", "drops every table of the data source")),
          Map.entry("typeorm migration:revert", des("rollback", ONE_DOWN)),
          Map.entry(
              "typeorm schema:sync",
              des(
                  "sync-schema",
                  "makes the schema match the entities, dropping tables and columns they lack")),
          Map.entry("drizzle-kit drop", des("drop-migration", "deletes generated migration files")),
          Map.entry("goose reset", cat("rollback-all", ALL_DOWN)),
          Map.entry("goose down", des("rollback", ONE_DOWN)),
          Map.entry("goose down-to", des("rollback", ONE_DOWN)),
          Map.entry("goose redo", des("redo", "rolls back and reapplies the latest migration")),
          Map.entry("dbmate drop", cat("drop-database", "drops the whole database")),
          Map.entry("dbmate rollback", des("rollback", ONE_DOWN)),
          Map.entry("dbmate down", des("rollback", ONE_DOWN)),
          Map.entry("sqlx database drop", cat("drop-database", "drops the whole database")),
          Map.entry(
              "sqlx database reset",
              cat(
                  "reset-database",
                  "drops the whole database, recreates it and reapplies migrations")),
          Map.entry("sqlx migrate revert", des("rollback", ONE_DOWN)),
          Map.entry(
              "diesel database reset",
              cat(
                  "reset-database",
                  "drops the whole database, recreates it and reapplies migrations")),
          Map.entry("diesel migration revert", des("rollback", ONE_DOWN)),
          Map.entry("diesel migration redo", des("redo", "rolls back and reapplies migrations")),
          Map.entry("migrate drop", cat("drop", "drops everything in the database")),
          Map.entry("migrate goto", des("goto", "migrates to a version, rolling back newer ones")),
          Map.entry("alembic downgrade", des("rollback", ONE_DOWN)));

  /** Options whose value names a database, configuration or environment. */
  private static final Set<String> ENV_KEYS =
      Set.of(
          "env",
          "environment",
          "url",
          "database-url",
          "databaseurl",
          "db-url",
          "dburl",
          "schema",
          "config",
          "configfiles",
          "config-file",
          "defaults-file",
          "defaultsfile",
          "knexfile",
          "datasource",
          "d",
          "e",
          "n",
          "x",
          "c",
          "name",
          "database",
          "dir",
          "migrations-dir");

  private static final Set<String> VALUES =
      Set.of(
          "--env",
          "-e",
          "--url",
          "-u",
          "--database-url",
          "-D",
          "--schema",
          "--config",
          "-c",
          "--knexfile",
          "--dataSource",
          "-d",
          "-n",
          "--name",
          "-x",
          "--changelog-file",
          "--defaults-file",
          "--username",
          "--password",
          "--count",
          "--tag",
          "--date",
          "-path",
          "-source",
          "-database",
          "--dir",
          "--migrations-dir",
          "--source",
          "--to",
          "--from",
          "--env-file",
          "--migrations-path",
          "--project",
          "--file",
          "-dir",
          "-table",
          "-s");

  /** Database drivers goose takes before its connection string. */
  private static final Set<String> GOOSE_DRIVERS =
      Set.of(
          "postgres",
          "mysql",
          "sqlite3",
          "sqlite",
          "mssql",
          "redshift",
          "tidb",
          "clickhouse",
          "vertica",
          "ydb",
          "turso",
          "starrocks");

  /** Commands that apply migrations or seeds, keyed {@code program command}. */
  private static final Set<String> APPLIES =
      Set.of(
          "prisma migrate deploy",
          "prisma migrate dev",
          "prisma db push",
          "prisma db seed",
          "flyway migrate",
          "liquibase update",
          "liquibase update-count",
          "liquibase updatecount",
          "liquibase update-to-tag",
          "liquibase updatetotag",
          "alembic upgrade",
          "knex migrate:latest",
          "knex migrate:up",
          "knex seed:run",
          "sequelize db:migrate",
          "sequelize db:seed",
          "sequelize db:seed:all",
          "typeorm migration:run",
          "drizzle-kit push",
          "drizzle-kit migrate",
          "goose up",
          "goose up-by-one",
          "goose up-to",
          "dbmate up",
          "dbmate migrate",
          "dbmate load",
          "sqlx migrate run",
          "sqlx database setup",
          "diesel migration run",
          "diesel database setup",
          "migrate up");

  /** A command with no destructive effect; applying migrations is judged by its target. */
  private static void write(Reporter r, String program, String cmd, String db) {
    String what = program + (cmd.isEmpty() ? "" : " " + cmd);
    if (APPLIES.contains(what)) {
      r.migrations(program + "-apply", cmd, db, what);
    } else {
      r.write(program, cmd.isEmpty() ? "run" : cmd, db, what + ": nothing destructive recognised");
    }
  }

  private static final Set<String> GOOSE_SAFE =
      Set.of("status", "version", "create", "fix", "validate");
  private static final Set<String> MIGRATE_SAFE = Set.of("up", "force", "version", "create", "");
  private static final Set<String> DESTROY_WORDS =
      Set.of("reset", "wipe", "destroy", "purge", "nuke", "rollback", "clean");
  private static final String[] VALUE_ARRAY = VALUES.toArray(new String[0]);

  @Override
  public String name() {
    return "migrate";
  }

  @Override
  public Set<String> programs() {
    return Set.of(
        "prisma",
        "flyway",
        "liquibase",
        "alembic",
        "knex",
        "sequelize",
        "sequelize-cli",
        "typeorm",
        "typeorm-ts-node-commonjs",
        "typeorm-ts-node-esm",
        "drizzle-kit",
        "goose",
        "dbmate",
        "sqlx",
        "diesel",
        "migrate");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("migrate", inv, ctx);
    String p = program(inv.program());
    ArgView v = ArgView.of(inv.args(), VALUE_ARRAY);
    Target t = markOptions(r, inv.args());
    String db =
        t.host().isEmpty() && t.database().isEmpty()
            ? "the configured database"
            : t.describe("database");
    List<Arg> pos = v.positionals();
    String c1 = pos.isEmpty() ? "" : Reporter.lower(pos.get(0).value());
    String c2 = pos.size() > 1 ? c1 + " " + Reporter.lower(pos.get(1).value()) : c1;
    switch (p) {
      case "prisma" -> prisma(r, v, c2, db);
      case "goose" -> goose(r, pos, db);
      case "migrate" -> golangMigrate(r, v, pos, db);
      default -> {
        Effect e = EFFECTS.getOrDefault(p + " " + c2, EFFECTS.get(p + " " + c1));
        String cmd = EFFECTS.containsKey(p + " " + c2) ? c2 : c1;
        if (p.equals("liquibase")) {
          liquibase(r, v, c1, db);
          return;
        }
        if (p.equals("alembic") && e != null) {
          String target = pos.size() > 1 ? pos.get(1).value() : "";
          if (v.flag("--sql")) {
            r.read("alembic-sql", "downgrade", db, "alembic --sql only prints the SQL");
            return;
          }
          if (target.equals("base")) {
            e = cat("rollback-all", ALL_DOWN);
          }
        }
        boolean all = v.flag("--all", "-all");
        if (e != null
            && all
            && e.severity() == Severity.DESTRUCTIVE
            && e.verb().equals("rollback")) {
          e = cat("rollback-all", ALL_DOWN);
        }
        if (e == null && p.equals("typeorm") && c1.equals("query") && pos.size() > 1) {
          r.sql(pos.get(1));
          return;
        }
        if (e == null && p.equals("drizzle-kit") && c1.equals("push") && v.flag("--force")) {
          e = des("push", "pushes the schema and approves data-loss statements without asking");
        }
        if (e == null && p.equals("alembic") && v.flag("--sql")) {
          r.read("alembic-sql", c1, db, "alembic --sql only prints the SQL");
        } else if (e == null) {
          write(r, p, APPLIES.contains(p + " " + c2) ? c2 : c1, db);
        } else {
          report(r, p + "-" + e.verb(), e, db, p + " " + cmd);
        }
      }
    }
    r.finish("command", "run", "nothing destructive recognised");
  }

  private static String program(String p) {
    if (p.startsWith("typeorm")) {
      return "typeorm";
    }
    return p.equals("sequelize-cli") ? "sequelize" : p;
  }

  private static void report(Reporter r, String rule, Effect e, String db, String what) {
    r.add(rule, e.verb(), db, e.severity(), what + " " + e.reason() + " in " + db);
  }

  /** A reset of a development database, made catastrophic when production is named. */
  private static void reset(Reporter r, String rule, String db, String what, String reason) {
    boolean prod =
        r.env() == Environment.PRODUCTION || r.context().environment() == Environment.PRODUCTION;
    r.add(
        rule,
        "reset",
        db,
        prod ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        what + " " + reason + " in " + db + (prod ? ", a production database" : ""));
  }

  private static void prisma(Reporter r, ArgView v, String cmd, String db) {
    r.mark(Cli.value(v.value("--schema")));
    switch (cmd) {
      case "migrate reset" ->
          reset(
              r,
              "prisma-migrate-reset",
              db,
              "prisma migrate reset",
              "drops the database and re-applies every migration: all data is lost");
      case "db push" -> {
        if (v.flag("--force-reset")) {
          reset(
              r,
              "prisma-db-push-reset",
              db,
              "prisma db push --force-reset",
              "resets the database before pushing the schema: all data is lost");
        } else if (v.flag("--accept-data-loss")) {
          r.add(
              "prisma-db-push-data-loss",
              "push",
              db,
              Severity.DESTRUCTIVE,
              "prisma db push --accept-data-loss applies schema changes that drop columns or tables");
        } else {
          write(r, "prisma", cmd, db);
        }
      }
      case "db execute" -> {
        Arg file = v.value("--file");
        if (file != null) {
          DatabaseCliRules.sqlFile(r, file.value(), db);
        } else if (v.flag("--stdin")) {
          DatabaseCliRules.stdinSql(r, "prisma db execute", db);
        } else {
          r.unknown(
              "prisma-db-execute", "execute", db, "prisma db execute runs SQL Airlock cannot see");
        }
      }
      default -> write(r, "prisma", cmd, db);
    }
  }

  private static void liquibase(Reporter r, ArgView v, String cmd, String db) {
    String c = cmd.replace("-", "");
    if (c.endsWith("sql") && !c.equals("executesql")) {
      r.read("liquibase-sql", cmd, db, "liquibase " + cmd + " only prints the SQL it would run");
    } else if (c.equals("dropall")) {
      report(
          r,
          "liquibase-drop-all",
          EFFECTS.getOrDefault("liquibase dropall", cat("drop-all", "")),
          db,
          "liquibase " + cmd);
    } else if (c.startsWith("rollback")) {
      r.add(
          "liquibase-rollback",
          "rollback",
          db,
          Severity.DESTRUCTIVE,
          "liquibase " + cmd + " " + ONE_DOWN + " in " + db);
    } else if (c.equals("executesql")) {
      Arg sql = v.value("--sql");
      Arg file = v.value("--sql-file", "--sqlFile");
      if (sql != null) {
        r.sql(sql);
      } else {
        DatabaseCliRules.sqlFile(r, file == null ? "its --sql-file" : file.value(), db);
      }
    } else {
      write(r, "liquibase", cmd, db);
    }
  }

  private static void goose(Reporter r, List<Arg> pos, String db) {
    for (int i = 0; i < pos.size(); i++) {
      String w = Reporter.lower(pos.get(i).value());
      Effect e = EFFECTS.get("goose " + w);
      if (e == null && !w.startsWith("up") && !GOOSE_SAFE.contains(w)) {
        if (i < 2 && !GOOSE_DRIVERS.contains(w)) {
          Target t = Targets.of(pos.get(i).value());
          t.markInto(r);
          db = t.host().isEmpty() && t.database().isEmpty() ? db : t.describe("database");
        }
        continue;
      }
      if (e != null
          && w.equals("down-to")
          && i + 1 < pos.size()
          && pos.get(i + 1).value().equals("0")) {
        e = cat("rollback-all", ALL_DOWN);
      }
      if (e == null) {
        write(r, "goose", w, db);
      } else {
        report(r, "goose-" + e.verb(), e, db, "goose " + w);
      }
      return;
    }
  }

  private static void golangMigrate(Reporter r, ArgView v, List<Arg> pos, String db) {
    String cmd = pos.isEmpty() ? "" : Reporter.lower(pos.get(0).value());
    Effect e = EFFECTS.get("migrate " + cmd);
    if (cmd.equals("down")) {
      e =
          pos.size() > 1 && !v.flag("-all", "--all")
              ? des("rollback", ONE_DOWN)
              : cat("rollback-all", ALL_DOWN);
    }
    if (e != null) {
      report(r, "migrate-" + e.verb(), e, db, "migrate " + cmd);
    } else if (MIGRATE_SAFE.contains(cmd)) {
      write(r, "migrate", cmd, db);
    } else if (DESTROY_WORDS.contains(cmd)) {
      r.add(
          "migrate-unknown",
          cmd,
          db,
          Severity.DESTRUCTIVE,
          "migrate " + cmd + " is named like a command that destroys data");
    } else {
      r.write("migrate", cmd, db, "migrate " + cmd + ": nothing destructive recognised");
    }
  }

  /** Marks the environment named by options and masks passwords; returns a URL's target. */
  private static Target markOptions(Reporter r, List<Arg> args) {
    Target t = Target.NONE;
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      if (!a.isOption()) {
        continue;
      }
      int eq = v.indexOf('=');
      String key = eq > 0 ? v.substring(0, eq) : v;
      Arg valueArg =
          eq > 0
              ? a.withValue(v.substring(eq + 1))
              : i + 1 < args.size() && VALUES.contains(v) ? args.get(i + 1) : null;
      if (valueArg == null) {
        continue;
      }
      int dashes = 0;
      while (dashes < key.length() && key.charAt(dashes) == '-') {
        dashes++;
      }
      String k = Reporter.lower(key.substring(dashes));
      if (k.contains("password") && !valueArg.value().startsWith("$")) {
        r.secret(eq > 0 ? a : valueArg, eq > 0 ? key + "=" : "");
      }
      if (ENV_KEYS.contains(k)) {
        String val = valueArg.value();
        if (Targets.isUrl(val)) {
          Target u = Targets.url(val);
          u.markInto(r);
          t = u.or(t);
        } else {
          r.mark(val);
        }
      }
    }
    return t;
  }
}
