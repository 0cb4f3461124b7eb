package dev.airlock.classify.shell.rules;

import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.Targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SQL command-line clients: {@code psql}, {@code mysql}/{@code mariadb}, {@code mysqlsh} and {@code
 * sqlite3}. The SQL they are given ({@code -c}, {@code -e}, operands, heredocs, literal pipes) goes
 * to the SQL classifier with the environment the connection names (host, database, URL, service,
 * file name); SQL in files or command output cannot be seen and is held as unknown; an interactive
 * session with nothing on standard input is safe. sqlite3 dot-commands are judged here by {@link
 * SqliteDot}.
 */
public final class DatabaseCliRules implements CommandRules {

  private static final String[] PSQL_VALUES = {
    "-h",
    "--host",
    "-p",
    "--port",
    "-U",
    "--username",
    "-d",
    "--dbname",
    "-c",
    "--command",
    "-f",
    "--file",
    "-o",
    "--output",
    "-L",
    "--log-file",
    "-v",
    "--set",
    "--variable",
    "-P",
    "--pset",
    "-F",
    "--field-separator",
    "-R",
    "--record-separator",
    "-T",
    "--table-attr"
  };

  private static final String[] MYSQL_VALUES = {
    "-h",
    "--host",
    "-P",
    "--port",
    "-u",
    "--user",
    "-D",
    "--database",
    "-e",
    "--execute",
    "-S",
    "--socket",
    "--defaults-file",
    "--defaults-extra-file",
    "--defaults-group-suffix",
    "--login-path",
    "--protocol",
    "--init-command",
    "--ssl-ca",
    "--ssl-cert",
    "--ssl-key",
    "--ssl-mode",
    "--ssl-cipher",
    "--tls-version",
    "--default-character-set",
    "--character-sets-dir",
    "--plugin-dir",
    "--default-auth",
    "--max-allowed-packet",
    "--connect-timeout",
    "--pager",
    "--prompt",
    "--tee",
    "--delimiter",
    "--bind-address",
    "--server-public-key-path",
    "--load-data-local-dir",
    "--histignore",
    "--uri",
    "--schema",
    "-f",
    "--file",
    "--log-level",
    "--dbuser",
    "--name-cache"
  };

  @Override
  public String name() {
    return "db";
  }

  @Override
  public Set<String> programs() {
    return Set.of("psql", "mysql", "mariadb", "mysqlsh", "sqlite3", "sqlite");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("db", inv, ctx);
    switch (inv.program()) {
      case "psql" -> psql(r);
      case "sqlite3", "sqlite" -> sqlite(r);
      default -> mysql(r);
    }
    r.finish("client", "connect", inv.program() + ": nothing destructive recognised");
  }

  // ---- psql

  private static void psql(Reporter r) {
    Invocation inv = r.invocation();
    ArgView v = inv.view(PSQL_VALUES);
    Arg db = v.value("-d", "--dbname");
    Arg first = v.positional(0);
    Target t = Target.NONE;
    if (db != null) {
      t = Targets.of(db.value());
    } else if (first != null) {
      t = Targets.of(first.value());
    }
    t = t.host(Cli.value(v.value("-h", "--host")));
    t.markInto(r);
    String resource = t.describe("database");
    if (v.flag("-V", "--version", "-?", "--help")) {
      r.read("version", "help", "", "psql only prints its version or help");
      return;
    }
    List<Arg> commands = v.values("-c", "--command");
    List<Arg> files = v.values("-f", "--file");
    for (Arg c : commands) {
      r.sql(c);
    }
    boolean stdin = commands.isEmpty() && files.isEmpty();
    for (Arg f : files) {
      if (f.value().equals("-")) {
        stdin = true;
      } else {
        sqlFile(r, f.value(), resource);
      }
    }
    if (stdin && inv.input() == null && v.flag("-l", "--list")) {
      r.read(
          "list",
          "list-databases",
          t.host().isEmpty() ? "" : "server " + t.host(),
          "lists databases");
      return;
    }
    if (stdin) {
      stdinSql(r, "psql", resource);
    }
  }

