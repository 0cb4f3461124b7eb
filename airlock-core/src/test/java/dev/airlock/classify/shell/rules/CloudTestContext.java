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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ShellContext} for the cloud packs' tests: collects findings under an unknown declared
 * environment (so what a pack detects is what the finding shows), and records, without judging
 * them, the nested commands, scripts and SQL a pack hands on.
 */
final class CloudTestContext implements ShellContext {

  /** Something a pack handed on: {@code shell}, {@code command}, {@code sql} or {@code http}. */
  record Nested(String kind, String via, String text, Environment detected) {}

  static final List<CommandRules> PACKS =
      List.of(new InfraAsCodeRules(), new AwsRules(), new GcpAzureRules(), new PlatformRules());

  private static final Map<String, CommandRules> BY_PROGRAM = new HashMap<>();

  static {
    for (CommandRules pack : PACKS) {
      for (String p : pack.programs()) {
        BY_PROGRAM.put(p, pack);
      }
    }
  }

  private final Scope scope = Scope.root("command", Environment.UNKNOWN);
  private final Analysis analysis = new Analysis(Limits.DEFAULT, Trace.OFF);
  private final List<Nested> nested = new ArrayList<>();

  /** Classifies one simple command with the cloud packs. */
  static CloudTestContext classify(String line) {
    return classify(CloudWords.parse(line));
  }

  static CloudTestContext classify(Invocation inv) {
    CloudTestContext ctx = new CloudTestContext();
    CommandRules pack = BY_PROGRAM.get(inv.program());
    if (pack == null) {
      throw new IllegalArgumentException("no cloud pack for " + inv.program());
    }
    pack.classify(inv, ctx);
    return ctx;
  }

  List<Finding> findings() {
    return analysis.findings();
  }

  List<Nested> nested() {
    return nested;
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
    nested.add(new Nested("sql", invocation.program(), text.value(), detected));
  }

  @Override
  public void sql(Invocation invocation, String text, Environment detected) {
    nested.add(new Nested("sql", invocation.program(), text, detected));
  }

  @Override
  public void http(Invocation invocation, HttpRequest request, Environment detected) {
    nested.add(new Nested("http", invocation.program(), request.url(), detected));
  }

  @Override
  public void shell(Invocation invocation, Arg code, String via, Environment detected) {
    nested.add(new Nested("shell", via, code.value(), detected));
  }

  @Override
  public void command(Invocation invocation, List<Arg> argv, String via, Environment detected) {
    StringBuilder sb = new StringBuilder();
    for (Arg a : argv) {
      sb.append(sb.isEmpty() ? "" : " ").append(a.value());
    }
    nested.add(new Nested("command", via, sb.toString(), detected));
  }

  @Override
  public void note(String line) {}
}
