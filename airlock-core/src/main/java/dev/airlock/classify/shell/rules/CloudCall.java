package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.FindingBuilder;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One run of a cloud or platform CLI read the way those CLIs read themselves: subcommand words
 * first ({@code volumes destroy}, {@code sql instances delete}, {@code apps:destroy}), then the
 * resource they name, with options anywhere. Also the reporting helpers the cloud packs share, so
 * that every finding names its resource, carries the environment detected from the CLI's own
 * options and target names, and points its evidence at the subcommand.
 */
final class CloudCall {

  /** Words that name a deletion, for subcommands no table lists. */
  private static final Set<String> DESTROY_WORDS =
      setOf(
          "delete destroy remove rm del purge drop wipe erase terminate truncate nuke reset "
              + "prune deregister unset teardown rb clear");

  /** A set of the words of a space-separated list, for compact word tables. */
  static Set<String> setOf(String words) {
    return Set.of(words.strip().split("\\s+"));
  }

  /** An array of the words of a space-separated list (option names that take values). */
  static String[] arrayOf(String words) {
    return words.strip().split("\\s+");
  }

  private final Invocation inv;
  private final ShellContext ctx;
  private final ArgView view;
  private final List<Arg> words;

  /** Reads an invocation; {@code valueOptions} names the options that take a value. */
  CloudCall(Invocation inv, ShellContext ctx, String... valueOptions) {
    this.inv = inv;
    this.ctx = ctx;
    this.view = inv.view(valueOptions);
    this.words = view.positionals();
  }

  Invocation invocation() {
    return inv;
  }

  ShellContext context() {
    return ctx;
  }

  ArgView view() {
    return view;
  }

  /** The positional words: subcommand words first, then operands. */
  List<Arg> words() {
    return words;
  }

  int size() {
    return words.size();
  }

  /** The positional word at an index in lower case, or the empty string. */
  String word(int i) {
    return i < words.size() ? words.get(i).value().toLowerCase(Locale.ROOT) : "";
  }

  /** The positional word at an index as written, or the empty string. */
  String raw(int i) {
    return i < words.size() ? words.get(i).value() : "";
  }

  @Nullable Arg wordArg(int i) {
    return i < words.size() ? words.get(i) : null;
  }

  boolean flag(String... names) {
    return view.flag(names);
  }

  @Nullable Arg value(String... names) {
    return view.value(names);
  }

  /** The value of the last of these options given, or the empty string. */
  String text(String... names) {
    Arg a = view.value(names);
    return a == null ? "" : a.value();
  }

  /**
   * Whether the run only prints help: {@code --help}, {@code -help}, a leading {@code help} word,
   * and {@code -h} when the CLI reads it as help.
   */
  boolean helpRequested(boolean dashH) {
    return given("--help", "-help")
        || dashH && given("-h")
        || word(0).equals("help")
        || (!words.isEmpty() && word(words.size() - 1).equals("help"));
  }

