package dev.airlock.classify.shell;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Package and environment runners that run another program: {@code npx}, {@code pnpm dlx}, {@code
 * yarn exec}, {@code bunx}, {@code uv run}, {@code poetry run}, {@code bundle exec}, {@code dotenv
 * --}, {@code op run --}, {@code aws-vault exec}, {@code nix-shell --run} and the like; also
 * package scripts ({@code npm run db:reset}), judged by their names.
 */
final class Runners {

  private Runners() {}

  /**
   * A runner: the subcommand words that make it run something (empty: always), and options taking
   * values.
   */
  private record Runner(List<String> verbs, Set<String> withValue, int operandsBefore) {}

  private static final Map<String, Runner> RUNNERS =
      Map.ofEntries(
          Map.entry(
              "npx",
              new Runner(
                  List.of(),
                  Set.of("-p", "--package", "--cache", "--userconfig", "-w", "--workspace"),
                  0)),
          Map.entry("pnpx", new Runner(List.of(), Set.of("-p", "--package"), 0)),
          Map.entry("bunx", new Runner(List.of(), Set.of("-p", "--package"), 0)),
          Map.entry(
              "uvx",
              new Runner(
                  List.of(),
                  Set.of(
                      "--from", "--with", "--python", "-p", "--index-url", "--with-requirements"),
                  0)),
          Map.entry(
              "uv",
              new Runner(
                  List.of("run", "tool run"),
                  Set.of(
                      "--with",
                      "--python",
                      "-p",
                      "--project",
                      "--directory",
                      "--env-file",
                      "--package",
                      "--extra",
                      "--group",
                      "--index-url",
                      "--with-requirements",
                      "--from"),
                  0)),
          Map.entry(
              "poetry",
              new Runner(List.of("run"), Set.of("-C", "--directory", "-P", "--project"), 0)),
          Map.entry("pdm", new Runner(List.of("run"), Set.of("-p", "--project"), 0)),
          Map.entry("hatch", new Runner(List.of("run"), Set.of("-e", "--env"), 0)),
          Map.entry("rye", new Runner(List.of("run"), Set.of(), 0)),
          Map.entry(
              "pipx", new Runner(List.of("run"), Set.of("--spec", "--python", "--pip-args"), 0)),
          Map.entry("pipenv", new Runner(List.of("run"), Set.of(), 0)),
          Map.entry(
              "conda",
              new Runner(List.of("run"), Set.of("-n", "--name", "-p", "--prefix", "--cwd"), 0)),
          Map.entry(
              "mamba", new Runner(List.of("run"), Set.of("-n", "--name", "-p", "--prefix"), 0)),
          Map.entry(
              "micromamba",
              new Runner(List.of("run"), Set.of("-n", "--name", "-p", "--prefix"), 0)),
          Map.entry("bundle", new Runner(List.of("exec"), Set.of("--gemfile"), 0)),
          Map.entry("dotenv", new Runner(List.of(), Set.of("-e", "-c", "-v", "-f", "--file"), 0)),
          Map.entry("op", new Runner(List.of("run"), Set.of("--env-file", "--account"), 0)),
          Map.entry(
              "doppler",
              new Runner(
                  List.of("run"), Set.of("-p", "--project", "-c", "--config", "--token"), 0)),
          Map.entry("direnv", new Runner(List.of("exec"), Set.of(), 1)),
          Map.entry(
              "devbox", new Runner(List.of("run"), Set.of("-c", "--config", "-e", "--env"), 0)),
          Map.entry(
              "mise", new Runner(List.of("exec", "x"), Set.of("-C", "--cd", "-j", "--jobs"), 0)),
          Map.entry("asdf", new Runner(List.of("exec"), Set.of(), 0)),
          Map.entry("rbenv", new Runner(List.of("exec"), Set.of(), 0)),
          Map.entry("pyenv", new Runner(List.of("exec"), Set.of(), 0)),
          Map.entry("nodenv", new Runner(List.of("exec"), Set.of(), 0)),
          Map.entry("volta", new Runner(List.of("run"), Set.of("--node", "--npm", "--yarn"), 0)),
          Map.entry("fnm", new Runner(List.of("exec"), Set.of("--using"), 0)),
          Map.entry("nvm", new Runner(List.of("exec"), Set.of(), 1)),
          Map.entry(
              "aws-vault",
              new Runner(
                  List.of("exec"),
                  Set.of("-d", "--duration", "-t", "--mfa-token", "--region", "--backend"),
                  1)),
          Map.entry(
              "nix",
              new Runner(
                  List.of("develop -c", "develop --command", "shell -c", "shell --command"),
                  Set.of(),
                  0)),
          Map.entry("scl", new Runner(List.of("enable"), Set.of(), 1)),
          Map.entry("dotnet", new Runner(List.of("tool run"), Set.of(), 0)));

