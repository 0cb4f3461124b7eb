package dev.airlock.engine;

import dev.airlock.action.Action;
import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.action.Kind;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.SqlAction;
import dev.airlock.action.ToolAnnotations;
import dev.airlock.json.Json;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an action from its JSON form, the line format of {@code shared/corpus/README.md}: {@code
 * kind} and then {@code input} (shell, sql), {@code method}/{@code url}/{@code headers}/{@code
 * body} (http) or {@code server}/{@code tool}/{@code arguments}/{@code annotations} (mcp), with
 * optional {@code env}, {@code cwd}, {@code agent}, {@code session} and, for sql, {@code target}.
 */
public final class ActionJson {

  private ActionJson() {}

  /** The action described by a JSON object; the message of the exception says what is wrong. */
  public static Action read(Json json) throws IllegalArgumentException {
    if (!(json instanceof Json.Obj o)) {
      throw new IllegalArgumentException("expected a JSON object describing an action");
    }
    String kindText = o.string("kind");
    Kind kind = Kind.parse(kindText);
    if (kind == null) {
      throw new IllegalArgumentException(
          kindText == null
              ? "missing \"kind\": expected shell, sql, http or mcp"
              : "unknown kind \"" + kindText + "\": expected shell, sql, http or mcp");
    }
    Context ctx = context(o);
    return switch (kind) {
      case SHELL -> new ShellAction(required(o, "input"), ctx);
      case SQL -> new SqlAction(required(o, "input"), optionalString(o, "target"), ctx);
      case HTTP -> http(o, ctx);
      case MCP -> mcp(o, ctx);
    };
  }

  /** The case id of a JSON line, if it has a string or number {@code id}. */
  public static @Nullable String id(Json json) {
    if (json instanceof Json.Obj o) {
      Json id = o.get("id");
      if (id instanceof Json.Str(String value)) {
        return value;
      }
      if (id instanceof Json.Num(String text)) {
        return text;
      }
    }
    return null;
  }

  private static Context context(Json.Obj o) {
    String env = optionalString(o, "env");
    if (env == null) {
      env = optionalString(o, "environment");
    }
    Environment e = Environment.parse(env);
    if (env != null && e == Environment.UNKNOWN && !env.equalsIgnoreCase("unknown")) {
      throw new IllegalArgumentException(
          "unknown env \"" + env + "\": expected production, staging, development or unknown");
    }
    return new Context(
        e, optionalString(o, "cwd"), optionalString(o, "agent"), optionalString(o, "session"));
  }

  private static HttpAction http(Json.Obj o, Context ctx) {
    String method = optionalString(o, "method");
    String url = required(o, "url");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    Json h = o.get("headers");
    if (h instanceof Json.Obj ho) {
      for (Map.Entry<String, Json> e : ho.members().entrySet()) {
        if (!(e.getValue() instanceof Json.Str(String value))) {
          throw new IllegalArgumentException("header \"" + e.getKey() + "\" must be a string");
        }
        headers.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), value));
      }
    } else if (h != null && !(h instanceof Json.Null)) {
      throw new IllegalArgumentException("\"headers\" must be an object of strings");
    }
    String body = optionalString(o, "body");
    return new HttpAction(
        method == null ? "GET" : method, url, headers, body == null ? "" : body, ctx);
  }

  private static McpAction mcp(Json.Obj o, Context ctx) {
    String server = optionalString(o, "server");
    String tool = required(o, "tool");
    Json args = o.get("arguments");
    if (args == null || args instanceof Json.Null) {
      args = Json.EMPTY_OBJECT;
    }
    ToolAnnotations ann = ToolAnnotations.NONE;
    Json a = o.get("annotations");
    if (a instanceof Json.Obj ao) {
      ann =
          new ToolAnnotations(
              bool(ao, "readOnlyHint"),
              bool(ao, "destructiveHint"),
              bool(ao, "idempotentHint"),
              bool(ao, "openWorldHint"));
    } else if (a != null && !(a instanceof Json.Null)) {
      throw new IllegalArgumentException("\"annotations\" must be an object");
    }
    return new McpAction(server == null ? "" : server, tool, args, ann, false, ctx);
  }

  private static @Nullable Boolean bool(Json.Obj o, String name) {
    Json v = o.get(name);
    if (v instanceof Json.Bool(boolean value)) {
      return value;
    }
    return null;
  }

  private static String required(Json.Obj o, String name) {
    Json v = o.get(name);
    if (v instanceof Json.Str(String value)) {
      return value;
    }
    throw new IllegalArgumentException(
        v == null ? "missing \"" + name + "\"" : "\"" + name + "\" must be a string");
  }

  private static @Nullable String optionalString(Json.Obj o, String name) {
    Json v = o.get(name);
    if (v == null || v instanceof Json.Null) {
      return null;
    }
    if (v instanceof Json.Str(String value)) {
      return value;
    }
    throw new IllegalArgumentException("\"" + name + "\" must be a string");
  }
}