  /**
   * Whether one of these options is written out whole, before any {@code --}: {@code -x} or {@code
   * -x=value}, except {@code -x=false}. Unlike {@link #flag}, a single-dash word is not read letter
   * by letter, which is how Go's flag package (terraform, tofu) reads it.
   */
  boolean given(String... names) {
    for (Arg a : inv.args()) {
      String v = a.value();
      if (v.equals("--")) {
        return false;
      }
      for (String n : names) {
        if (v.equals(n)
            || v.startsWith(n + "=") && !v.substring(n.length() + 1).equalsIgnoreCase("false")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether something feeds the command's standard input (a pipe, here-string or heredoc). */
  boolean stdinFed() {
    Invocation.Input in = inv.input();
    return in != null && in.kind() != Invocation.InputKind.FILE;
  }

  /** The environment named by the values of these options. */
  Environment markers(String... optionNames) {
    Environment env = Environment.UNKNOWN;
    for (Arg a : view.values(optionNames)) {
      env = env.combine(markersOf(a));
    }
    return env;
  }

  /** The environment named by one argument; unknown for expansions not known before run time. */
  static Environment markersOf(@Nullable Arg a) {
    return a == null || a.dynamic() ? Environment.UNKNOWN : EnvironmentMarkers.of(a.value());
  }

  /** The environment of the words from an index on (resource names). */
  Environment wordMarkers(int from) {
    Environment env = Environment.UNKNOWN;
    for (int i = from; i < words.size(); i++) {
      env = env.combine(markersOf(words.get(i)));
    }
    return env;
  }

  /**
   * The index of the first of the leading {@code max} words named like a deletion ({@code
   * apps:destroy}, {@code delete-thing}), or -1.
   */
  int destroyWord(int max) {
    for (int i = 0; i < Math.min(max, words.size()); i++) {
      for (String part : word(i).split("[:_\\-]")) {
        if (DESTROY_WORDS.contains(part)) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The command a runner subcommand runs ({@code railway run -e prod npx prisma ...}, {@code heroku
   * run rails db:drop -a app}): the arguments after the subcommand word {@code sub}, without the
   * runner's own options ({@code ownValues} take a value, {@code ownSwitches} do not). With {@code
   * ownAnywhere} the runner's options are removed wherever they stand (oclif), else only before the
   * command (clap's trailing arguments); after {@code --} everything belongs to the command.
   */
  List<Arg> trailingCommand(
      String sub, Set<String> ownValues, Set<String> ownSwitches, boolean ownAnywhere) {
    List<Arg> args = inv.args();
    List<Arg> argv = new java.util.ArrayList<>();
    int i = 0;
    while (i < args.size() && !args.get(i).value().equalsIgnoreCase(sub)) {
      i++;
    }
    boolean rest = false;
    for (i++; i < args.size(); i++) {
      String v = args.get(i).value();
      if (!rest && v.equals("--")) {
        rest = true;
        continue;
      }
      if (!rest && (ownAnywhere || argv.isEmpty())) {
        int eq = v.indexOf('=');
        if (ownValues.contains(v)) {
          i++;
          continue;
        }
        if (ownSwitches.contains(v) || eq > 0 && ownValues.contains(v.substring(0, eq))) {
          continue;
        }
      }
      argv.add(args.get(i));
    }
    return argv;
  }

  /** Joins arguments into one shell text, as a remote shell would run them. */
  @Nullable Arg joined(List<Arg> argv) {
    if (argv.isEmpty()) {
      return null;
    }
    if (argv.size() == 1) {
      return argv.getFirst();
    }
    StringBuilder sb = new StringBuilder();
    int flags = 0;
    for (Arg a : argv) {
      sb.append(sb.isEmpty() ? "" : " ").append(a.value());
      flags |= a.flags();
    }
    return new Arg(sb.toString(), flags, argv.getFirst().start(), argv.getLast().end());
  }

  /**
   * Starts a finding with what it does, to what, how bad and where; the evidence is the command
   * from its first subcommand word on.
   */
  FindingBuilder finding(
      String rule,
      Severity severity,
      String verb,
      String resource,
      Environment env,
      String reason) {
    FindingBuilder b =
        ctx.finding(inv, rule)
            .verb(verb)
            .resource(resource)
            .severity(severity)
            .detected(env)
            .reason(reason);
    if (!words.isEmpty()) {
      int s = words.getFirst().start();
      int off = inv.start();
      String t = inv.text();
      int e = inv.end();
      if (s >= off && e > s && e - off <= t.length()) {
        b.evidence(s, e, t.substring(s - off, e - off));
      }
    }
    return b;
  }

  /** Reports a finding. */
  void report(
      String rule,
      Severity severity,
      String verb,
      String resource,
      Environment env,
      String reason) {
    finding(rule, severity, verb, resource, env, reason).addTo(ctx.analysis());
  }

  /** Reports a run that only reads. */
  void read(String rule, String resource, Environment env, String reason) {
    finding(rule, Severity.SAFE, "read", resource, env, reason).read().addTo(ctx.analysis());
  }

  /** Reports a change Airlock judges safe: recorded as a write, with its environment. */
  void write(String rule, String verb, String resource, Environment env, String reason) {
    finding(rule, Severity.SAFE, verb, resource, env, reason).addTo(ctx.analysis());
  }

  /** Reports a help request. */
  void help(String pack) {
    read(
        "shell." + pack + ".help",
        "",
        Environment.UNKNOWN,
        inv.program() + " only prints help when asked for it; nothing runs");
  }

  /**
   * Reports a subcommand no table lists whose name says it deletes: held as destructive, since
   * Airlock cannot tell what it removes.
   */
  boolean unlistedDelete(String pack, int maxWords, Environment env) {
    int i = destroyWord(maxWords);
    if (i < 0) {
      return false;
    }
    StringBuilder path = new StringBuilder();
    for (int j = 0; j <= i; j++) {
      path.append(j == 0 ? "" : " ").append(raw(j));
    }
    String target = raw(i + 1);
    report(
        "shell." + pack + ".unlisted-delete",
        Severity.DESTRUCTIVE,
        "delete",
        target,
        env.combine(wordMarkers(i + 1)),
        "runs `"
            + inv.program()
            + " "
            + path
            + "`, a subcommand Airlock has no rule for whose name says it deletes"
            + (target.isEmpty() ? "" : " (" + target + ")")
            + "; held because what it removes is not known");
    return true;
  }

  /** " without a prompt" when the run skips the CLI's confirmation. */
  String noPrompt(String... yesFlags) {
    for (String f : yesFlags) {
      if (view.flag(f)) {
        return "; " + f + " skips the confirmation prompt";
      }
    }
    return "";
  }
}