  private static final Runner NPX =
      new Runner(
          List.of(), Set.of("-p", "--package", "--cache", "--userconfig", "-w", "--workspace"), 0);

  private static final Set<String> NPM_BUILTINS =
      Set.of(
          "install",
          "i",
          "ci",
          "add",
          "remove",
          "rm",
          "uninstall",
          "un",
          "update",
          "up",
          "upgrade",
          "test",
          "t",
          "publish",
          "list",
          "ls",
          "outdated",
          "audit",
          "init",
          "create",
          "link",
          "unlink",
          "prune",
          "rebuild",
          "root",
          "bin",
          "config",
          "env",
          "patch",
          "pack",
          "why",
          "info",
          "view",
          "version",
          "login",
          "logout",
          "whoami",
          "cache",
          "store",
          "import",
          "fetch",
          "setup",
          "dedupe",
          "licenses",
          "workspaces",
          "workspace",
          "plugin",
          "set",
          "constraints",
          "explain",
          "node",
          "npm",
          "help",
          "doctor",
          "owner",
          "search",
          "start",
          "stop",
          "restart",
          "build",
          "pm",
          "install-test",
          "it",
          "exec",
          "x",
          "dlx",
          "run",
          "run-script",
          "rr");

  /** Handles runner invocations; false when the program is not a runner. */
  static boolean handle(Invocation inv, ShellWalk walk) {
    String p = inv.program();
    List<Arg> args = inv.args();
    switch (p) {
      case "npm", "pnpm", "yarn", "bun" -> {
        return packageManager(inv, walk);
      }
      case "nix-shell" -> {
        for (int i = 0; i + 1 < args.size(); i++) {
          if (args.get(i).value().equals("--run") || args.get(i).value().equals("--command")) {
            walk.shell(inv, args.get(i + 1), "nix-shell --run", Environment.UNKNOWN);
            return true;
          }
        }
        return false;
      }
      case "npx", "pnpx", "bunx" -> {
        return shellMode(inv, walk, args, NPX.withValue(), p + " -c") || run(inv, walk, NPX, 0);
      }
      default -> {
        Runner r = RUNNERS.get(p);
        if (r == null) {
          return false;
        }
        for (String verb : r.verbs()) {
          String[] words = verb.split(" ");
          if (startsWith(args, words)) {
            return run(inv, walk, r, words.length);
          }
        }
        return r.verbs().isEmpty() && run(inv, walk, r, 0);
      }
    }
  }

