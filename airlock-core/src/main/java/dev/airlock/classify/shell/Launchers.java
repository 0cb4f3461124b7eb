package dev.airlock.classify.shell;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.env.EnvironmentVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Programs that run other programs: privilege and environment wrappers ({@code sudo}, {@code env},
 * {@code timeout}, ...), shells given code ({@code bash -c}, {@code eval}, {@code | sh}), remote
 * and per-item runners ({@code ssh}, {@code xargs}, {@code parallel}, {@code watch}) and package
 * runners ({@code npx}, {@code uv run}, {@code bundle exec}, ...). Each is looked through: the
 * command it runs is classified as if written directly, and the wrapper is recorded in the
 * finding's {@code via}.
 */
final class Launchers {

  private Launchers() {}

  /** A wrapper whose command follows its options: the options that take a value. */
  private static final Map<String, Set<String>> SIMPLE =
      Map.ofEntries(
          Map.entry(
              "sudo",
              Set.of(
                  "-u",
                  "-g",
                  "-h",
                  "-p",
                  "-C",
                  "-D",
                  "-r",
                  "-t",
                  "-U",
                  "-T",
                  "--user",
                  "--group",
                  "--host",
                  "--prompt",
                  "--close-from",
                  "--chdir",
                  "--role",
                  "--type",
                  "--other-user",
                  "--command-timeout")),
          Map.entry("doas", Set.of("-u", "-C")),
          Map.entry("nice", Set.of("-n", "--adjustment")),
          Map.entry("nohup", Set.of()),
          Map.entry("builtin", Set.of()),
          Map.entry("exec", Set.of("-a")),
          Map.entry("time", Set.of("-f", "--format", "-o", "--output")),
          Map.entry("stdbuf", Set.of("-i", "-o", "-e", "--input", "--output", "--error")),
          Map.entry("ionice", Set.of("-c", "-n", "--class", "--classdata")),
          Map.entry("setsid", Set.of()),
          Map.entry("unbuffer", Set.of()),
          Map.entry("caffeinate", Set.of("-t", "-w")),
          Map.entry("nocache", Set.of()),
          Map.entry("catchsegv", Set.of()),
          Map.entry("dbus-run-session", Set.of("--config-file", "--dbus-daemon")),
          Map.entry(
              "xvfb-run",
              Set.of(
                  "-n",
                  "--server-num",
                  "-s",
                  "--server-args",
                  "-f",
                  "--auth-file",
                  "-e",
                  "--error-file",
                  "-p",
                  "--xauth-protocol")),
          Map.entry(
              "strace",
              Set.of("-o", "-e", "-s", "-p", "-u", "-E", "-a", "-b", "-I", "-O", "-S", "-X", "-P")),
          Map.entry("ltrace", Set.of("-o", "-e", "-s", "-p", "-u", "-n", "-a")),
          Map.entry("valgrind", Set.of()),
          Map.entry("firejail", Set.of()),
          Map.entry("proxychains", Set.of("-f")),
          Map.entry("proxychains4", Set.of("-f")),
          Map.entry("torsocks", Set.of("-u", "-p", "-a", "-P")),
          Map.entry("command", Set.of()),
          Map.entry("busybox", Set.of()),
          Map.entry("gtimeout", Set.of("-s", "--signal", "-k", "--kill-after")),
          Map.entry("timeout", Set.of("-s", "--signal", "-k", "--kill-after")),
          Map.entry("chroot", Set.of("--userspec", "--groups")),
          Map.entry("taskset", Set.of()),
          Map.entry(
              "chrt",
              Set.of("-T", "--sched-runtime", "-P", "--sched-period", "-D", "--sched-deadline")),
          Map.entry(
              "runuser",
              Set.of(
                  "-u",
                  "--user",
                  "-g",
                  "--group",
                  "-G",
                  "--supp-group",
                  "-s",
                  "--shell",
                  "-w",
                  "--whitelist-environment")));

