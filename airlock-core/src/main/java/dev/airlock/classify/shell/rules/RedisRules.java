package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code redis-cli} (and {@code valkey-cli}, {@code keydb-cli}): the command on the command line,
 * the commands on standard input, Lua given to {@code EVAL}, and {@code --cluster call}. {@code
 * FLUSHALL}/{@code FLUSHDB} are catastrophic; {@code DEL}, {@code SHUTDOWN}, {@code DEBUG}, {@code
 * SCRIPT FLUSH} and dangerous {@code CONFIG SET}s are destructive; narrow writes are safe writes.
 * The server is named by {@code -h} or {@code -u}; passwords ({@code -a}, {@code --pass}, {@code
 * AUTH}, {@code CONFIG SET requirepass}) are masked in evidence.
 */
public final class RedisRules implements CommandRules {

  private static final Set<String> VALUES =
      Set.of(
          "-h",
          "-p",
          "-s",
          "-a",
          "--user",
          "--pass",
          "-u",
          "-r",
          "-i",
          "-n",
          "-d",
          "-D",
          "-t",
          "--eval",
          "--rdb",
          "--functions-rdb",
          "--pattern",
          "--quoted-pattern",
          "--count",
          "--cacert",
          "--cacertdir",
          "--cert",
          "--key",
          "--sni",
          "--tls-ciphers",
          "--tls-ciphersuites",
          "--memkeys-samples",
          "--lru-test",
          "--intrinsic-latency");

  private static final Set<String> INSPECTIONS =
      Set.of(
          "--bigkeys",
          "--memkeys",
          "--hotkeys",
          "--keystats",
          "--stat",
          "--scan",
          "--latency",
          "--latency-history",
          "--latency-dist",
          "--rdb",
          "--functions-rdb",
          "--replica",
          "--slave",
          "--intrinsic-latency",
          "--version",
          "--help",
          "-v");

  private static final Set<String> CLUSTER_DROPS =
      Set.of("RESET", "FLUSHSLOTS", "DELSLOTS", "DELSLOTSRANGE", "FORGET");