  private static boolean startsWith(List<Arg> args, String[] words) {
    if (args.size() < words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (!args.get(i).value().equals(words[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean run(Invocation inv, ShellWalk walk, Runner r, int skip) {
    List<Arg> args = inv.args().subList(skip, inv.args().size());
    int i = Launchers.commandStart(args, r.withValue(), r.operandsBefore());
    if (i >= args.size()) {
      return false;
    }
    Environment env = Environment.UNKNOWN;
    if (r.operandsBefore() > 0 && inv.program().equals("aws-vault") && i > 0) {
      env = EnvironmentMarkers.of(args.get(i - 1).value());
    }
    List<Arg> argv = new ArrayList<>(args.subList(i, args.size()));
    Arg first = argv.getFirst();
    argv.set(0, first.withValue(packageBinary(first.value())));
    String via = inv.program() + (skip > 0 ? " " + inv.args().get(0).value() : "");
    walk.command(inv, argv, via, env);
    return true;
  }

  /**
   * Handles a runner's shell mode: {@code -c}, {@code --call} or {@code --shell-mode} among the
   * options before the command ({@code npx -c 'cmd'}, {@code npm exec --call='cmd'}, {@code pnpm
   * exec -c cmd args}) runs the rest as a shell command line. Options after the command belong to
   * it ({@code npx typeorm schema:drop -c default}). False when there is no shell mode.
   */
  private static boolean shellMode(
      Invocation inv, ShellWalk walk, List<Arg> args, Set<String> withValue, String via) {
    int i = 0;
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.equals("--") || !a.isOption() || a.dynamic()) {
        return false;
      }
      if (v.startsWith("--call=")) {
        walk.shellText(inv, v.substring("--call=".length()), via, Environment.UNKNOWN);
        return true;
      }
      if (v.equals("-c") || v.equals("--call") || v.equals("--shell-mode")) {
        List<Arg> code = args.subList(Math.min(i + 1, args.size()), args.size());
        if (code.isEmpty()) {
          return false;
        }
        if (code.size() == 1) {
          walk.shell(inv, code.getFirst(), via + " -c", Environment.UNKNOWN);
        } else {
          StringBuilder sb = new StringBuilder();
          for (Arg c : code) {
            sb.append(sb.isEmpty() ? "" : " ").append(c.value());
          }
          walk.shellText(inv, sb.toString(), via + " -c", Environment.UNKNOWN);
        }
        return true;
      }
      i += v.indexOf('=') < 0 && withValue.contains(v) ? 2 : 1;
    }
    return false;
  }

  /** {@code @scope/name@1.2} and {@code name@latest} run the binary {@code name}. */
  static String packageBinary(String spec) {
    String s = spec;
    if (s.startsWith("@")) {
      int slash = s.indexOf('/');
      if (slash > 0) {
        s = s.substring(slash + 1);
      }
    }
    int at = s.indexOf('@');
    if (at > 0) {
      s = s.substring(0, at);
    }
    if (s.equals("aws-cdk") || s.equals("cdk-cli")) {
      return "cdk";
    }
    return s;
  }

  private static boolean packageManager(Invocation inv, ShellWalk walk) {
    List<Arg> args = inv.args();
    if (inv.program().equals("bun")) {
      for (Arg a : args) {
        String v = a.value();
        if (!a.isOption() || v.equals("--")) {
          break; // options after the subcommand or script belong to it
        }
        if (v.equals("-e") || v.equals("--eval") || v.equals("-p") || v.equals("--print")) {
          return false; // code on the command line: the interpreter rules judge it
        }
      }
    }
    int i =
        Launchers.commandStart(
            args,
            Set.of("-C", "--dir", "--prefix", "-w", "--workspace", "--filter", "-F", "--cwd"),
            0);
    if (i >= args.size()) {
      return false;
    }
    String sub = args.get(i).value();
    List<Arg> rest = args.subList(i + 1, args.size());
    switch (sub) {
      case "exec", "x", "dlx" -> {
        if (shellMode(inv, walk, rest, Set.of("-p", "--package"), inv.program() + " " + sub)) {
          return true;
        }
        int j = Launchers.commandStart(rest, Set.of("-p", "--package"), 0);
        if (j < rest.size()) {
          List<Arg> argv = new ArrayList<>(rest.subList(j, rest.size()));
          argv.set(0, argv.getFirst().withValue(packageBinary(argv.getFirst().value())));
          walk.command(inv, argv, inv.program() + " " + sub, Environment.UNKNOWN);
          return true;
        }
        return false;
      }
      case "run", "run-script", "rr" -> {
        int j = Launchers.commandStart(rest, Set.of(), 0);
        if (j < rest.size()) {
          script(inv, walk, rest.get(j));
          return true;
        }
        return false;
      }
      default -> {
        if (NPM_BUILTINS.contains(sub) || inv.program().equals("npm")) {
          return false;
        }
        if (inv.program().equals("bun")
            && (sub.endsWith(".ts")
                || sub.endsWith(".js")
                || sub.endsWith(".tsx")
                || sub.endsWith(".mjs"))) {
          return false;
        }
        // pnpm, yarn and bun run a dependency's binary or a package script of that name.
        if (walk.classifier().knowsProgram(Invocation.normalize(sub))) {
          walk.command(inv, args.subList(i, args.size()), inv.program(), Environment.UNKNOWN);
        } else {
          script(inv, walk, args.get(i));
        }
        return true;
      }
    }
  }

  private static final Set<String> DESTRUCTIVE_SCRIPT_WORDS =
      Set.of(
          "drop",
          "destroy",
          "wipe",
          "nuke",
          "purge",
          "truncate",
          "erase",
          "obliterate",
          "teardown");
  private static final Set<String> DATA_WORDS =
      Set.of(
          "db",
          "database",
          "data",
          "schema",
          "prod",
          "production",
          "migrate",
          "migration",
          "migrations",
          "seed");

  /** Judges a package script by its name: a name that says it drops or resets data is held. */
  private static void script(Invocation inv, ShellWalk walk, Arg name) {
    String n = name.value().toLowerCase(Locale.ROOT);
    String[] words = n.split("[^a-z0-9]+");
    boolean destroys = false;
    boolean reset = false;
    boolean data = false;
    for (String w : words) {
      destroys |= DESTRUCTIVE_SCRIPT_WORDS.contains(w);
      reset |= w.equals("reset") || w.equals("fresh") || w.equals("rollback") || w.equals("down");
      data |= DATA_WORDS.contains(w);
    }
    if (destroys || (reset && data)) {
      walk.finding(inv, "shell.package-script.destructive-name")
          .verb("run-script")
          .resource("script " + name.value())
          .severity(Severity.DESTRUCTIVE)
          .detected(EnvironmentMarkers.of(name.value()))
          .reason(
              "runs the package script '"
                  + name.value()
                  + "', whose name says it destroys or resets data; its body is not inspected")
          .addTo(walk.analysis());
    } else {
      walk.finding(inv, "shell.package-script")
          .verb("run-script")
          .resource("script " + name.value())
          .severity(Severity.SAFE)
          .reason("runs the package script '" + name.value() + "'; its body is not inspected")
          .addTo(walk.analysis());
    }
  }
}