  /**
   * Wrappers whose first operand is not the command (a duration, a directory, a mask, a priority).
   */
  private static final Set<String> SKIP_ONE_OPERAND =
      Set.of("timeout", "gtimeout", "chroot", "taskset", "chrt");

  static final Set<String> SHELLS =
      Set.of(
          "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "yash", "fish", "tcsh", "csh",
          "rbash");

  /** Handles the invocation if its program is a launcher; false otherwise. */
  static boolean handle(Invocation inv, ShellWalk walk) {
    String p = inv.program();
    if (SHELLS.contains(p)) {
      shell(inv, walk);
      return true;
    }
    switch (p) {
      case "eval" -> eval(inv, walk);
      case "source", ".", "source_file" -> source(inv, walk);
      case "su" -> su(inv, walk);
      case "env" -> env(inv, walk);
      case "ssh", "autossh" -> ssh(inv, walk);
      case "xargs" -> xargs(inv, walk);
      case "parallel" -> parallel(inv, walk);
      case "watch" -> watch(inv, walk);
      case "flock" -> flock(inv, walk);
      case "make", "gmake" -> {
        return makefileFromInput(inv, walk);
      }
      default -> {
        if (SIMPLE.containsKey(p)) {
          return simple(inv, walk);
        }
        return Runners.handle(inv, walk);
      }
    }
    return true;
  }

  private static boolean simple(Invocation inv, ShellWalk walk) {
    String p = inv.program();
    if (p.equals("command") && isLookup(inv.args())) {
      walk.finding(inv, "shell.lookup")
          .verb("look-up")
          .severity(Severity.SAFE)
          .read()
          .reason("only looks up where a command is")
          .addTo(walk.analysis());
      return true;
    }
    if ((p.equals("ionice") || p.equals("chrt") || p.equals("taskset"))
        && targetsProcess(inv.args(), SIMPLE.getOrDefault(p, Set.of()))) {
      return false;
    }
    int start =
        commandStart(
            inv.args(), SIMPLE.getOrDefault(p, Set.of()), SKIP_ONE_OPERAND.contains(p) ? 1 : 0);
    if (start >= inv.args().size()) {
      if (p.equals("sudo") || p.equals("doas") || p.equals("runuser")) {
        walk.finding(inv, "shell.interactive")
            .verb("open-shell")
            .severity(Severity.SAFE)
            .reason(p + " with no command opens an interactive shell or only refreshes credentials")
            .addTo(walk.analysis());
        return true;
      }
      return false;
    }
    Environment env =
        p.equals("chroot") && start > 0
            ? EnvironmentMarkers.of(inv.args().get(start - 1).value())
            : Environment.UNKNOWN;
    if (p.equals("sudo")) {
      // sudo sets NAME=value words before the command in the command's environment.
      while (start < inv.args().size() && assignment(inv.args().get(start)) > 0) {
        env = env.combine(variable(walk, inv.args().get(start)));
        start++;
      }
      if (start >= inv.args().size()) {
        return false;
      }
    }
    walk.command(inv, inv.args().subList(start, inv.args().size()), p, env);
    return true;
  }

