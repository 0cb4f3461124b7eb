package dev.airlock.hook;

import dev.airlock.action.Action;
import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.ShellWords;
import dev.airlock.action.ToolAnnotations;
import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON a runtime sends its pre-tool hook into the actions Airlock judges. Shell tools
 * become shell actions, MCP tools MCP actions, a fetch an HTTP GET; the runtime's own file tools
 * ({@code Write}, {@code Edit}, {@code Read}, Gemini's {@code write_file}, Cursor's file reads) are
 * judged as tool calls by the MCP classifier, which knows which paths hold secrets or must not be
 * overwritten. A payload that is not the shape the protocol documents is an error, never a pass.
 */
public final class HookPayloads {

  /** Claude Code and Codex tools that neither change nor reveal anything Airlock guards. */
  private static final Set<String> CLAUDE_PASS =
      Set.of(
          "Glob",
          "LS",
          "TodoWrite",
          "TodoRead",
          "WebSearch",
          "Task",
          "Agent",
          "ExitPlanMode",
          "BashOutput",
          "KillShell",
          "KillBash",
          "AskUserQuestion",
          "ListMcpResourcesTool",
          "update_plan",
          "view_image");

  /** Gemini CLI tools of the same kind. */
  private static final Set<String> GEMINI_PASS =
      Set.of("glob", "list_directory", "google_web_search", "save_memory", "write_todos");

  /** The most actions one call is split into (URLs in a fetch, files in a multi-read). */
  private static final int MAX_SPLIT = 16;

  private HookPayloads() {}

  /**
   * Reads one payload.
   *
   * @param environment the environment the installed hook claims for this workspace ({@code
   *     --env}); unknown unless configured, which counts as production
   */
  public static HookCall read(AgentRuntime runtime, String text, Environment environment)
      throws HookException {
    Json json;
    try {
      json = JsonReader.standard().read(text);
    } catch (JsonException e) {
      throw new HookException("the payload is not valid JSON: " + brief(e));
    }
    if (!(json instanceof Json.Obj o)) {
      throw new HookException("the payload is not a JSON object");
    }
    return switch (runtime) {
      case CLAUDE_CODE, CODEX -> preToolUse(runtime, o, environment);
      case CURSOR -> cursor(o, environment);
      case GEMINI -> gemini(o, environment);
    };
  }

  // Claude Code and Codex share one wire format: PreToolUse with tool_name and tool_input.
  private static HookCall preToolUse(AgentRuntime runtime, Json.Obj o, Environment env)
      throws HookException {
    String event = event(o, "PreToolUse");
    String tool = required(o, "tool_name");
    Json.Obj input = object(o, "tool_input");
    Context ctx = new Context(env, o.string("cwd"), runtime.id(), o.string("session_id"));
    List<Action> actions = new ArrayList<>(1);
    if (tool.equals("Bash") || tool.equals("shell") || tool.equals("exec_command")) {
      actions.add(new ShellAction(command(input), ctx));
    } else if (tool.startsWith("mcp__")) {
      String rest = tool.substring("mcp__".length());
      int sep = rest.indexOf("__");
      String server = sep >= 0 ? rest.substring(0, sep) : "";
      String name = sep >= 0 ? rest.substring(sep + 2) : rest;
      actions.add(mcp(server, name, input, ctx));
    } else if (tool.equals("WebFetch")) {
      actions.add(get(required(input, "url"), ctx));
    } else if (tool.equals("apply_patch")) {
      actions.addAll(Patches.actions(runtime.id(), command(input), ctx));
    } else if (!CLAUDE_PASS.contains(tool)) {
      actions.add(mcp(runtime.id(), tool, input, ctx));
    }
    return new HookCall(runtime, event, tool, actions);
  }

