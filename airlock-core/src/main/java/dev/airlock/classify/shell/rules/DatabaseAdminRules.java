package dev.airlock.classify.shell.rules;

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
 * PostgreSQL and MySQL administration programs: {@code dropdb} (catastrophic), {@code dropuser},
 * {@code pg_restore --clean}, {@code pg_ctl stop}, {@code pg_dropcluster}, {@code pg_resetwal},
 * {@code mysqladmin drop|shutdown}; the dump programs only read. Hosts, database names and
 * connection URLs name the environment.
 */
public final class DatabaseAdminRules implements CommandRules {

  private static final String COMMON = "-h --host -p --port -U --username ";

  /** Options that take a value, per program. */
  private static final Map<String, String[]> PG_VALUES =
      Map.of(
          "client",
          words(
              COMMON
                  + "--maintenance-db -T --template -O --owner -E --encoding -l --locale"
                  + " -D --tablespace -c --connection-limit -g --member-of --role"),
          "pg_restore",
          words(
              COMMON
                  + "-d --dbname -f --file -F --format -j --jobs -I --index -L --use-list"
                  + " -n --schema -N --exclude-schema -P --function -S --superuser -t --table"
                  + " -T --trigger --role --section"),
          "pg_dump",
          words(
              COMMON
                  + "-d --dbname -f --file -F --format -j --jobs -n --schema -N"
                  + " --exclude-schema -t --table -T --exclude-table --exclude-table-data -Z"
                  + " --compress -E --encoding --role --section --lock-wait-timeout"),
          "pg_dumpall",
          words(COMMON + "-d --dbname -f --file -l --database --role --exclude-database"),
          "pg_ctl",
          words("-D --pgdata -m --mode -o --options -l --log -t --timeout -N -U -P -S -e"),
          "reset",
          words(
              "-D --pgdata -c -e -l -m -o -O -u -x --wal-segsize --commit-timestamp-ids"
                  + " --epoch --next-oid --multixact-ids --next-transaction-id"));

  private static String[] words(String s) {
    return s.trim().split(" +");
  }

  private static final String[] MYSQL_VALUES = {
    "-h",
    "--host",
    "-P",
    "--port",
    "-u",
    "--user",
    "-S",
    "--socket",
    "--defaults-file",
    "--defaults-extra-file",
    "--login-path",
    "--protocol",
    "-c",
    "--count",
    "-i",
    "--sleep",
    "--result-file",
    "-r",
    "--tables",
    "--ignore-table",
    "-w",
    "--where"
  };

  @Override
  public String name() {
    return "dbadmin";
  }

  @Override
  public Set<String> programs() {
    return Set.of(
        "dropdb",
        "createdb",
        "dropuser",
        "createuser",
        "pg_restore",
        "pg_dump",
        "pg_dumpall",
        "pg_ctl",
        "pg_ctlcluster",
        "pg_dropcluster",
        "pg_resetwal",
        "pg_resetxlog",
        "mysqladmin",
        "mariadb-admin",
        "mysqldump",
        "mariadb-dump",
        "mysqlpump");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("dbadmin", inv, ctx);
    String p = inv.program();
    if (p.startsWith("mysql") || p.startsWith("mariadb")) {
      mysql(r);
    } else {
      postgres(r);
    }
    r.finish(p, "run", p + ": nothing destructive recognised");
  }