  /**
   * The index of the first argument that is the command: after options (and their values), after
   * {@code --}, after {@code skip} operands.
   */
  static int commandStart(List<Arg> args, Set<String> withValue, int skip) {
    int i = 0;
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.equals("--")) {
        i++;
        break;
      }
      if (a.isOption() && !a.dynamic()) {
        int eq = v.indexOf('=');
        String name = eq > 0 ? v.substring(0, eq) : v;
        boolean takes = eq < 0 && withValue.contains(name);
        i += takes ? 2 : 1;
        continue;
      }
      if (skip > 0) {
        skip--;
        i++;
        continue;
      }
      break;
    }
    while (skip > 0 && i < args.size()) {
      skip--;
      i++;
    }
    return i;
  }

  /** Where the {@code =} of a {@code NAME=value} argument is, or -1 when it is not one. */
  private static int assignment(Arg a) {
    String v = a.value();
    int eq = v.indexOf('=');
    return eq > 0 && ShellWalk.isName(v.substring(0, eq)) ? eq : -1;
  }

  /** The environment a {@code NAME=value} argument marks for the command it is set for. */
  private static Environment variable(ShellWalk walk, Arg a) {
    String v = a.value();
    int eq = v.indexOf('=');
    if (eq <= 0) {
      return Environment.UNKNOWN;
    }
    return walk.stricter(EnvironmentVariables.of(v.substring(0, eq), v.substring(eq + 1)));
  }

  /**
   * Whether {@code command} only looks a name up: {@code -v} or {@code -V} among the options before
   * the command name ({@code command -v rm}, {@code command -pV rm}). Options after the name belong
   * to the command it runs ({@code command rm -v -rf /} runs rm).
   */
  private static boolean isLookup(List<Arg> args) {
    for (Arg a : args) {
      String v = a.value();
      if (v.equals("--") || !a.isOption() || a.dynamic()) {
        return false;
      }
      if (!v.startsWith("--") && (v.indexOf('v') > 0 || v.indexOf('V') > 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code ionice}, {@code chrt} or {@code taskset} acts on a running process ({@code -p},
   * {@code --pid}, or {@code p} in a cluster such as {@code -cp}) rather than starting a command;
   * only options before the command count.
   */
  private static boolean targetsProcess(List<Arg> args, Set<String> withValue) {
    int i = 0;
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.equals("--") || !a.isOption() || a.dynamic()) {
        return false;
      }
      if (v.equals("--pid") || v.startsWith("--pid=")) {
        return true;
      }
      if (!v.startsWith("--") && v.indexOf('p') > 0) {
        return true;
      }
      i += v.indexOf('=') < 0 && withValue.contains(v) ? 2 : 1;
    }
    return false;
  }

  // ---- shells

  private static void shell(Invocation inv, ShellWalk walk) {
    String p = inv.program();
    List<Arg> args = inv.args();
    boolean code = false;
    boolean stdin = false;
    int i = 0;
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.equals("--") || v.equals("-")) {
        i++;
        break;
      }
      if ((v.startsWith("-") || v.startsWith("+")) && v.length() > 1 && !a.dynamic()) {
        if (v.equals("-o")
            || v.equals("+o")
            || v.equals("-O")
            || v.equals("+O")
            || v.equals("--rcfile")
            || v.equals("--init-file")) {
          i += 2;
          continue;
        }
        if (v.equals("--command") || (!v.startsWith("--") && v.indexOf('c') > 0)) {
          code = true;
        }
        if (!v.startsWith("--") && v.indexOf('s') > 0) {
          stdin = true;
        }
        i++;
        continue;
      }
      break;
    }
    if (code) {
      if (i < args.size()) {
        walk.shell(inv, args.get(i), p + " -c", Environment.UNKNOWN);
      } else {
        walk.finding(inv, "shell.shell.no-code")
            .verb("run")
            .severity(Severity.SAFE)
            .reason(p + " -c without code runs nothing")
            .addTo(walk.analysis());
      }
      return;
    }
    if (i < args.size() && !stdin) {
      Arg script = args.get(i);
      walk.finding(inv, "shell.shell.script")
          .verb("run-script")
          .resource(script.value())
          .severity(script.substituted() ? Severity.UNKNOWN : Severity.SAFE)
          .reason(
              script.substituted()
                  ? p + " runs a script whose name is produced at run time"
                  : p
                      + " runs the script file "
                      + script.value()
                      + "; its contents are not inspected")
          .addTo(walk.analysis());
      return;
    }
    stdinCode(inv, walk, p);
  }

  /** A shell or interpreter reading its program from standard input. */
  static void stdinCode(Invocation inv, ShellWalk walk, String p) {
    Invocation.Input in = inv.input();
    if (in == null) {
      walk.finding(inv, "shell.interactive")
          .verb("open-shell")
          .severity(Severity.SAFE)
          .reason(p + " with no script or code starts an interactive session")
          .addTo(walk.analysis());
      return;
    }
    switch (in.kind()) {
      case HEREDOC, HERESTRING ->
          walk.shellText(inv, in.text(), p + " <<input", Environment.UNKNOWN);
      case FILE ->
          walk.finding(inv, "shell.shell.script")
              .verb("run-script")
              .resource(in.text())
              .severity(Severity.SAFE)
              .reason(p + " runs the script file " + in.text() + "; its contents are not inspected")
              .addTo(walk.analysis());
      case PIPE -> {
        PipeOrigin o = walk.origin();
        if (o != null && o.literal() != null) {
          walk.note(
              "shell: the text piped into " + p + " is fixed by the command line; judging it");
          walk.shellText(inv, o.literal(), o.upstreamProgram() + " | " + p, Environment.UNKNOWN);
        } else if (o != null && o.download() != null) {
          walk.finding(inv, "shell.pipe.remote-script")
              .verb("run-remote-script")
              .resource(o.download())
              .severity(Severity.DESTRUCTIVE)
              .reason(
                  "pipes a script downloaded from "
                      + o.download()
                      + " into "
                      + p
                      + ": its commands are unknown until they run and could destroy anything")
              .evidence(o.start(), inv.end(), o.upstreamText() + " | " + inv.text())
              .addTo(walk.analysis());
        } else {
          walk.finding(inv, "shell.pipe.dynamic-script")
              .verb("run-piped-code")
              .severity(Severity.UNKNOWN)
              .reason(
                  "pipes the output of `"
                      + ShellWalk.oneLine(in.text())
                      + "` into "
                      + p
                      + ": the commands exist only at run time, so they cannot be judged")
              .evidence(in.start(), inv.end(), ShellWalk.oneLine(in.text()) + " | " + inv.text())
              .addTo(walk.analysis());
        }
      }
    }
  }

  private static void eval(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    if (args.isEmpty()) {
      return;
    }
    for (Arg a : args) {
      if (a.substituted()) {
        walk.finding(inv, "shell.dynamic-code")
            .verb("execute")
            .severity(Severity.UNKNOWN)
            .reason(
                "eval runs text produced by a command at run time ("
                    + a.value()
                    + "); what it does cannot be known before it runs")
            .addTo(walk.analysis());
        return;
      }
    }
    if (args.size() == 1) {
      walk.shell(inv, args.getFirst(), "eval", Environment.UNKNOWN);
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Arg a : args) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(a.value());
    }
    walk.shellText(inv, sb.toString(), "eval", Environment.UNKNOWN);
  }

  private static void source(Invocation inv, ShellWalk walk) {
    Arg file = inv.arg(0);
    if (file == null) {
      return;
    }
    if (file.substituted()
        || file.value().startsWith("/dev/stdin")
        || file.value().startsWith("/dev/fd/")) {
      walk.finding(inv, "shell.dynamic-code")
          .verb("execute")
          .severity(Severity.UNKNOWN)
          .reason(
              inv.name()
                  + " runs code produced at run time ("
                  + file.value()
                  + "); it cannot be judged before it runs")
          .addTo(walk.analysis());
      return;
    }
    walk.finding(inv, "shell.shell.script")
        .verb("source")
        .resource(file.value())
        .severity(Severity.SAFE)
        .reason("sources " + file.value() + "; its contents are not inspected")
        .addTo(walk.analysis());
  }

  private static void su(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if ((v.equals("-c") || v.equals("--command")) && i + 1 < args.size()) {
        walk.shell(inv, args.get(i + 1), "su -c", Environment.UNKNOWN);
        return;
      }
      if (v.startsWith("--command=")) {
        walk.shellText(inv, v.substring("--command=".length()), "su -c", Environment.UNKNOWN);
        return;
      }
    }
    walk.finding(inv, "shell.interactive")
        .verb("open-shell")
        .severity(Severity.SAFE)
        .reason("su without -c opens an interactive shell")
        .addTo(walk.analysis());
  }

  private static void env(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    Environment env = Environment.UNKNOWN;
    int i = 0;
    while (i < args.size()) {
      String v = args.get(i).value();
      if (v.equals("--")) {
        i++;
        break;
      }
      if (v.equals("-S") || v.equals("--split-string")) {
        if (i + 1 < args.size()) {
          StringBuilder sb = new StringBuilder(args.get(i + 1).value());
          for (int j = i + 2; j < args.size(); j++) {
            sb.append(' ').append(args.get(j).value());
          }
          walk.shellText(inv, sb.toString(), "env -S", Environment.UNKNOWN);
        }
        return;
      }
      if (v.startsWith("--split-string=") || (v.startsWith("-S") && v.length() > 2)) {
        walk.shellText(
            inv,
            v.substring(v.startsWith("-S") ? 2 : "--split-string=".length()),
            "env -S",
            Environment.UNKNOWN);
        return;
      }
      if (v.equals("-u")
          || v.equals("--unset")
          || v.equals("-C")
          || v.equals("--chdir")
          || v.equals("-P")) {
        i += 2;
        continue;
      }
      if (v.startsWith("-")) {
        i++;
        continue;
      }
      if (v.indexOf('=') > 0) {
        env = env.combine(variable(walk, args.get(i)));
        i++;
        continue;
      }
      break;
    }
    if (i >= args.size()) {
      walk.finding(inv, "shell.read-only")
          .verb("print-environment")
          .severity(Severity.SAFE)
          .read()
          .reason("env without a command prints the environment")
          .addTo(walk.analysis());
      return;
    }
    walk.command(inv, args.subList(i, args.size()), "env", env);
  }

  private static final Set<String> SSH_VALUE =
      Set.of(
          "-b", "-c", "-D", "-E", "-e", "-F", "-I", "-i", "-J", "-L", "-l", "-m", "-O", "-o", "-p",
          "-Q", "-R", "-S", "-W", "-w", "-B", "-M");

  private static void ssh(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    int i = 0;
    while (i < args.size()) {
      String v = args.get(i).value();
      if (v.equals("--")) {
        i++;
        break;
      }
      if (v.startsWith("-") && v.length() > 1) {
        i += SSH_VALUE.contains(v) ? 2 : 1;
        continue;
      }
      break;
    }
    if (i >= args.size()) {
      return;
    }
    Arg host = args.get(i);
    Environment env = EnvironmentMarkers.of(host.value());
    List<Arg> rest = args.subList(i + 1, args.size());
    if (rest.isEmpty()) {
      walk.finding(inv, "shell.interactive")
          .verb("open-shell")
          .resource(host.value())
          .severity(Severity.SAFE)
          .detected(env)
          .reason("opens an interactive session on " + host.value())
          .addTo(walk.analysis());
      return;
    }
    String via = "ssh " + host.value();
    if (rest.size() == 1) {
      walk.shell(inv, rest.getFirst(), via, env);
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (Arg a : rest) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(a.value());
    }
    walk.shellText(inv, sb.toString(), via, env);
  }

  /**
   * Options of {@code xargs} that take the next word. GNU's {@code -e}, {@code -i}, {@code -l} and
   * their long forms take a value only when it is attached ({@code -l1}, {@code --eof=x}).
   */
  private static final Set<String> XARGS_VALUE =
      Set.of(
          "-a",
          "--arg-file",
          "-d",
          "--delimiter",
          "-E",
          "-L",
          "-n",
          "--max-args",
          "-P",
          "--max-procs",
          "-s",
          "--max-chars",
          "-R",
          "-S",
          "--process-slot-var");

  private static void xargs(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    String replace = null;
    int i = 0;
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.equals("--")) {
        i++;
        break;
      }
      if (!v.startsWith("-") || v.length() == 1) {
        break;
      }
      if (v.equals("-I") || v.equals("-J")) {
        replace = i + 1 < args.size() ? args.get(i + 1).value() : "{}";
        i += 2;
        continue;
      }
      if (v.equals("-i") || v.equals("--replace")) {
        replace = "{}";
        i++;
        continue;
      }
      if (v.startsWith("-I") || v.startsWith("-J") || v.startsWith("-i")) {
        replace = v.substring(2);
        i++;
        continue;
      }
      if (v.startsWith("--replace=")) {
        replace = v.substring("--replace=".length());
        i++;
        continue;
      }
      i += XARGS_VALUE.contains(v) ? 2 : 1;
    }
    Arg input = new Arg("{items from standard input}", Arg.INPUT, inv.end(), inv.end());
    List<Arg> argv = new ArrayList<>();
    if (i >= args.size()) {
      argv.add(new Arg("echo", 0, inv.start(), inv.start()));
    } else {
      for (Arg a : args.subList(i, args.size())) {
        if (replace != null && !replace.isEmpty() && a.value().contains(replace)) {
          argv.add(
              new Arg(
                  a.value().replace(replace, "{items from standard input}"),
                  a.flags() | Arg.INPUT,
                  a.start(),
                  a.end()));
        } else {
          argv.add(a);
        }
      }
    }
    if (replace == null) {
      argv.add(input);
    }
    walk.command(inv, argv, "xargs", Environment.UNKNOWN);
  }

  private static final Set<String> PARALLEL_VALUE =
      Set.of(
          "-j",
          "--jobs",
          "-S",
          "--sshlogin",
          "--joblog",
          "-a",
          "--arg-file",
          "--results",
          "--tmpdir",
          "--delay",
          "--timeout",
          "-I",
          "--colsep",
          "-N",
          "-n",
          "--max-args",
          "--halt",
          "-d",
          "--delimiter",
          "-E",
          "--workdir",
          "--retries",
          "--env",
          "--load",
          "--memfree");

  private static void parallel(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    int i = commandStart(args, PARALLEL_VALUE, 0);
    int sep = args.size();
    for (int j = i; j < args.size(); j++) {
      String v = args.get(j).value();
      if (v.equals(":::") || v.equals("::::") || v.equals(":::+") || v.equals("::::+")) {
        sep = j;
        break;
      }
    }
    List<Arg> cmd = args.subList(Math.min(i, sep), sep);
    if (cmd.isEmpty()) {
      walk.finding(inv, "shell.pipe.dynamic-script")
          .verb("run-piped-code")
          .severity(Severity.UNKNOWN)
          .reason("parallel runs commands read from its input; they exist only at run time")
          .addTo(walk.analysis());
      return;
    }
    if (cmd.size() == 1 && cmd.getFirst().value().indexOf(' ') >= 0) {
      walk.shellText(
          inv,
          cmd.getFirst().value().replace("{}", "$PARALLEL_ITEM"),
          "parallel",
          Environment.UNKNOWN);
      return;
    }
    List<Arg> argv = new ArrayList<>();
    boolean placed = false;
    for (Arg a : cmd) {
      if (a.value().contains("{}") || a.value().matches(".*\\{\\d*[./#%]*\\}.*")) {
        argv.add(new Arg(a.value(), a.flags() | Arg.INPUT, a.start(), a.end()));
        placed = true;
      } else {
        argv.add(a);
      }
    }
    if (!placed) {
      argv.add(new Arg("{items}", Arg.INPUT, inv.end(), inv.end()));
    }
    walk.command(inv, argv, "parallel", Environment.UNKNOWN);
  }

  /**
   * Options of {@code watch} that take the next word ({@code -d} and {@code --differences} take an
   * optional value only after {@code =}).
   */
  private static final Set<String> WATCH_VALUE = Set.of("-n", "--interval", "-q", "--equexit");

  private static void watch(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    int i = commandStart(args, WATCH_VALUE, 0);
    boolean exec = false;
    for (Arg a : args.subList(0, Math.min(i, args.size()))) {
      String v = a.value();
      exec |= v.equals("--exec") || (a.isOption() && !v.startsWith("--") && v.indexOf('x') > 0);
    }
    if (i >= args.size()) {
      return;
    }
    List<Arg> rest = args.subList(i, args.size());
    if (exec) {
      walk.command(inv, rest, "watch", Environment.UNKNOWN);
    } else if (rest.size() == 1) {
      walk.shell(inv, rest.getFirst(), "watch", Environment.UNKNOWN);
    } else {
      StringBuilder sb = new StringBuilder();
      for (Arg a : rest) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(a.value());
      }
      walk.shellText(inv, sb.toString(), "watch", Environment.UNKNOWN);
    }
  }

  private static void flock(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    int file = commandStart(args, Set.of("-w", "--timeout", "-E", "--conflict-exit-code"), 0);
    if (file + 1 >= args.size()) {
      return;
    }
    String next = args.get(file + 1).value();
    if (next.equals("-c") || next.equals("--command")) {
      if (file + 2 < args.size()) {
        walk.shell(inv, args.get(file + 2), "flock -c", Environment.UNKNOWN);
      }
      return;
    }
    walk.command(inv, args.subList(file + 1, args.size()), "flock", Environment.UNKNOWN);
  }

  /**
   * Handles {@code make -f /dev/stdin} (or {@code -f -}) fed by a heredoc, here-string or pipe: the
   * recipes of that makefile run as shell commands, so they are walked. Any other make is left to
   * the generic rules (false).
   */
  private static boolean makefileFromInput(Invocation inv, ShellWalk walk) {
    boolean fromInput = false;
    List<Arg> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      String file = null;
      if ((v.equals("-f") || v.equals("--file") || v.equals("--makefile")) && i + 1 < args.size()) {
        file = args.get(i + 1).value();
      } else if (v.startsWith("--file=") || v.startsWith("--makefile=")) {
        file = v.substring(v.indexOf('=') + 1);
      } else if (v.startsWith("-f") && v.length() > 2) {
        file = v.substring(2);
      }
      if (file != null
          && (file.equals("-") || file.equals("/dev/stdin") || file.startsWith("/dev/fd/0"))) {
        fromInput = true;
      }
    }
    if (!fromInput) {
      return false;
    }
    Invocation.Input in = inv.input();
    String text = null;
    if (in != null
        && (in.kind() == Invocation.InputKind.HEREDOC
            || in.kind() == Invocation.InputKind.HERESTRING)) {
      text = in.text();
    } else if (in != null && in.kind() == Invocation.InputKind.PIPE) {
      PipeOrigin o = walk.origin();
      text = o == null ? null : o.literal();
    }
    if (text == null) {
      walk.finding(inv, "shell.make.dynamic-makefile")
          .verb("run-piped-code")
          .severity(Severity.UNKNOWN)
          .reason(
              inv.program()
                  + " reads its makefile from standard input, which is known only at run time;"
                  + " its recipes cannot be judged")
          .addTo(walk.analysis());
      return true;
    }
    StringBuilder recipes = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String cmd = null;
      if (line.startsWith("\t")) {
        cmd = line.substring(1);
      } else {
        int colon = line.indexOf(':');
        int semi = line.indexOf(';');
        if (colon > 0 && semi > colon) {
          cmd = line.substring(semi + 1);
        }
      }
      if (cmd == null) {
        continue;
      }
      cmd = cmd.strip();
      while (!cmd.isEmpty() && "@-+".indexOf(cmd.charAt(0)) >= 0) {
        cmd = cmd.substring(1);
      }
      recipes.append(cmd.replace("$$", "$")).append('\n');
    }
    if (recipes.isEmpty()) {
      return false;
    }
    walk.shellText(inv, recipes.toString(), inv.program() + " -f /dev/stdin", Environment.UNKNOWN);
    return true;
  }
}
