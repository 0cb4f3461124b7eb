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

/**
 * A {@link ShellContext} for rule-pack tests: collects findings, records the nested calls a pack
 * makes, and classifies nested commands with the shipped packs. Nested shell text ({@code
 * powershell -Command}, {@code cmd /c}) is split at {@code ;}, {@code &&}, {@code ||} and {@code |}
 * and each part read as one simple command by {@link Words}, a stand-in for the shell walk.
 */
final class RecordingContext implements ShellContext {

  /** A nested call a pack made: which method, the wrapper named, and the text or argv. */
  record Call(String kind, String via, String text) {}

  private static final Map<String, CommandRules> PACKS = RulePacks.index();

  private final Scope scope;
  private final Analysis analysis = new Analysis(Limits.DEFAULT, Trace.OFF);
  private final List<Call> calls = new ArrayList<>();
  private int depth;

  RecordingContext() {
    this(Environment.DEVELOPMENT);
  }

  RecordingContext(Environment environment) {
    this.scope = Scope.root("command", environment);
  }

  /** Classifies one command line (a single simple command) with the shipped packs. */
  static RecordingContext classify(String line) {
    RecordingContext ctx = new RecordingContext();
    ctx.dispatch(Words.parse(line));
    return ctx;
  }

  /** Runs the pack for an invocation, or records that none handles it. */
  void dispatch(Invocation inv) {
    CommandRules pack = PACKS.get(inv.program());
    if (pack == null) {
      calls.add(new Call("unhandled", inv.program(), inv.text()));
      return;
    }
    pack.classify(inv, this);
  }

  List<Finding> findings() {
    return analysis.findings();
  }

  List<Call> calls() {
    return calls;
  }

  /** The worst severity found, SAFE when there is no finding. */
  Severity worst() {
    Severity w = Severity.SAFE;
    for (Finding f : findings()) {
      w = Severity.worst(w, f.severity());
    }
    return w;
  }

  @Override
  public FindingBuilder finding(Invocation invocation, String ruleId) {
    return scope
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
    return scope.environment();
  }

  @Override
  public void sql(Invocation invocation, Arg text, Environment detected) {
    calls.add(new Call("sql", invocation.program(), text.value()));
  }

  @Override
  public void sql(Invocation invocation, String text, Environment detected) {
    calls.add(new Call("sql", invocation.program(), text));
  }

  @Override
  public void http(Invocation invocation, HttpRequest request, Environment detected) {
    calls.add(new Call("http", invocation.program(), request.url()));
  }

  @Override
  public void shell(Invocation invocation, Arg code, String via, Environment detected) {
    calls.add(new Call("shell", via, code.value()));
    if (depth > 8) {
      return;
    }
    depth++;
    for (String part : code.value().split("\\s*(?:;|&&|\\|\\||\\|)\\s*")) {
      if (!part.isBlank()) {
        dispatch(Words.parse(part.strip()));
      }
    }
    depth--;
  }

  @Override
  public void command(Invocation invocation, List<Arg> argv, String via, Environment detected) {
    StringBuilder sb = new StringBuilder();
    for (Arg a : argv) {
      sb.append(sb.isEmpty() ? "" : " ").append(a.value());
    }
    calls.add(new Call("command", via, sb.toString()));
    if (argv.isEmpty() || depth > 8) {
      return;
    }
    Arg name = argv.getFirst();
    String text = invocation.text();
    int start = Math.max(invocation.start(), Math.min(name.start(), invocation.end()));
    int end = Math.max(start, Math.min(argv.getLast().end(), invocation.end()));
    String sub =
        text.substring(
            Math.min(text.length(), start - invocation.start()),
            Math.min(text.length(), end - invocation.start()));
    depth++;
    dispatch(new Invocation(name.value(), argv.subList(1, argv.size()), start, end, sub, null));
    depth--;
  }

  @Override
  public void note(String line) {}
}