  private static void postgres(Reporter r) {
    Invocation inv = r.invocation();
    String p = inv.program();
    String key =
        switch (p) {
          case "pg_restore", "pg_dump", "pg_dumpall", "pg_ctl" -> p;
          case "pg_resetwal", "pg_resetxlog" -> "reset";
          case "pg_ctlcluster", "pg_dropcluster" -> "pg_ctl";
          default -> "client";
        };
    ArgView v = inv.view(PG_VALUES.getOrDefault(key, new String[0]));
    Arg db = v.value("-d", "--dbname", "--maintenance-db");
    Target t = db == null ? Target.NONE : Targets.of(db.value());
    t = t.host(Cli.value(v.value("-h", "--host")));
    if (v.flag("-V", "--version", "-?", "--help")) {
      r.read("version", "help", "", p + " only prints its version or help");
      return;
    }
    switch (p) {
      case "dropdb", "createdb", "dropuser", "createuser" -> {
        Arg name = v.positional(0);
        if (name == null) {
          r.read("usage", p, "", p + " without a name does nothing");
          return;
        }
        boolean user = p.endsWith("user");
        String what =
            (user ? "role " : "database ")
                + name.value()
                + (t.host().isEmpty() ? "" : " on " + t.host());
        t.markInto(r);
        r.mark(name.value());
        if (p.equals("dropdb")) {
          r.add(
              "dropdb",
              "drop-database",
              what,
              Severity.CATASTROPHIC,
              "dropdb deletes " + what + " with every table and row in it; it cannot be undone");
        } else if (p.equals("dropuser")) {
          r.add(
              "dropuser",
              "drop-role",
              what,
              Severity.DESTRUCTIVE,
              "dropuser deletes " + what + "; clients logging in as it are cut off");
        } else {
          r.write(p, "create", what, p + " creates " + what);
        }
      }
      case "pg_restore" -> {
        t.markInto(r);
        String file = v.word(0).isEmpty() ? "standard input" : v.word(0);
        if (v.flag("-l", "--list") || db == null) {
          r.read(
              "restore-script",
              "restore",
              file,
              "pg_restore without -d only prints the dump as SQL");
        } else if (v.flag("-c", "--clean")) {
          r.add(
              "restore-clean",
              "restore",
              t.describe("database"),
              Severity.DESTRUCTIVE,
              "pg_restore --clean drops "
                  + (v.flag("-C", "--create") ? "and recreates the database" : "each object")
                  + " before restoring it from "
                  + file
                  + ": data written since the dump is lost");
        } else {
          r.write(
              "restore",
              "restore",
              t.describe("database"),
              "pg_restore adds the objects and rows of " + file);
        }
      }
      case "pg_dump", "pg_dumpall" -> {
        Arg first = v.positional(0);
        if (db == null && first != null) {
          t = Targets.of(first.value()).host(Cli.value(v.value("-h", "--host")));
        }
        t.markInto(r);
        r.read("dump", "dump", t.describe("database"), p + " only reads the database");
      }
      case "pg_ctl", "pg_ctlcluster" -> ctl(r, v);
      case "pg_dropcluster" -> {
        String what = "cluster " + Cli.join(v.positionals());
        r.mark(what);
        r.add(
            "dropcluster",
            "drop-cluster",
            what,
            Severity.CATASTROPHIC,
            "pg_dropcluster deletes the cluster's data directory: every database in it is gone");
      }
      default -> {
        if (v.flag("-n", "--dry-run")) {
          r.read("resetwal", "resetwal", "", p + " -n only shows the values it would reset");
        } else {
          String dir = Cli.value(v.value("-D", "--pgdata"));
          String what = "data directory " + (dir == null ? v.word(0) : dir);
          r.mark(what);
          r.add(
              "resetwal",
              "reset-wal",
              what,
              Severity.DESTRUCTIVE,
              p
                  + " throws away the write-ahead log: committed transactions can be lost and the"
                  + " database left inconsistent");
        }
      }
    }
  }

