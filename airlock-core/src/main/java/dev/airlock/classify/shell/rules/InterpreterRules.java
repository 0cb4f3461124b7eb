package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.CodeScan.Lang;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Interpreters given code on the command line or on standard input ({@code python -c}, {@code node
 * -e}, {@code perl -e}, {@code ruby -e}, {@code php -r}, {@code lua -e}, heredocs): the code is
 * scanned by {@link CodeSafety} for calls that delete files, run shell commands, evaluate code,
 * send destructive requests or carry destructive SQL. Framework command runners reached through an
 * interpreter ({@code python manage.py flush}, {@code php artisan migrate:fresh}) are judged here
 * too. Script files are run, not read: their contents are not inspected.
 */
public final class InterpreterRules implements CommandRules {

  private static final Map<String, Lang> LANGS =
      Map.ofEntries(
          Map.entry("python", Lang.PYTHON),
          Map.entry("python2", Lang.PYTHON),
          Map.entry("python3", Lang.PYTHON),
          Map.entry("pypy", Lang.PYTHON),
          Map.entry("pypy3", Lang.PYTHON),
          Map.entry("py", Lang.PYTHON),
          Map.entry("node", Lang.JS),
          Map.entry("nodejs", Lang.JS),
          Map.entry("deno", Lang.JS),
          Map.entry("bun", Lang.JS),
          Map.entry("perl", Lang.PERL),
          Map.entry("ruby", Lang.RUBY),
          Map.entry("php", Lang.PHP),
          Map.entry("lua", Lang.LUA),
          Map.entry("luajit", Lang.LUA));

  @Override
  public String name() {
    return "interp";
  }

