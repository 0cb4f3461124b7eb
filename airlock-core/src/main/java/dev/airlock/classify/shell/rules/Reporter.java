package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.http.HttpRequest;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.secret.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The findings of one invocation judged by one of the data, container, Kubernetes and GitHub packs:
 * rule ids under the pack's name, the environment the connection target names, and evidence whose
 * passwords are masked even where {@link Redactor} would not recognise them ({@code redis-cli -a
 * x}, {@code mongosh -p x}, {@code gh secret set --body x}).
 *
 * <p>Every invocation judged through a reporter ends with at least one finding or one hand-off
 * ({@link #finish}), so the classifier never falls back to a finding carrying the raw command text.
 */
final class Reporter {

  private final String pack;
  private final Invocation inv;
  private final ShellContext ctx;
  private final int before;
  private final List<int[]> masks = new ArrayList<>(2);
  private final List<String> maskedValues = new ArrayList<>(2);
  private final List<String> secrets = new ArrayList<>(2);
  private @Nullable String evidence;
  private Environment env = Environment.UNKNOWN;
  private boolean handedOn;

  Reporter(String pack, Invocation inv, ShellContext ctx) {
    this.pack = pack;
    this.inv = inv;
    this.ctx = ctx;
    this.before = ctx.analysis().findings().size();
  }

  Invocation invocation() {
    return inv;
  }

  ShellContext context() {
    return ctx;
  }

  /** Masks a credential argument in the evidence, keeping {@code prefix} of it ({@code -p}). */
  void secret(@Nullable Arg arg, String prefix) {
    if (arg == null || arg.value().isEmpty()) {
      return;
    }
    evidence = null;
    String v = arg.value();
    String secret = v.startsWith(prefix) ? v.substring(prefix.length()) : v;
    if (secret.length() >= 3) {
      secrets.add(secret);
    }
    int s = arg.start() - inv.start();
    int e = arg.end() - inv.start();
    String text = inv.text();
    if (s >= 0 && e > s && e <= text.length() && arg.end() > arg.start()) {
      masks.add(new int[] {s, e, prefix.length()});
    } else {
      maskedValues.add(arg.value());
    }
  }

  /** Masks a credential argument in the evidence. */
  void secret(@Nullable Arg arg) {
    secret(arg, "");
  }

  /** Adds the environment a name marks (host, URL, namespace, context, file name). */
  void mark(@Nullable String name) {
    if (name != null && !name.isEmpty()) {
      env = env.combine(EnvironmentMarkers.of(name));
    }
  }

  /** Adds an environment recognised otherwise. */
  void mark(Environment detected) {
    env = env.combine(detected);
  }

  /** The environment detected so far. */
  Environment env() {
    return env;
  }

  /** Whether the command or the caller names production (an unknown environment does not). */
  boolean production() {
    return env == Environment.PRODUCTION || ctx.environment() == Environment.PRODUCTION;
  }

  /**
   * Reports applying schema migrations: a safe write, except against production, where SQL that
   * Airlock does not see changes the schema of live data.
   */
  void migrations(String rule, String verb, String resource, String what) {
    if (production()) {
      add(
          rule,
          verb,
          resource,
          Severity.DESTRUCTIVE,
          what
              + " applies migrations, whose SQL Airlock does not see, to "
              + resource
              + " in production");
    } else {
      write(rule, verb, resource, what + " applies migrations or seeds; nothing is dropped");
    }
  }

  /** Reports a finding. */
  void add(String rule, String verb, String resource, Severity severity, String reason) {
    emit(rule, verb, resource, severity, Access.WRITE, reason);
  }

  /** Reports a read: safe, changes nothing. */
  void read(String rule, String verb, String resource, String reason) {
    emit(rule, verb, resource, Severity.SAFE, Access.READ, reason);
  }

  /** Reports a change that loses nothing. */
  void write(String rule, String verb, String resource, String reason) {
    emit(rule, verb, resource, Severity.SAFE, Access.WRITE, reason);
  }

  /** Reports something not understood. */
  void unknown(String rule, String verb, String resource, String reason) {
    emit(rule, verb, resource, Severity.UNKNOWN, Access.WRITE, reason);
  }

  private void emit(
      String rule, String verb, String resource, Severity severity, Access access, String reason) {
    ctx.finding(inv, "shell." + pack + "." + rule)
        .verb(verb)
        .resource(scrub(resource))
        .severity(severity)
        .access(access)
        .detected(env)
        .reason(scrub(reason))
        .evidence(inv.start(), inv.end(), evidence())
        .addTo(ctx.analysis());
  }

  /** The text with every credential this reporter was told of masked. */
  private String scrub(String text) {
    String t = text;
    for (String secret : secrets) {
      if (t.contains(secret)) {
        t = t.replace(secret, Redactor.MASK);
      }
    }
    return t;
  }

  /** Hands SQL in an argument to the SQL classifier with the detected environment. */
  void sql(Arg text) {
    handedOn = true;
    ctx.sql(inv, text, env);
  }

  /** Hands SQL from standard input or elsewhere to the SQL classifier. */
  void sql(String text) {
    handedOn = true;
    ctx.sql(inv, text, env);
  }

  /** Hands argv run elsewhere (a container, a pod) back to the shell classifier. */
  void command(List<Arg> argv, String via) {
    if (argv.isEmpty()) {
      return;
    }
    handedOn = true;
    ctx.command(inv, argv, via, env);
  }

  /** Hands a command line carried in an argument to the shell classifier. */
  void shell(Arg code, String via) {
    handedOn = true;
    ctx.shell(inv, code, via, env);
  }

  /** Hands a request to the HTTP classifier. */
  void http(HttpRequest request) {
    handedOn = true;
    ctx.http(inv, request, env);
  }

  /** Whether anything was reported or handed on since this reporter started. */
  boolean judged() {
    return handedOn || ctx.analysis().findings().size() > before;
  }

  /** Ensures the invocation is on record: a safe finding when nothing else was said. */
  void finish(String rule, String verb, String reason) {
    if (!judged()) {
      write(rule, verb, "", reason);
    }
  }

  /** The invocation text with credential arguments masked. */
  String evidence() {
    String e = evidence;
    if (e != null) {
      return e;
    }
    String text = inv.text();
    if (!masks.isEmpty()) {
      masks.sort((a, b) -> Integer.compare(b[0], a[0]));
      StringBuilder sb = new StringBuilder(text);
      int lastStart = Integer.MAX_VALUE;
      for (int[] m : masks) {
        if (m[1] > lastStart) {
          continue;
        }
        int keep = Math.min(m[2], m[1] - m[0]);
        sb.replace(m[0] + keep, m[1], Redactor.MASK);
        lastStart = m[0];
      }
      text = sb.toString();
    }
    for (String v : maskedValues) {
      text = text.replace(v, Redactor.MASK);
    }
    evidence = text;
    return text;
  }

  /** Lower case, for matching subcommands and commands. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