  private static HookCall cursor(Json.Obj o, Environment env) throws HookException {
    String event = required(o, "hook_event_name");
    String cwd = o.string("cwd");
    if (cwd == null && o.get("workspace_roots") instanceof Json.Arr(List<Json> roots)) {
      cwd = roots.isEmpty() || !(roots.getFirst() instanceof Json.Str(String root)) ? null : root;
    }
    Context ctx = new Context(env, cwd, AgentRuntime.CURSOR.id(), o.string("conversation_id"));
    return switch (event) {
      case "beforeShellExecution" ->
          new HookCall(
              AgentRuntime.CURSOR,
              event,
              "shell",
              List.of(new ShellAction(required(o, "command"), ctx)));
      case "beforeMCPExecution" -> {
        String tool = required(o, "tool_name");
        Json.Obj input = cursorToolInput(o.get("tool_input"));
        yield new HookCall(
            AgentRuntime.CURSOR, event, tool, List.of(mcp(cursorServer(o), tool, input, ctx)));
      }
      case "beforeReadFile" -> {
        String path = required(o, "file_path");
        Json.Obj input = Json.object().put("path", path).build();
        yield new HookCall(
            AgentRuntime.CURSOR,
            event,
            "read_file",
            List.of(mcp(AgentRuntime.CURSOR.id(), "read_file", input, ctx)));
      }
      default ->
          throw new HookException(
              "Cursor event \""
                  + event
                  + "\" is not one Airlock answers (beforeShellExecution, beforeMCPExecution,"
                  + " beforeReadFile)");
    };
  }

  private static HookCall gemini(Json.Obj o, Environment env) throws HookException {
    String event = event(o, "BeforeTool");
    String tool = required(o, "tool_name");
    Json.Obj input = object(o, "tool_input");
    String cwd = input.string("dir_path");
    Context ctx =
        new Context(
            env,
            cwd != null ? cwd : o.string("cwd"),
            AgentRuntime.GEMINI.id(),
            o.string("session_id"));
    List<Action> actions = new ArrayList<>(1);
    if (tool.equals("run_shell_command")) {
      actions.add(new ShellAction(command(input), ctx));
    } else if (tool.startsWith("mcp__")) {
      // The hooks reference names MCP tools mcp__<server>__<tool>, as Claude Code does.
      String rest = tool.substring("mcp__".length());
      int sep = rest.indexOf("__");
      String server = sep >= 0 ? rest.substring(0, sep) : "";
      actions.add(mcp(server, sep >= 0 ? rest.substring(sep + 2) : rest, input, ctx));
    } else if (tool.startsWith("mcp_")) {
      // Older releases: mcp_<server>_<tool>; the server is only certain from mcp_context.
      String server = "";
      String name = tool.substring("mcp_".length());
      if (o.get("mcp_context") instanceof Json.Obj mc && mc.string("server_name") != null) {
        server = String.valueOf(mc.string("server_name"));
        String prefix = server + "_";
        name = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
      } else if (name.indexOf('_') > 0) {
        server = name.substring(0, name.indexOf('_'));
        name = name.substring(name.indexOf('_') + 1);
      }
      actions.add(mcp(server, name, input, ctx));
    } else if (tool.equals("read_many_files")
        && input.get("paths") instanceof Json.Arr(List<Json> paths)) {
      for (Json p : paths) {
        if (p instanceof Json.Str(String path) && actions.size() < MAX_SPLIT) {
          actions.add(
              mcp(
                  AgentRuntime.GEMINI.id(),
                  "read_file",
                  Json.object().put("file_path", path).build(),
                  ctx));
        }
      }
      if (actions.isEmpty() || paths.size() > MAX_SPLIT) {
        actions.add(mcp(AgentRuntime.GEMINI.id(), tool, input, ctx));
      }
    } else if (tool.equals("web_fetch")) {
      for (String url : urls(input.string("prompt"))) {
        actions.add(get(url, ctx));
      }
    } else if (!GEMINI_PASS.contains(tool)) {
      actions.add(mcp(AgentRuntime.GEMINI.id(), tool, input, ctx));
    }
    return new HookCall(AgentRuntime.GEMINI, event, tool, actions);
  }

  private static McpAction mcp(String server, String tool, Json.Obj input, Context ctx) {
    return new McpAction(server, tool, input, ToolAnnotations.NONE, false, ctx);
  }

