package dev.airlock.classify.mcp;

import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.http.HttpClassifier;
import dev.airlock.classify.shell.ShellClassifier;
import dev.airlock.classify.sql.SqlClassifier;

/** Classifies an MCP tool call. (Placeholder until the MCP classifier lands.) */
public final class McpClassifier {

  @SuppressWarnings("UnusedVariable")
  private final ShellClassifier shell;

  @SuppressWarnings("UnusedVariable")
  private final SqlClassifier sql;

  @SuppressWarnings("UnusedVariable")
  private final HttpClassifier http;

  public McpClassifier(ShellClassifier shell, SqlClassifier sql, HttpClassifier http) {
    this.shell = shell;
    this.sql = sql;
    this.http = http;
  }

  /** Adds the findings for one tool call to the analysis. */
  public void classify(McpCall call, Scope scope, Analysis out) {
    scope
        .finding(Kind.MCP, "mcp.not-understood")
        .program(call.server())
        .verb(call.tool())
        .severity(Severity.UNKNOWN)
        .reason("the MCP classifier is not built yet")
        .addTo(out);
  }
}
