package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.FindingBuilder;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.classify.http.HttpRequest;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs one rule pack on one invocation without the parser or the walk: builds invocations from a
 * command line with a small shell-like tokenizer (quotes, {@code $VAR}, {@code $(..)}, {@code ~},
 * {@code {input}} for items arriving at run time), and records what the pack reports and what it
 * hands on to the SQL, HTTP and shell classifiers.
 */
public final class PackHarness {

  private PackHarness() {}

  private static final Map<String, CommandRules> PACKS = RulePacks.index();

  /** Content a pack handed on: kind {@code sql}, {@code command}, {@code shell} or {@code http}. */
  record Nested(String kind, String text, Environment env, String via) {}

  /** What a pack said about one invocation. */
  record Result(List<Finding> findings, List<Nested> nested) {

    /** The worst severity of the pack's own findings, or null if it reported none. */
    @Nullable Severity worst() {
      Severity w = null;
      for (Finding f : findings) {
        w = w == null ? f.severity() : Severity.worst(w, f.severity());
      }
      return w;
    }

    /** A finding with the worst severity. */
    @Nullable Finding worstFinding() {
      Severity w = worst();
      for (Finding f : findings) {
        if (f.severity() == w) {
          return f;
        }
      }
      return null;
    }

    /** Whether this would be held: a destructive, catastrophic or unknown finding, or a handoff. */
    boolean heldOrHandedOn() {
      Severity w = worst();
      return !nested.isEmpty() || w != null && w != Severity.SAFE;
    }
  }

  /** A ShellContext that records findings and nested content. */
  static final class Recorder implements ShellContext {
    private final Environment declared;
    private final Analysis analysis = new Analysis(Limits.DEFAULT, Trace.OFF);
    final List<Nested> nested = new ArrayList<>();

    Recorder(Environment declared) {
      this.declared = declared;
    }

    @Override
    public FindingBuilder finding(Invocation invocation, String ruleId) {
      return Scope.root("command", declared)
          .finding(Kind.SHELL, ruleId)
          .program(invocation.program())
          .evidence(invocation.start(), invocation.end(), invocation.text());
    }

    @Override
    public Analysis analysis() {
      return analysis;
    }

    @Override
    public Environment environment() {
      return declared;
    }

    @Override
    public void sql(Invocation invocation, Arg text, Environment detected) {
      nested.add(new Nested("sql", text.value(), declared.combine(detected), invocation.program()));
    }

    @Override
    public void sql(Invocation invocation, String text, Environment detected) {
      nested.add(new Nested("sql", text, declared.combine(detected), invocation.program()));
    }

    @Override
    public void http(Invocation invocation, HttpRequest request, Environment detected) {
      nested.add(
          new Nested(
              "http",
              request.normalizedMethod()
                  + " "
                  + request.url()
                  + (request.body().isEmpty() ? "" : " " + request.body()),
              declared.combine(detected),
              invocation.program()));
    }

    @Override
    public void shell(Invocation invocation, Arg code, String via, Environment detected) {
      nested.add(new Nested("shell", code.value(), declared.combine(detected), via));
    }

    @Override
    public void command(Invocation invocation, List<Arg> argv, String via, Environment detected) {
      StringBuilder sb = new StringBuilder();
      for (Arg a : argv) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(a.value());
      }
      nested.add(new Nested("command", sb.toString(), declared.combine(detected), via));
    }