  private static final Set<String> ADMIN = Set.of("CONFIG", "SCRIPT", "FUNCTION", "CLUSTER", "ACL");

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Set<String> programs() {
    return Set.of("redis-cli", "valkey-cli", "keydb-cli");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("redis", inv, ctx);
    List<Arg> args = inv.args();
    String host = "";
    String db = "";
    Arg evalFile = null;
    boolean inspect = false;
    boolean pipe = false;
    int cluster = -1;
    int i = 0;
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (!a.isOption() || a.dynamic() && !v.startsWith("-")) {
        break;
      }
      if (v.equals("--cluster")) {
        cluster = i + 1;
        break;
      }
      Arg next = i + 1 < args.size() ? args.get(i + 1) : null;
      String nv = next == null ? "" : next.value();
      switch (v) {
        case "-h" -> host = nv;
        case "-n" -> db = nv;
        case "-u" -> {
          Targets.Target t = Targets.url(nv);
          host = host.isEmpty() ? t.host() : host;
          db = db.isEmpty() ? t.database() : db;
        }
        case "-a", "--pass", "--cluster-from-pass" -> secret(r, next);
        case "--eval" -> evalFile = next;
        case "--pipe" -> pipe = true;
        default -> inspect |= INSPECTIONS.contains(v);
      }
      i += VALUES.contains(v) || v.startsWith("--cluster-") && !v.equals("--cluster-yes") ? 2 : 1;
    }
    r.mark(host);
    String server = host.isEmpty() ? "the default Redis server" : host;
    String where = db.isEmpty() ? server : "database " + db + " of " + server;
    if (cluster >= 0) {
      cluster(r, args, cluster, server);
    } else if (evalFile != null) {
      r.unknown(
          "eval-file",
          "eval",
          where,
          "runs the Lua script in " + evalFile.value() + ", which Airlock cannot see");
    } else if (i < args.size()) {
      new Judge(r, where).command(args.subList(i, args.size()));
    } else if (inspect) {
      r.read("inspect", "inspect", server, "only samples keys, statistics or latency");
    } else {
      stdin(r, where, pipe);
    }
    r.finish("command", "run", "nothing destructive recognised");
  }

  private static void secret(Reporter r, @Nullable Arg a) {
    if (a != null && !a.value().startsWith("$")) {
      r.secret(a);
    }
  }

  private static void stdin(Reporter r, String where, boolean pipe) {
    Invocation.Input in = r.invocation().input();
    if (in == null) {
      r.read("interactive", "open-session", where, "opens an interactive session");
      return;
    }
    if (!DatabaseCliRules.literal(in)) {
      r.unknown(
          "commands-piped",
          "execute",
          where,
          (pipe ? "mass-inserts" : "runs")
              + " Redis commands from "
              + (in.kind() == Invocation.InputKind.FILE
                  ? in.text()
                  : "`" + DatabaseCliRules.oneLine(in.text()) + "`")
              + ", which Airlock cannot see");
      return;
    }
    Judge j = new Judge(r, where);
    Invocation inv = r.invocation();
    for (String line : in.text().split("\n", -1)) {
      List<Arg> words = words(line, inv.start(), inv.end());
      if (!words.isEmpty()) {
        j.command(words);
      }
    }
  }

  private static void cluster(Reporter r, List<Arg> args, int at, String server) {
    for (int k = at; k + 1 < args.size(); k++) {
      String v = args.get(k).value();
      if (v.equals("--cluster-from-pass") || v.equals("-a") || v.equals("--pass")) {
        secret(r, args.get(k + 1));
      }
    }
    String sub = at < args.size() ? Reporter.lower(args.get(at).value()) : "";
    List<Arg> rest = args.subList(Math.min(at + 1, args.size()), args.size());
    String where =
        "every node of the cluster at " + (rest.isEmpty() ? server : rest.get(0).value());
    if (!rest.isEmpty()) {
      r.mark(Targets.stripPorts(rest.get(0).value()));
    }
    switch (sub) {
      case "call" -> {
        if (rest.size() > 1) {
          new Judge(r, where).command(rest.subList(1, rest.size()));
        }
      }
      case "del-node" ->
          r.add(
              "cluster-del-node",
              "remove-node",
              where,
              Severity.DESTRUCTIVE,
              "removes a node from the Redis cluster and shuts it down");
      case "import" -> {
        boolean replace = Cli.has(rest, "--cluster-replace");
        r.add(
            "cluster-import",
            "import",
            where,
            replace ? Severity.DESTRUCTIVE : Severity.SAFE,
            replace
                ? "imports keys into the cluster, overwriting keys that already exist"
                : "imports keys into the cluster");
      }
      case "check", "info", "help", "backup" ->
          r.read("cluster-" + sub, sub, where, "only inspects the cluster");
      default ->
          r.write(
              "cluster-" + sub, sub, where, "changes the cluster's layout without deleting keys");
    }
  }

  /** Splits one line of redis-cli input into words, honouring quotes. */
  static List<Arg> words(String line, int start, int end) {
    List<Arg> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      StringBuilder w = new StringBuilder();
      if (c == '"' || c == '\'') {
        i++;
        while (i < n && line.charAt(i) != c) {
          if (line.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          w.append(line.charAt(i++));
        }
        i++;
      } else {
        while (i < n && !Character.isWhitespace(line.charAt(i))) {
          w.append(line.charAt(i++));
        }
      }
      out.add(new Arg(w.toString(), 0, start, end));
    }
    return out;
  }

  /** Judges Redis commands against one server and database. */
  static final class Judge {
    private final Reporter r;
    private String where;

    Judge(Reporter r, String where) {
      this.r = r;
      this.where = where;
    }

    void command(List<Arg> cmd) {
      Arg first = cmd.get(0);
      String name = first.value().toUpperCase(Locale.ROOT);
      String sub = cmd.size() > 1 ? cmd.get(1).value().toUpperCase(Locale.ROOT) : "";
      if (first.dynamic()) {
        r.unknown("dynamic-command", "run", where, "the Redis command is only known when it runs");
        return;
      }
      switch (name) {
        case "FLUSHALL" ->
            r.add(
                "flushall",
                "flushall",
                "every key in every database of " + server(),
                Severity.CATASTROPHIC,
                "FLUSHALL deletes every key in every database of the server at once");
        case "FLUSHDB" ->
            r.add(
                "flushdb",
                "flushdb",
                where.startsWith("database") ? where : "the selected database of " + where,
                Severity.CATASTROPHIC,
                "FLUSHDB deletes every key in the database at once");
        case "DEL", "UNLINK", "GETDEL" ->
            r.add(
                "del",
                "delete",
                keys(cmd) + " in " + where,
                Severity.DESTRUCTIVE,
                name + " deletes " + keys(cmd) + " with all the values they hold");
        case "SHUTDOWN" -> {
          if (sub.equals("ABORT")) {
            r.write("shutdown-abort", "shutdown-abort", where, "cancels a pending shutdown");
          } else {
            r.add(
                "shutdown",
                "shutdown",
                server(),
                Severity.DESTRUCTIVE,
                sub.equals("NOSAVE")
                    ? "SHUTDOWN NOSAVE stops the server without saving: writes since the last"
                        + " snapshot are lost"
                    : "SHUTDOWN stops the Redis server; every client loses it");
          }
        }
        case "SELECT" -> {
          where = "database " + sub + " of " + server();
          r.read("select", "select", where, "selects a database");
        }
        case "EVAL" -> lua(cmd);
        case "EVALSHA", "FCALL" ->
            r.unknown(
                "script",
                "eval",
                where,
                name + " runs a stored script or function Airlock cannot see");
        case "REPLICAOF", "SLAVEOF" -> {
          if (sub.equals("NO")) {
            r.write("replicaof-no-one", "promote", server(), "promotes the server to a primary");
          } else {
            r.add(
                "replicaof",
                "replicaof",
                server(),
                Severity.CATASTROPHIC,
                name
                    + " makes the server a replica of "
                    + sub
                    + ": it discards its whole dataset and copies the other server's");
          }
        }
        case "AUTH", "MIGRATE" -> {
          for (int k = 1; k < cmd.size(); k++) {
            if (name.equals("AUTH")
                || cmd.get(k - 1).value().toUpperCase(Locale.ROOT).startsWith("AUTH")) {
              r.secret(cmd.get(k));
            }
          }
          if (name.equals("AUTH")) {
            r.read("auth", "auth", server(), "authenticates the connection");
          } else {
            r.write(
                "migrate", "migrate", keys(cmd) + " in " + where, "moves keys to another server");
          }
        }
        default -> container(cmd, name, sub);
      }
    }

    private void container(List<Arg> cmd, String name, String sub) {
      boolean read = RedisCommands.readSubcommand(name, sub);
      switch (name) {
        case "CONFIG" -> {
          if (sub.equals("SET")) {
            configSet(cmd);
            return;
          }
        }
        case "DEBUG" -> {
          if (!read) {
            r.add(
                "debug",
                "debug",
                server(),
                Severity.DESTRUCTIVE,
                "DEBUG " + sub + " can crash, freeze or reload the server");
            return;
          }
        }
        case "SCRIPT", "FUNCTION" -> {
          if (sub.equals("FLUSH") || sub.equals("DELETE") || Cli.has(cmd, "FLUSH", "flush")) {
            r.add(
                "script-flush",
                Reporter.lower(name) + "-flush",
                "stored scripts of " + server(),
                Severity.DESTRUCTIVE,
                name + " " + sub + " removes stored scripts or functions that clients call");
            return;
          }
        }
        case "CLUSTER" -> {
          if (CLUSTER_DROPS.contains(sub)) {
            r.add(
                "cluster",
                "cluster-" + Reporter.lower(sub),
                server(),
                Severity.DESTRUCTIVE,
                "CLUSTER " + sub + " drops this node's slots or cluster membership");
            return;
          }
        }
        case "ACL" -> {
          if (sub.equals("DELUSER")) {
            r.add(
                "acl-deluser",
                "delete-user",
                "users of " + server(),
                Severity.DESTRUCTIVE,
                "ACL DELUSER deletes Redis users; clients using them are cut off");
            return;
          }
          for (Arg a : cmd) {
            if (a.value().startsWith(">") || a.value().startsWith("#")) {
              r.secret(a);
            }
          }
        }
        case "MODULE" -> {
          if (sub.startsWith("LOAD")) {
            r.unknown(
                "module-load",
                "load-module",
                server(),
                "MODULE LOAD loads native code into the server, which Airlock cannot judge");
            return;
          }
          if (sub.equals("UNLOAD")) {
            r.add(
                "module-unload",
                "unload-module",
                server(),
                Severity.DESTRUCTIVE,
                "MODULE UNLOAD removes a module and the commands and data types it provides");
            return;
          }
        }
        default -> {}
      }
      if (read || RedisCommands.READS.contains(name)) {
        r.read("read", Reporter.lower(name), where, name + " only reads");
      } else if (RedisCommands.MODULE_DROPS.contains(name)) {
        r.add(
            "module-drop",
            Reporter.lower(name),
            where,
            Severity.DESTRUCTIVE,
            name
                + " drops an index or graph"
                + (Cli.has(cmd, "DD", "dd") ? " and its documents" : ""));
      } else if (RedisCommands.WRITES.contains(name)
          || RedisCommands.isModule(name)
          || ADMIN.contains(name)) {
        r.write("write", Reporter.lower(name), where, name + " is a narrow write");
      } else {
        r.unknown(
            "unknown-command",
            Reporter.lower(name),
            where,
            "the Redis command " + name + " is not one Airlock knows");
      }
    }

    private void configSet(List<Arg> cmd) {
      List<String> dangerous = new ArrayList<>();
      for (int k = 2; k < cmd.size(); k += 2) {
        String param = Reporter.lower(cmd.get(k).value());
        if (RedisCommands.SECRET_CONFIG.contains(param) && k + 1 < cmd.size()) {
          r.secret(cmd.get(k + 1));
        }
        if (RedisCommands.DANGEROUS_CONFIG.contains(param)) {
          dangerous.add(param);
        }
      }
      if (dangerous.isEmpty()) {
        r.write("config-set", "config-set", server(), "changes a server setting");
      } else {
        r.add(
            "config-set",
            "config-set",
            "settings " + String.join(", ", dangerous) + " of " + server(),
            Severity.DESTRUCTIVE,
            "CONFIG SET "
                + String.join(", ", dangerous)
                + " can stop persistence, lock clients out or make the server write files"
                + " where it should not");
      }
    }

    private void lua(List<Arg> cmd) {
      Arg script = cmd.size() > 1 ? cmd.get(1) : null;
      if (script == null || script.dynamic()) {
        r.unknown("eval", "eval", where, "EVAL runs a Lua script only known when it runs");
        return;
      }
      String s = script.value();
      boolean any = false;
      for (String call :
          new String[] {"redis.call(", "redis.pcall(", "server.call(", "server.pcall("}) {
        int at = s.indexOf(call);
        while (at >= 0) {
          any = true;
          int k = at + call.length();
          while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
          }
          char q = k < s.length() ? s.charAt(k) : ' ';
          int close = q == '\'' || q == '"' ? s.indexOf(q, k + 1) : -1;
          if (close < 0) {
            r.unknown("eval", "eval", where, "the Lua script runs a command chosen at run time");
          } else {
            command(List.of(script.withValue(s.substring(k + 1, close))));
          }
          at = s.indexOf(call, at + 1);
        }
      }
      if (!any) {
        r.read("eval", "eval", where, "the Lua script calls no Redis command");
      }
    }

    private String server() {
      int of = where.indexOf(" of ");
      return where.startsWith("database") && of > 0 ? where.substring(of + 4) : where;
    }

    private static String keys(List<Arg> cmd) {
      List<String> names = new ArrayList<>();
      for (int k = 1; k < cmd.size(); k++) {
        Arg a = cmd.get(k);
        if ((a.flags() & Arg.INPUT) != 0) {
          return "the keys read from standard input";
        }
        names.add(a.value());
      }
      if (names.isEmpty()) {
        return "no key";
      }
      if (names.size() == 1) {
        return "key " + names.get(0);
      }
      int shown = Math.min(names.size(), 5);
      String list = String.join(", ", names.subList(0, shown));
      return "keys "
          + list
          + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    }
  }
}
