package dev.airlock.classify.http;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.FindingBuilder;
import dev.airlock.classify.Scope;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell context for testing HTTP client packs alone: it keeps the requests handed to {@link
 * #http} and runs the HTTP classifier on each, in a scope nested the way the shell walk nests it
 * (opaque: evidence points at the invocation).
 */
final class TestShellContext implements ShellContext {

  private final Scope scope;
  private final Analysis out;
  private final HttpClassifier http;
  final List<HttpRequest> requests = new ArrayList<>();

  TestShellContext(Scope scope, Analysis out, HttpClassifier http) {
    this.scope = scope;
    this.out = out;
    this.http = http;
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
    return out;
  }

  @Override
  public Environment environment() {
    return scope.environment();
  }

  @Override
  public void sql(Invocation invocation, Arg text, Environment detected) {
    throw new UnsupportedOperationException("no SQL in HTTP client tests");
  }

  @Override
  public void sql(Invocation invocation, String text, Environment detected) {
    throw new UnsupportedOperationException("no SQL in HTTP client tests");
  }

  @Override
  public void http(Invocation invocation, HttpRequest request, Environment detected) {
    requests.add(request);
    Scope s =
        scope
            .detected(detected)
            .nested(out.limits(), invocation.start(), invocation.end(), -1)
            .through(invocation.program());
    http.classify(request, s, out);
  }

  @Override
  public void shell(Invocation invocation, Arg code, String via, Environment detected) {
    throw new UnsupportedOperationException("no nested shell in HTTP client tests");
  }

  @Override
  public void command(Invocation invocation, List<Arg> argv, String via, Environment detected) {
    throw new UnsupportedOperationException("no nested commands in HTTP client tests");
  }

  @Override
  public void note(String line) {
    out.note(line);
  }
}