  private static void ctl(Reporter r, ArgView v) {
    String p = r.invocation().program();
    List<Arg> pos = v.positionals();
    String action = p.equals("pg_ctl") ? v.word(0) : pos.size() > 2 ? pos.get(2).value() : "";
    String dir = Cli.value(v.value("-D", "--pgdata"));
    String what =
        p.equals("pg_ctl")
            ? "the PostgreSQL server" + (dir == null ? "" : " in " + dir)
            : "cluster " + v.word(0) + " " + v.word(1);
    r.mark(dir);
    r.mark(p.equals("pg_ctl") ? "" : v.word(1));
    switch (action) {
      case "stop", "restart", "kill" ->
          r.add(
              "server-" + action,
              action,
              what,
              Severity.DESTRUCTIVE,
              p
                  + " "
                  + action
                  + " takes "
                  + what
                  + " down: connections drop and in-flight"
                  + " transactions are lost");
      case "status" -> r.read("server-status", "status", what, "only shows the server's status");
      default -> r.write("server-" + action, action, what, p + " " + action + " loses no data");
    }
  }

  // ---- mysqladmin, mysqldump

  private static boolean isPassword(Arg a) {
    String v = a.value();
    return v.startsWith("-p") && !v.startsWith("--") || v.startsWith("--pas");
  }

  private static void mysql(Reporter r) {
    Invocation inv = r.invocation();
    String p = inv.program();
    for (Arg a : inv.args()) {
      if (isPassword(a) && a.value().indexOf('$') < 0) {
        r.secret(a, a.value().startsWith("--") ? "--password=" : "-p");
      }
    }
    ArgView v = ArgView.of(Cli.without(inv.args(), DatabaseAdminRules::isPassword), MYSQL_VALUES);
    String host = Cli.value(v.value("-h", "--host"));
    String server = host == null ? "the default MySQL server" : host;
    r.mark(host);
    r.mark(Cli.value(v.value("--login-path")));
    r.mark(Cli.value(v.value("--defaults-file")));
    if (!p.endsWith("admin")) {
      String dbs = Cli.join(v.positionals());
      r.mark(dbs);
      r.read(
          "dump",
          "dump",
          dbs.isEmpty() ? server : "database " + dbs + " on " + server,
          p + " only reads");
      return;
    }
    List<Arg> pos = v.positionals();
    for (int i = 0; i < pos.size(); i++) {
      String w = Reporter.lower(pos.get(i).value());
      Arg next = i + 1 < pos.size() ? pos.get(i + 1) : null;
      if (prefixOf(w, "drop")) {
        String db = next == null ? "" : next.value();
        r.mark(db);
        r.add(
            "mysqladmin-drop",
            "drop-database",
            "database " + db + " on " + server,
            Severity.CATASTROPHIC,
            "mysqladmin drop deletes database " + db + " with every table in it");
        i++;
      } else if (prefixOf(w, "shutdown")) {
        r.add(
            "mysqladmin-shutdown",
            "shutdown",
            server,
            Severity.DESTRUCTIVE,
            "mysqladmin shutdown stops the MySQL server; every client loses it");
      } else if (w.equals("password") || w.equals("old-password")) {
        r.secret(next);
        r.write(
            "mysqladmin-password",
            "set-password",
            server,
            "changes the password of the connecting user");
        i++;
      } else if (w.equals("create") || w.equals("kill")) {
        r.write("mysqladmin-" + w, w, server, "mysqladmin " + w + " loses no data");
        i++;
      } else if (w.startsWith("flush")
          || w.equals("reload")
          || w.equals("refresh")
          || w.startsWith("start-")
          || w.startsWith("stop-")
          || w.equals("debug")) {
        r.write("mysqladmin-" + w, w, server, "mysqladmin " + w + " loses no data");
      } else if (MYSQLADMIN_READS.contains(w)) {
        r.read("mysqladmin-" + w, w, server, "only shows server information");
      } else {
        r.unknown(
            "mysqladmin-unknown",
            w,
            server,
            "the mysqladmin command " + w + " is not one Airlock knows");
      }
    }
  }

  private static final Set<String> MYSQLADMIN_READS =
      Set.of("status", "extended-status", "ping", "processlist", "variables", "version");

  /** Whether {@code w} is an abbreviation mysqladmin would accept for {@code command}. */
  private static boolean prefixOf(String w, String command) {
    return w.length() >= 2 && command.startsWith(w);
  }
}