  @Override
  public Set<String> programs() {
    Set<String> all = new java.util.HashSet<>(LANGS.keySet());
    for (String v : List.of("3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14")) {
      all.add("python" + v);
    }
    return Set.copyOf(all);
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Lang lang =
        LANGS.getOrDefault(
            inv.program(), inv.program().startsWith("python") ? Lang.PYTHON : Lang.JS);
    List<Arg> args = inv.args();
    StringBuilder code = null;
    Arg codeArg = null;
    String script = null;
    boolean stdin = false;
    int i = 0;
    if (inv.program().equals("deno")) {
      if (!args.isEmpty() && args.getFirst().value().equals("eval") && args.size() > 1) {
        codeArg = args.get(args.size() - 1);
        code = new StringBuilder(codeArg.value());
      }
      i = args.size();
    }
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.equals("-") && code == null) {
        stdin = true;
        break;
      }
      if (v.startsWith("-") && v.length() > 1 && !v.startsWith("--") && takesCode(lang, v)) {
        if (i + 1 < args.size()) {
          codeArg = args.get(i + 1);
          code = code == null ? new StringBuilder() : code.append('\n');
          code.append(codeArg.value());
          i += 2;
          if (lang == Lang.PERL || lang == Lang.RUBY) {
            continue;
          }
          break;
        }
        i++;
        continue;
      }
      if (v.equals("--eval") || v.equals("--print")) {
        if (i + 1 < args.size()) {
          codeArg = args.get(i + 1);
          code = new StringBuilder(codeArg.value());
        }
        break;
      }
      if (v.startsWith("--eval=") || v.startsWith("--print=")) {
        code = new StringBuilder(v.substring(v.indexOf('=') + 1));
        codeArg = a;
        break;
      }
      if (lang == Lang.PYTHON && v.equals("-m")) {
        if (i + 1 < args.size()) {
          module(
              inv,
              ctx,
              args.get(i + 1).value(),
              args.subList(Math.min(args.size(), i + 2), args.size()));
        }
        return;
      }
      if (v.startsWith("-")) {
        i += valueOption(lang, v) ? 2 : 1;
        continue;
      }
      if (code == null) {
        script = v;
        framework(inv, ctx, v, args.subList(i + 1, args.size()));
        return;
      }
      break;
    }
    if (code != null && codeArg != null) {
      CodeSafety.judge(inv, ctx, code.toString(), lang, inv.program() + " code", codeArg);
      return;
    }
    if (script == null) {
      stdinCode(inv, ctx, lang, stdin);
    }
  }

  private static boolean takesCode(Lang lang, String v) {
    char last = v.charAt(v.length() - 1);
    return switch (lang) {
      case PYTHON ->
          v.indexOf('c') > 0
              && !v.startsWith("--")
              && v.chars().skip(1).allMatch(Character::isLetter)
              && last == 'c';
      case JS -> v.equals("-e") || v.equals("-p") || v.equals("-pe");
      case PERL, RUBY ->
          v.chars().skip(1).allMatch(Character::isLetterOrDigit) && (last == 'e' || last == 'E');
      case PHP -> v.equals("-r");
      case LUA -> v.equals("-e");
    };
  }

  private static boolean valueOption(Lang lang, String v) {
    return switch (lang) {
      case PYTHON -> v.equals("-W") || v.equals("-X") || v.equals("--check-hash-based-pycs");
      case JS ->
          v.equals("-r")
              || v.equals("--require")
              || v.equals("--import")
              || v.equals("--loader")
              || v.equals("--env-file");
      case PERL -> v.equals("-I") || v.equals("-M") || v.equals("-m");
      case RUBY -> v.equals("-r") || v.equals("-I") || v.equals("-C");
      case PHP -> v.equals("-d") || v.equals("-c") || v.equals("-f") || v.equals("-z");
      case LUA -> v.equals("-l");
    };
  }

  private static void stdinCode(Invocation inv, ShellContext ctx, Lang lang, boolean explicit) {
    Invocation.Input in = inv.input();
    if (in == null) {
      ctx.finding(inv, "shell.interp.interactive")
          .verb("open-repl")
          .severity(Severity.SAFE)
          .reason(inv.program() + " with no code or script starts an interactive session")
          .addTo(ctx.analysis());
      return;
    }
    switch (in.kind()) {
      case HEREDOC, HERESTRING ->
          CodeSafety.judge(inv, ctx, in.text(), lang, inv.program() + " <<input", null);
      case FILE ->
          ctx.finding(inv, "shell.interp.script")
              .verb("run-script")
              .resource(in.text())
              .severity(Severity.SAFE)
              .reason(inv.program() + " runs " + in.text() + "; its contents are not inspected")
              .addTo(ctx.analysis());
      case PIPE -> {
        if (!in.dynamic()) {
          CodeSafety.judge(inv, ctx, in.text(), lang, "piped " + inv.program() + " code", null);
        } else if (looksLikeDownload(in.text())) {
          ctx.finding(inv, "shell.pipe.remote-script")
              .verb("run-remote-script")
              .severity(Severity.DESTRUCTIVE)
              .reason(
                  "pipes a downloaded script into "
                      + inv.program()
                      + ": its code is unknown until it runs and could destroy anything")
              .addTo(ctx.analysis());
        } else {
          ctx.finding(inv, "shell.pipe.dynamic-script")
              .verb("run-piped-code")
              .severity(Severity.UNKNOWN)
              .reason(
                  "pipes the output of `"
                      + in.text()
                      + "` into "
                      + inv.program()
                      + ": the code exists only at run time")
              .addTo(ctx.analysis());
        }
      }
    }
  }

  private static boolean looksLikeDownload(String upstream) {
    String u = upstream.stripLeading().toLowerCase(Locale.ROOT);
    return u.startsWith("curl") || u.startsWith("wget") || u.contains("://");
  }

  private static void module(Invocation inv, ShellContext ctx, String module, List<Arg> rest) {
    if (module.equals("django") && !rest.isEmpty()) {
      django(inv, ctx, rest);
      return;
    }
    ctx.finding(inv, "shell.interp.module")
        .verb("run-module")
        .resource(module)
        .severity(Severity.SAFE)
        .reason("runs the module " + module + "; its code is not inspected")
        .addTo(ctx.analysis());
  }

  private static void framework(Invocation inv, ShellContext ctx, String script, List<Arg> rest) {
    String base = Invocation.normalize(script);
    if (base.equals("manage.py") || base.equals("django-admin")) {
      django(inv, ctx, rest);
    } else if (base.equals("artisan") && inv.program().equals("php")) {
      artisan(inv, ctx, rest);
    } else {
      ctx.finding(inv, "shell.interp.script")
          .verb("run-script")
          .resource(script)
          .severity(Severity.SAFE)
          .reason(inv.program() + " runs the script " + script + "; its contents are not inspected")
          .addTo(ctx.analysis());
    }
  }

  private static @Nullable Arg firstPositional(List<Arg> args) {
    for (Arg a : args) {
      if (!a.isOption()) {
        return a;
      }
    }
    return null;
  }

  private static Environment markers(List<Arg> args) {
    Environment env = Environment.UNKNOWN;
    for (Arg a : args) {
      String v = a.value();
      int eq = v.indexOf('=');
      if (v.startsWith("--settings")
          || v.startsWith("--database")
          || v.startsWith("--env")
          || v.startsWith("--configuration")) {
        env = env.combine(EnvironmentMarkers.of(eq > 0 ? v.substring(eq + 1) : v));
      }
    }
    return env;
  }

  /** The value of the first of the named options ({@code -c CODE} or {@code --command=CODE}). */
  private static @Nullable Arg optionValue(List<Arg> args, String short_, String long_) {
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if ((v.equals(short_) || v.equals(long_)) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (v.startsWith(long_ + "=")) {
        Arg a = args.get(i);
        return new Arg(v.substring(long_.length() + 1), a.flags(), a.start(), a.end());
      }
    }
    return null;
  }

  private static void django(Invocation inv, ShellContext ctx, List<Arg> rest) {
    Arg sub = firstPositional(rest);
    String s = sub == null ? "" : sub.value();
    Environment env = markers(rest);
    switch (s) {
      case "flush", "reset_db", "reset_schema" ->
          report(
              inv,
              ctx,
              "shell.interp.django-flush",
              s,
              "database",
              Severity.CATASTROPHIC,
              env,
              "manage.py " + s + " deletes all data in the database");
      case "migrate" -> {
        boolean zero = rest.stream().anyMatch(a -> a.value().equals("zero"));
        if (zero) {
          report(
              inv,
              ctx,
              "shell.interp.django-migrate-zero",
              "unapply-migrations",
              "database",
              Severity.DESTRUCTIVE,
              env,
              "manage.py migrate <app> zero unapplies every migration, dropping the app's tables");
        } else {
          report(
              inv,
              ctx,
              "shell.interp.django-migrate",
              "migrate",
              "database",
              Severity.SAFE,
              env,
              "applies migrations");
        }
      }
      case "sqlflush" ->
          report(
              inv,
              ctx,
              "shell.interp.django-read",
              s,
              "database",
              Severity.SAFE,
              env,
              "sqlflush only prints SQL");
      case "shell", "shell_plus" -> {
        Arg code = optionValue(rest, "-c", "--command");
        if (code != null) {
          CodeSafety.judge(inv, ctx, code.value(), Lang.PYTHON, "manage.py " + s + " -c", code);
        } else {
          report(
              inv,
              ctx,
              "shell.interp.django-shell",
              s,
              "",
              Severity.SAFE,
              env,
              "opens an interactive Django shell; what is typed into it is not seen here");
        }
      }
      default ->
          report(
              inv,
              ctx,
              "shell.interp.django",
              s,
              "",
              Severity.SAFE,
              env,
              "runs the Django command " + s);
    }
  }

  private static void artisan(Invocation inv, ShellContext ctx, List<Arg> rest) {
    Arg sub = firstPositional(rest);
    String s = sub == null ? "" : sub.value();
    Environment env = markers(rest);
    switch (s) {
      case "migrate:fresh", "migrate:reset", "migrate:refresh", "db:wipe" ->
          report(
              inv,
              ctx,
              "shell.interp.artisan-wipe",
              s,
              "database",
              Severity.CATASTROPHIC,
              env,
              "artisan " + s + " drops every table (and with fresh/refresh rebuilds them empty)");
      case "migrate:rollback" ->
          report(
              inv,
              ctx,
              "shell.interp.artisan-rollback",
              s,
              "database",
              Severity.DESTRUCTIVE,
              env,
              "artisan migrate:rollback reverts migrations, which may drop tables and columns");
      default ->
          report(
              inv,
              ctx,
              "shell.interp.artisan",
              s,
              "",
              Severity.SAFE,
              env,
              "runs the artisan command " + s);
    }
  }

  private static void report(
      Invocation inv,
      ShellContext ctx,
      String rule,
      String verb,
      String resource,
      Severity severity,
      Environment env,
      String reason) {
    ctx.finding(inv, rule)
        .verb(verb)
        .resource(resource)
        .severity(severity)
        .detected(env)
        .reason(reason)
        .addTo(ctx.analysis());
  }
}
