package dev.airlock.classify.mcp;

import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.json.Json;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an MCP call's arguments say about it beyond the code they carry: switches that make a tool
 * destructive ({@code force: true}, {@code dropTarget: true}, {@code is_destroy: true}), an
 * operation named in an argument ({@code action: "purge_tenant"}), unfiltered MongoDB writes and
 * pipelines that overwrite a collection, scaling to zero, and browser controls labelled with a
 * destructive verb. Each signal can only add a hold; none makes a call look safer.
 */
final class McpSignals {

  /** Boolean arguments that, when true, make a call destroy or overwrite something. */
  private static final Set<String> DANGER_SWITCHES =
      Set.of(
          "force",
          "hard",
          "prune",
          "purge",
          "droptarget",
          "isdestroy",
          "destroy",
          "cascade",
          "deleteall",
          "wipe",
          "overwrite",
          "skipfinalsnapshot",
          "deletebackups",
          "removevolumes");

  /** Arguments whose string value names the operation a generic tool performs. */
  private static final Set<String> OPERATION_KEYS =
      Set.of("action", "operation", "op", "task", "verb", "mode", "subcommand");

  /** Verbs that do not delete but disrupt or move money or service: held as destructive. */
  static final Set<String> DISRUPT =
      Set.of(
          "pause", "suspend", "cancel", "refund", "deactivate", "disable", "cleanup", "rollback");

  private static final Set<String> BROWSER_ACTIONS =
      Set.of("click", "type", "press", "select", "fill", "submit", "tap");

  private McpSignals() {}

  /** Adds a finding for every signal in the arguments of a tool that is not a plain read. */
  static void classify(McpCall call, ToolName tool, ToolName server, Scope scope, Analysis out) {
    if (!(call.arguments() instanceof Json.Obj args) || tool.startsWith(ToolName.READ)) {
      return;
    }
    String program = call.server().isEmpty() ? "mcp" : call.server();
    for (Map.Entry<String, Json> e : args.members().entrySet()) {
      String key = e.getKey();
      String k = normal(key);
      if (DANGER_SWITCHES.contains(k) && e.getValue() instanceof Json.Bool(boolean on) && on) {
        add(
            scope,
            out,
            "mcp.args.danger-switch",
            program,
            k,
            call,
            Severity.DESTRUCTIVE,
            "the call sets "
                + key
                + ": true, which makes "
                + call.tool()
                + " destroy or overwrite what it targets",
            "arguments." + key,
            key + ": true");
      }
      if (OPERATION_KEYS.contains(k) && e.getValue() instanceof Json.Str(String v)) {
        ToolName op = ToolName.of(v);
        if (op.has(ToolName.DESTROY) || op.has(DISRUPT)) {
          boolean wide = op.has(ToolName.WIDE) || op.has("tenant");
          add(
              scope,
              out,
              "mcp.args.destructive-operation",
              program,
              op.has(ToolName.DESTROY) ? op.first(ToolName.DESTROY) : op.first(DISRUPT),
              call,
              wide ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
              "the argument " + key + " asks " + call.tool() + " to " + v,
              "arguments." + key,
              v);
        }
      }
    }
    mongo(call, tool, args, program, scope, out);
    if (tool.has("scale") && isZero(args.members().get("replicas"))) {
      add(
          scope,
          out,
          "mcp.args.scale-to-zero",
          program,
          "scale",
          call,
          Severity.DESTRUCTIVE,
          "the call scales " + McpArguments.target(args) + " to zero replicas: the service stops",
          "arguments.replicas",
          "replicas: 0");
    }
    if (tool.has(BROWSER_ACTIONS) && (server.has("playwright") || tool.has("browser"))) {
      browser(call, args, program, scope, out);
    }
  }

  private static void mongo(
      McpCall call, ToolName tool, Json.Obj args, String program, Scope scope, Analysis out) {
    boolean many = tool.has("many") || tool.has("all");
    if ((tool.has("update") || tool.has("delete")) && many) {
      Json filter = args.members().get("filter");
      if (filter == null || filter instanceof Json.Obj f && f.members().isEmpty()) {
        add(
            scope,
            out,
            "mcp.mongo.unfiltered-write",
            program,
            tool.has("delete") ? "delete" : "update",
            call,
            Severity.CATASTROPHIC,
            "the call "
                + call.tool()
                + " has an empty filter: it changes every document in "
                + McpArguments.target(args),
            "arguments.filter",
            "{}");
      }
    }
    if (args.members().get("pipeline") instanceof Json.Arr pipeline) {
      for (Json stage : pipeline.items()) {
        if (stage instanceof Json.Obj o
            && (o.members().containsKey("$out") || o.members().containsKey("$merge"))) {
          add(
              scope,
              out,
              "mcp.mongo.pipeline-overwrite",
              program,
              "overwrite",
              call,
              Severity.DESTRUCTIVE,
              "the pipeline of "
                  + call.tool()
                  + " ends in $out or $merge, which writes over a"
                  + " collection",
              "arguments.pipeline",
              "$out");
        }
      }
    }
  }

  private static void browser(
      McpCall call, Json.Obj args, String program, Scope scope, Analysis out) {
    for (String key : new String[] {"element", "text", "label", "selector", "name"}) {
      if (args.members().get(key) instanceof Json.Str(String v)) {
        ToolName words = ToolName.of(v);
        if (words.has(ToolName.DESTROY)) {
          boolean wide = words.has(ToolName.WIDE);
          add(
              scope,
              out,
              "mcp.browser.destructive-control",
              program,
              "click",
              call,
              wide ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
              "the browser action "
                  + call.tool()
                  + " works a control labelled \""
                  + v
                  + "\": a person should see what it destroys first",
              "arguments." + key,
              v);
          return;
        }
      }
    }
  }

  private static boolean isZero(@org.jspecify.annotations.Nullable Json v) {
    String t =
        v instanceof Json.Num(String n) ? n : v instanceof Json.Str(String s) ? s.strip() : "";
    return t.equals("0") || t.equals("0.0") || t.equals("-0");
  }

  private static String normal(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static void add(
      Scope scope,
      Analysis out,
      String rule,
      String program,
      String verb,
      McpCall call,
      Severity severity,
      String reason,
      String field,
      String evidence) {
    scope
        .field(field)
        .finding(Kind.MCP, rule)
        .program(program)
        .verb(verb)
        .resource(McpArguments.target(call.arguments()))
        .severity(severity)
        .reason(reason)
        .evidence(0, evidence.length(), evidence)
        .addTo(out);
  }
}