    @Override
    public void note(String line) {}
  }

  /** Runs the pack that owns the invocation's program. */
  static Result run(Invocation inv, Environment declared) {
    CommandRules pack = PACKS.get(inv.program());
    if (pack == null) {
      throw new IllegalArgumentException("no pack for " + inv.program());
    }
    Recorder ctx = new Recorder(declared);
    pack.classify(inv, ctx);
    return new Result(List.copyOf(ctx.analysis().findings()), List.copyOf(ctx.nested));
  }

  /** Whether one of this change's packs owns a program. */
  static boolean owns(String program) {
    CommandRules p = PACKS.get(program);
    return p != null && !(p instanceof SystemRules) && !(p instanceof InterpreterRules);
  }

  /** Builds an invocation from a command line, with an optional standard input. */
  public static Invocation invocation(String line, Invocation.@Nullable Input input) {
    List<Arg> words = words(line);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    return new Invocation(
        words.get(0).value(), words.subList(1, words.size()), 0, line.length(), line, input);
  }

  /** Standard input of a kind, as the walk would describe it. */
  public static Invocation.Input input(String kind, String text) {
    return switch (kind) {
      case "heredoc" -> new Invocation.Input(Invocation.InputKind.HEREDOC, text, false, 0, 0);
      case "heredoc-dynamic" ->
          new Invocation.Input(Invocation.InputKind.HEREDOC, text, true, 0, 0);
      case "herestring" -> new Invocation.Input(Invocation.InputKind.HERESTRING, text, false, 0, 0);
      case "pipe" -> new Invocation.Input(Invocation.InputKind.PIPE, text, false, 0, 0);
      case "pipe-dynamic" -> new Invocation.Input(Invocation.InputKind.PIPE, text, true, 0, 0);
      case "file" -> new Invocation.Input(Invocation.InputKind.FILE, text, false, 0, 0);
      default -> throw new IllegalArgumentException("unknown stdin kind " + kind);
    };
  }

  /**
   * Splits a command line into words the way the walk would resolve them, with real spans: single
   * quotes are literal, double quotes allow {@code $}, an unquoted or double-quoted {@code $X} or
   * {@code $(..)} is dynamic, a leading {@code ~} or {@code $HOME} is home, and the word {@code
   * {input}} stands for items read at run time.
   */
  public static List<Arg> words(String line) {
    List<Arg> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      StringBuilder v = new StringBuilder();
      int flags = 0;
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        char c = line.charAt(i);
        if (c == '\'') {
          flags |= Arg.QUOTED;
          int close = line.indexOf('\'', i + 1);
          close = close < 0 ? n : close;
          v.append(line, i + 1, close);
          i = close + 1;
        } else if (c == '"') {
          flags |= Arg.QUOTED;
          i++;
          while (i < n && line.charAt(i) != '"') {
            char d = line.charAt(i);
            if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
              v.append(line.charAt(i + 1));
              i += 2;
              continue;
            }
            if (d == '$') {
              flags |= dollar(line, i);
            }
            v.append(d);
            i++;
          }
          i++;
        } else if (c == '\\' && i + 1 < n) {
          v.append(line.charAt(i + 1));
          i += 2;
        } else {
          if (c == '$') {
            flags |= dollar(line, i);
          }
          if (c == '*' || c == '?') {
            flags |= Arg.GLOB;
          }
          v.append(c);
          i++;
        }
      }
      String value = v.toString();
      if (value.equals("{input}")) {
        out.add(new Arg("{items from standard input}", Arg.INPUT, start, i));
        continue;
      }
      if (value.startsWith("$HOME")) {
        value = "~" + value.substring(5);
        flags = flags & ~Arg.DYNAMIC;
      }
      if (value.startsWith("~") && (flags & Arg.QUOTED) == 0 || value.startsWith("~/")) {
        flags |= Arg.HOME;
      }
      out.add(new Arg(value, flags, start, i));
    }
    return out;
  }

  private static int dollar(String line, int i) {
    if (i + 1 < line.length() && line.charAt(i + 1) == '(') {
      return Arg.DYNAMIC | Arg.SUBST;
    }
    if (i + 1 < line.length()
        && (Character.isLetter(line.charAt(i + 1)) || "{_?@#*".indexOf(line.charAt(i + 1)) >= 0)) {
      return Arg.DYNAMIC;
    }
    return 0;
  }
}
