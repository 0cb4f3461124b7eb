package dev.airlock.classify.mcp;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.action.ToolAnnotations;
import dev.airlock.classify.Access;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.http.HttpClassifier;
import dev.airlock.classify.shell.ShellClassifier;
import dev.airlock.classify.sql.SqlClassifier;
import java.util.List;

/**
 * Classifies an MCP tool call. The tool's name says what it does ({@code delete_repository}, {@code
 * drop-database}, {@code list_pull_requests}); its arguments say to what, and arguments that carry
 * a shell command, SQL, a request or a file path are judged by those classifiers. The server's
 * annotations ({@code destructiveHint}, {@code readOnlyHint}) are claims by the server: they can
 * make a decision stricter, never looser, unless configuration marks the server trusted.
 */
public final class McpClassifier {

  private final McpArguments arguments;

  public McpClassifier(ShellClassifier shell, SqlClassifier sql, HttpClassifier http) {
    this.arguments = new McpArguments(shell, sql, http);
  }

  /** Adds the findings for one tool call to the analysis. */
  public void classify(McpCall call, Scope scope, Analysis out) {
    ToolName tool = ToolName.of(call.tool());
    ToolName server = ToolName.of(call.server());
    Scope s = scope.detected(McpArguments.environment(call.arguments()));
    if (out.trace().enabled()) {
      out.note(
          "mcp: tool "
              + call.tool()
              + " on server "
              + (call.server().isEmpty() ? "(unnamed)" : call.server())
              + "; words "
              + tool.words());
    }
    int before = out.findings().size();
    Severity argumentWorst = arguments.classify(call, tool, server, s, out);
    McpSignals.classify(call, tool, server, s, out);
    nameFinding(call, tool, server, s, out, argumentWorst);
    annotations(call, s, out, before);
  }

  private static void nameFinding(
      McpCall call,
      ToolName tool,
      ToolName server,
      Scope scope,
      Analysis out,
      Severity argumentWorst) {
    String program = call.server().isEmpty() ? "mcp" : call.server();
    String resource = McpArguments.target(call.arguments());
    if (tool.has(ToolName.DESTROY) && !tool.startsWith(ToolName.READ)) {
      String verb = tool.first(ToolName.DESTROY);
      boolean wide = tool.has(ToolName.WIDE) || McpArguments.mentionsWide(call.arguments());
      Severity sev = wide ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE;
      Environment env = Environment.UNKNOWN;
      String extra = "";
      if (server.has("railway") && tool.has("volume")) {
        env = Environment.PRODUCTION;
        extra =
            "; a Railway volume belongs to the project and is attached to every environment, production included";
        sev = Severity.CATASTROPHIC;
      }
      scope
          .finding(
              Kind.MCP, "mcp.tool." + (sev == Severity.CATASTROPHIC ? "destroy-wide" : "destroy"))
          .program(program)
          .verb(verb)
          .resource(resource)
          .severity(sev)
          .detected(env)
          .reason(
              "the tool "
                  + call.tool()
                  + " "
                  + verb
                  + "s "
                  + (resource.isEmpty() ? "something" : resource)
                  + (wide ? ", with a wide blast radius" : "")
                  + extra)
          .evidence(0, 0, call.tool())
          .addTo(out);
      return;
    }
    if (!tool.startsWith(ToolName.READ)
        && (tool.has(McpSignals.DISRUPT)
            || tool.has(ToolName.SETTINGS) && tool.has(ToolName.WRITE_FILE))) {
      String verb =
          tool.has(McpSignals.DISRUPT)
              ? tool.first(McpSignals.DISRUPT)
              : tool.first(ToolName.WRITE_FILE);
      scope
          .finding(Kind.MCP, "mcp.tool.disrupt")
          .program(program)
          .verb(verb)
          .resource(resource)
          .severity(Severity.DESTRUCTIVE)
          .reason(
              "the tool "
                  + call.tool()
                  + (tool.has(McpSignals.DISRUPT)
                      ? " " + verb + "s something that is running, billed or relied on"
                      : " overwrites configuration or secrets the running service depends on")
                  + (resource.isEmpty() ? "" : " (" + resource + ")"))
          .evidence(0, 0, call.tool())
          .addTo(out);
      return;
    }
    if (tool.has(ToolName.TOKEN)
        && (tool.has("create") || tool.has("generate") || tool.has("issue") || tool.has("mint"))) {
      scope
          .finding(Kind.MCP, "mcp.tool.create-credential")
          .program(program)
          .verb("create-token")
          .resource(resource)
          .severity(Severity.DESTRUCTIVE)
          .reason(
              "the tool "
                  + call.tool()
                  + " creates credentials: privilege escalation, held for a person")
          .evidence(0, 0, call.tool())
          .addTo(out);
      return;
    }
    boolean read =
        tool.startsWith(ToolName.READ)
            || (!tool.has(ToolName.WRITE_FILE)
                && tool.has(ToolName.READ)
                && argumentWorst == Severity.SAFE);
    scope
        .finding(Kind.MCP, read ? "mcp.tool.read" : "mcp.tool.write")
        .program(program)
        .verb(tool.words().isEmpty() ? call.tool() : tool.words().getFirst())
        .resource(resource)
        .severity(Severity.SAFE)
        .access(read ? Access.READ : Access.WRITE)
        .reason(
            "the tool "
                + call.tool()
                + (read ? " reads" : " changes something")
                + "; nothing destructive recognised in its name")
        .evidence(0, 0, call.tool())
        .addTo(out);
  }

  private static void annotations(McpCall call, Scope scope, Analysis out, int from) {
    ToolAnnotations a = call.annotations();
    List<Finding> mine = out.findings().subList(from, out.findings().size());
    Severity worst = Severity.SAFE;
    for (Finding f : mine) {
      worst = Severity.worst(worst, f.severity());
    }
    if (Boolean.TRUE.equals(a.destructiveHint())
        && worst == Severity.SAFE
        && !(call.trusted() && Boolean.TRUE.equals(a.readOnlyHint()))) {
      scope
          .finding(Kind.MCP, "mcp.annotation.destructive")
          .program(call.server().isEmpty() ? "mcp" : call.server())
          .verb("destructive-hint")
          .resource(McpArguments.target(call.arguments()))
          .severity(Severity.DESTRUCTIVE)
          .reason(
              "the server marks "
                  + call.tool()
                  + " as destructive (destructiveHint); a hint can only make Airlock stricter")
          .evidence(0, 0, call.tool())
          .addTo(out);
    }
    if (call.trusted()
        && Boolean.TRUE.equals(a.readOnlyHint())
        && !Boolean.TRUE.equals(a.destructiveHint())) {
      for (int i = from; i < out.findings().size(); i++) {
        Finding f = out.findings().get(i);
        if (f.kind() == Kind.MCP && f.ruleId().startsWith("mcp.tool.")) {
          out.findings()
              .set(
                  i,
                  new Finding(
                      "mcp.annotation.trusted-read-only",
                      f.kind(),
                      f.program(),
                      f.verb(),
                      f.resource(),
                      Severity.SAFE,
                      Access.READ,
                      f.environment(),
                      "the trusted server marks "
                          + call.tool()
                          + " read-only (readOnlyHint), and configuration trusts its annotations",
                      f.evidence(),
                      f.via()));
        }
      }
    } else if (Boolean.TRUE.equals(a.readOnlyHint())
        && worst != Severity.SAFE
        && out.trace().enabled()) {
      out.note(
          "mcp: the server claims "
              + call.tool()
              + " is read-only; the claim is ignored because the server is not trusted");
    }
  }
}