  private static HttpAction get(String url, Context ctx) {
    return new HttpAction("GET", url, List.of(), "", ctx);
  }

  /** A shell tool's command: a string, or an argv array that is joined back into one line. */
  private static String command(Json.Obj input) throws HookException {
    Json c = input.get("command");
    if (c instanceof Json.Str(String s)) {
      return s;
    }
    if (c instanceof Json.Arr(List<Json> items) && !items.isEmpty()) {
      List<String> words = new ArrayList<>(items.size());
      for (Json item : items) {
        if (!(item instanceof Json.Str(String w))) {
          throw new HookException("tool_input.command holds a value that is not a string");
        }
        words.add(w);
      }
      return ShellWords.join(words);
    }
    throw new HookException("tool_input.command is missing or not a string");
  }

  private static Json.Obj cursorToolInput(@Nullable Json input) throws HookException {
    if (input == null || input instanceof Json.Null) {
      return Json.EMPTY_OBJECT;
    }
    if (input instanceof Json.Obj obj) {
      return obj;
    }
    if (input instanceof Json.Str(String text)) {
      if (text.isBlank()) {
        return Json.EMPTY_OBJECT;
      }
      try {
        if (JsonReader.standard().read(text) instanceof Json.Obj obj) {
          return obj;
        }
      } catch (JsonException e) {
        throw new HookException("tool_input is a string that is not valid JSON: " + brief(e));
      }
    }
    throw new HookException("tool_input is neither an object nor a JSON string of one");
  }

  /** The MCP server as Cursor identifies it: by its URL's host or the command that starts it. */
  private static String cursorServer(Json.Obj o) {
    for (String key : List.of("server_name", "server")) {
      String s = o.string(key);
      if (s != null && !s.isBlank()) {
        return s;
      }
    }
    String url = o.string("url");
    if (url != null && !url.isBlank()) {
      int start = url.indexOf("://");
      String rest = start < 0 ? url : url.substring(start + 3);
      int end = 0;
      while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
        end++;
      }
      String host = rest.substring(0, end);
      return host.substring(host.lastIndexOf('@') + 1);
    }
    String command = o.string("command");
    if (command != null && !command.isBlank()) {
      String first = command.strip().split("\\s+", 2)[0];
      return first.substring(first.lastIndexOf('/') + 1);
    }
    return "";
  }

  private static List<String> urls(@Nullable String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int i = 0;
    while (out.size() < MAX_SPLIT) {
      int http = text.indexOf("http", i);
      if (http < 0) {
        break;
      }
      int end = http;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      String candidate = text.substring(http, end);
      if (candidate.startsWith("http://") || candidate.startsWith("https://")) {
        out.add(candidate);
      }
      i = Math.max(end, http + 4);
    }
    return out;
  }

  /** The parser's message without its location boilerplate. */
  private static String brief(JsonException e) {
    String m = String.valueOf(e.getMessage());
    int cut = m.indexOf(" (start marker");
    cut = cut < 0 ? m.indexOf(" at [Source") : cut;
    return cut < 0 ? m : m.substring(0, cut);
  }

  private static String event(Json.Obj o, String expected) throws HookException {
    Json e = o.get("hook_event_name");
    if (e == null) {
      return expected;
    }
    if (!(e instanceof Json.Str(String name)) || !name.equals(expected)) {
      throw new HookException(
          "hook_event_name is "
              + (e instanceof Json.Str(String name) ? "\"" + name + "\"" : "not a string")
              + "; this hook answers "
              + expected
              + " only");
    }
    return expected;
  }

  private static String required(Json.Obj o, String name) throws HookException {
    String s = o.string(name);
    if (s == null) {
      throw new HookException(
          "\"" + name + "\" is " + (o.get(name) == null ? "missing" : "not a string"));
    }
    return s;
  }

  private static Json.Obj object(Json.Obj o, String name) throws HookException {
    if (o.get(name) instanceof Json.Obj obj) {
      return obj;
    }
    throw new HookException(
        "\"" + name + "\" is " + (o.get(name) == null ? "missing" : "not an object"));
  }
}