  // ---- mysql, mariadb, mysqlsh

  private static boolean isPassword(Arg a) {
    String v = a.value();
    return v.startsWith("-p") && !v.startsWith("--") || v.startsWith("--pas");
  }

  private static void mysql(Reporter r) {
    Invocation inv = r.invocation();
    String p = inv.program();
    for (Arg a : inv.args()) {
      if (isPassword(a)) {
        int eq = a.value().indexOf('=');
        String prefix =
            a.value().startsWith("--")
                ? (eq < 0 ? a.value() : a.value().substring(0, eq + 1))
                : "-p";
        String rest = a.value().substring(prefix.length());
        if (!rest.startsWith("$")) {
          r.secret(a, prefix);
        }
      }
    }
    ArgView v = ArgView.of(Cli.without(inv.args(), DatabaseCliRules::isPassword), MYSQL_VALUES);
    Target t = Target.NONE;
    Arg first = v.positional(0);
    Arg uri = v.value("--uri");
    if (uri != null) {
      t = mysqlUri(uri.value());
    } else if (p.equals("mysqlsh") && first != null && !first.value().startsWith("-")) {
      t = mysqlUri(first.value());
    } else if (first != null) {
      t = new Target("", first.value());
    }
    t =
        t.host(Cli.value(v.value("-h", "--host")))
            .database(Cli.value(v.value("-D", "--database", "--schema")));
    t.markInto(r);
    r.mark(Cli.value(v.value("--login-path")));
    r.mark(Cli.value(v.value("--defaults-file")));
    r.mark(Cli.value(v.value("--defaults-extra-file")));
    r.mark(Cli.value(v.value("--defaults-group-suffix")));
    String resource = t.describe("database");
    if (v.flag("-V", "--version", "-?", "--help")) {
      r.read("version", "help", "", p + " only prints its version or help");
      return;
    }
    boolean sqlMode = !p.equals("mysqlsh") || v.flag("--sql", "--sqlc", "--sqlx");
    for (Arg init : v.values("--init-command")) {
      r.sql(init);
    }
    List<Arg> exec = v.values("-e", "--execute");
    for (Arg e : exec) {
      if (!sqlMode) {
        r.unknown(
            "shell-code",
            "execute",
            resource,
            "mysqlsh -e runs JavaScript or Python unless --sql is given; Airlock does not judge it");
        continue;
      }
      String trimmed = e.value().stripLeading();
      if (Reporter.lower(trimmed).startsWith("system ") || trimmed.startsWith("\\!")) {
        String cmd = trimmed.substring(trimmed.startsWith("\\!") ? 2 : 7).strip();
        r.shell(e.withValue(cmd), p + " system");
        continue;
      }
      r.sql(e);
    }
    List<Arg> files = p.equals("mysqlsh") ? v.values("-f", "--file") : List.of();
    for (Arg f : files) {
      sqlFile(r, f.value(), resource);
    }
    if (exec.isEmpty() && files.isEmpty()) {
      if (sqlMode) {
        stdinSql(r, p, resource);
      } else if (r.invocation().input() != null) {
        r.unknown(
            "shell-code",
            "execute",
            resource,
            "mysqlsh runs the script on its standard input, which Airlock does not judge");
      } else {
        r.read(
            "interactive",
            "open-session",
            resource,
            "mysqlsh with no code opens an interactive session");
      }
    }
  }

  /** {@code user:pass@host:3306/schema} or {@code mysqlx://...} without the credentials. */
  private static Target mysqlUri(String s) {
    if (Targets.isUrl(s)) {
      return Targets.url(s);
    }
    return Targets.url("mysql://" + s);
  }

  // ---- sqlite3

  private static final Set<String> SQLITE_VALUES =
      Set.of(
          "-cmd",
          "-init",
          "-separator",
          "-newline",
          "-nullvalue",
          "-vfs",
          "-mmap",
          "-heap",
          "-maxsize",
          "-escape",
          "-pagecache",
          "-lookaside",
          "-key",
          "-hexkey",
          "-textkey");

