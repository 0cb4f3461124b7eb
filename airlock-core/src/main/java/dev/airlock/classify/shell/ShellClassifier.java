package dev.airlock.classify.shell;

import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.http.HttpClassifier;
import dev.airlock.classify.sql.SqlClassifier;

/** Classifies a shell command line. (Placeholder until the shell classifier lands.) */
public final class ShellClassifier {

  @SuppressWarnings("UnusedVariable")
  private final SqlClassifier sql;

  @SuppressWarnings("UnusedVariable")
  private final HttpClassifier http;

  public ShellClassifier(SqlClassifier sql, HttpClassifier http) {
    this.sql = sql;
    this.http = http;
  }

  /** Adds the findings for one command line to the analysis. */
  public void classify(String command, Scope scope, Analysis out) {
    scope
        .finding(Kind.SHELL, "shell.not-understood")
        .program("sh")
        .severity(Severity.UNKNOWN)
        .reason("the shell classifier is not built yet")
        .evidence(0, command.length(), command)
        .addTo(out);
  }
}