  private static void sqlite(Reporter r) {
    Invocation inv = r.invocation();
    List<Arg> args = inv.args();
    Arg file = null;
    List<Arg> sql = new ArrayList<>();
    List<Arg> cmds = new ArrayList<>();
    boolean readonly = false;
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.startsWith("-") && v.length() > 1 && !a.dynamic()) {
        String o = v.startsWith("--") ? v.substring(1) : v;
        if (o.equals("-version") || o.equals("-help")) {
          r.read("version", "help", "", "sqlite3 only prints its version or help");
          return;
        }
        readonly |= o.equals("-readonly");
        if (o.equals("-key") || o.equals("-hexkey") || o.equals("-textkey")) {
          r.secret(i + 1 < args.size() ? args.get(i + 1) : null);
        }
        if (o.equals("-cmd") && i + 1 < args.size()) {
          cmds.add(args.get(i + 1));
        }
        if (o.equals("-init") && i + 1 < args.size()) {
          sqlFile(r, args.get(i + 1).value(), "database file");
        }
        if (SQLITE_VALUES.contains(o)) {
          i += o.equals("-lookaside") || o.equals("-pagecache") ? 2 : 1;
        }
        continue;
      }
      if (file == null) {
        file = a;
      } else {
        sql.add(a);
      }
    }
    String resource = file == null ? "an in-memory database" : "database file " + file.value();
    if (file != null) {
      r.mark(file.value());
    }
    cmds.addAll(sql);
    for (Arg c : cmds) {
      SqliteDot.text(r, c, c.value(), resource);
    }
    if (sql.isEmpty()) {
      Invocation.Input in = inv.input();
      if (in == null) {
        if (cmds.isEmpty()) {
          stdinSql(r, "sqlite3", resource);
        }
      } else if (literal(in)) {
        SqliteDot.text(r, null, in.text(), resource);
      } else {
        stdinSql(r, "sqlite3", resource);
      }
    }
    if (readonly && !r.judged()) {
      r.read("readonly", "open-session", resource, "opens the database read-only");
    }
  }

  // ---- shared

  /** SQL a client reads from standard input. */
  static void stdinSql(Reporter r, String client, String resource) {
    Invocation.Input in = r.invocation().input();
    if (in == null) {
      r.read(
          "interactive",
          "open-session",
          resource,
          client
              + " with no SQL given opens an interactive session; nothing runs until it is typed");
      return;
    }
    switch (in.kind()) {
      case HEREDOC, HERESTRING -> {
        if (in.dynamic() && hasSubstitution(in.text())) {
          r.unknown(
              "sql-dynamic",
              "execute",
              resource,
              "the SQL on standard input includes the output of a command, known only when it runs");
        } else {
          r.sql(in.text());
        }
      }
      case PIPE -> {
        if (in.dynamic()) {
          r.unknown(
              "sql-piped",
              "execute",
              resource,
              client
                  + " runs SQL piped from `"
                  + oneLine(in.text())
                  + "`, which Airlock cannot see");
        } else {
          r.sql(in.text());
        }
      }
      case FILE -> sqlFile(r, in.text(), resource);
    }
  }

  /** SQL read from a file Airlock cannot see. */
  static void sqlFile(Reporter r, String file, String resource) {
    if (file.equals("/dev/null")) {
      r.read("sql-file", "execute", resource, "runs the SQL in /dev/null, which is empty");
      return;
    }
    r.unknown(
        "sql-file", "execute", resource, "runs the SQL in " + file + ", which Airlock cannot see");
  }

  static boolean hasSubstitution(String text) {
    return text.contains("$(") || text.indexOf('`') >= 0;
  }

  static String oneLine(String s) {
    String t = s.replace('\n', ' ').replace('\r', ' ').strip();
    return t.length() > 120 ? t.substring(0, 117) + "..." : t;
  }

  /** Whether standard input is text fixed by the command line (a heredoc, a literal pipe). */
  static boolean literal(Invocation.Input in) {
    return switch (in.kind()) {
      case HEREDOC, HERESTRING -> !(in.dynamic() && hasSubstitution(in.text()));
      case PIPE -> !in.dynamic();
      case FILE -> false;
    };
  }
}
