package dev.airlock.classify.mcp;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.action.ShellWords;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.FilePaths;
import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.http.HttpClassifier;
import dev.airlock.classify.http.HttpRequest;
import dev.airlock.classify.shell.ShellClassifier;
import dev.airlock.classify.sql.SqlClassifier;
import dev.airlock.json.Json;
import dev.airlock.json.JsonWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of an MCP tool call, routed by what they carry: shell commands to the shell
 * classifier, SQL to the SQL classifier, URLs and requests to the HTTP classifier, file paths of
 * writing tools to the clobber check. Redis and MongoDB servers' command arguments are judged as
 * those databases' commands.
 */
final class McpArguments {

  private static final Set<String> SHELL_KEYS =
      Set.of(
          "command",
          "cmd",
          "script",
          "shell",
          "bash",
          "commandline",
          "command_line",
          "shell_command",
          "shellcommand",
          "run",
          "code");
  private static final Set<String> SQL_KEYS =
      Set.of(
          "sql",
          "query",
          "queries",
          "statement",
          "statements",
          "sql_query",
          "sqlquery",
          "querystring",
          "sqlstatements",
          "sql_statements");
  private static final Set<String> URL_KEYS = Set.of("url", "uri", "endpoint", "href");
  private static final Set<String> PATH_KEYS =
      Set.of(
          "path",
          "file",
          "filepath",
          "file_path",
          "filename",
          "target",
          "destination",
          "dest",
          "to",
          "target_path",
          "targetpath",
          "absolute_path",
          "notebook_path",
          "glob",
          "include");
  private static final Set<String> ENV_KEYS =
      Set.of(
          "environment",
          "env",
          "environmentname",
          "environment_name",
          "namespace",
          "ns",
          "context",
          "project",
          "projectid",
          "project_id",
          "stack",
          "workspace",
          "database",
          "db",
          "host",
          "hostname",
          "connectionstring",
          "connection_string",
          "url",
          "name",
          "cluster",
          "app",
          "appname",
          "profile",
          "branch",
          "dsn");

  private static final Json.Obj EMPTY = new Json.Obj(Map.of());

  private final ShellClassifier shell;
  private final SqlClassifier sql;
  private final HttpClassifier http;

  McpArguments(ShellClassifier shell, SqlClassifier sql, HttpClassifier http) {
    this.shell = shell;
    this.sql = sql;
    this.http = http;
  }

  /** Classifies what the arguments carry; returns the worst severity they gave. */
  Severity classify(McpCall call, ToolName tool, ToolName server, Scope scope, Analysis out) {
    int before = out.findings().size();
    walk(call, tool, server, call.arguments(), "arguments", scope, out, 0);
    Severity worst = Severity.SAFE;
    for (int i = before; i < out.findings().size(); i++) {
      worst = Severity.worst(worst, out.findings().get(i).severity());
    }
    return worst;
  }

  private void walk(
      McpCall call,
      ToolName tool,
      ToolName server,
      Json value,
      String path,
      Scope scope,
      Analysis out,
      int depth) {
    if (depth > out.limits().json().maxDepth()) {
      throw new LimitExceededException("json.maxDepth", depth, out.limits().json().maxDepth());
    }
    switch (value) {
      case Json.Obj o -> {
        String method = o.string("method");
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
          String key = e.getKey();
          String k = key.toLowerCase(Locale.ROOT);
          if (e.getValue() instanceof Json.Str(String v)) {
            string(call, tool, server, k, v, method, o, path + "." + key, scope, out);
          } else {
            walk(call, tool, server, e.getValue(), path + "." + key, scope, out, depth + 1);
          }
        }
      }
      case Json.Arr a -> {
        if (path.toLowerCase(Locale.ROOT).endsWith("command")
            || path.toLowerCase(Locale.ROOT).endsWith("args") && tool.has("run")) {
          StringBuilder sb = new StringBuilder();
          for (Json item : a.items()) {
            if (item instanceof Json.Str(String s)) {
              sb.append(sb.isEmpty() ? "" : " ").append(ShellWords.quote(s));
            }
          }
          if (!sb.isEmpty()) {
            shell.classify(sb.toString(), field(scope, path), out);
            return;
          }
        }
        int i = 0;
        String key = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        for (Json item : a.items()) {
          String itemPath = path + "[" + i++ + "]";
          if (item instanceof Json.Str(String v)) {
            string(call, tool, server, key, v, null, EMPTY, itemPath, scope, out);
          } else {
            walk(call, tool, server, item, itemPath, scope, out, depth + 1);
          }
        }
      }
      default -> {}
    }
  }

  private void string(
      McpCall call,
      ToolName tool,
      ToolName server,
      String key,
      String v,
      @Nullable String method,
      Json.Obj parent,
      String path,
      Scope scope,
      Analysis out) {
    if (v.isBlank()) {
      return;
    }
    Scope s = field(scope, path);
    if (server.has("redis") && (SHELL_KEYS.contains(key) || key.equals("args"))) {
      shell.classify("redis-cli " + v, s, out);
      return;
    }
    if (isGraphqlMutation(key, v)) {
      Json variables = parent.members().get("variables");
      http.classify(
          new HttpRequest(
              "POST",
              "mcp://" + call.server() + "/graphql",
              List.of(),
              "{\"query\":"
                  + json(v)
                  + (variables == null ? "" : ",\"variables\":" + JsonWriter.write(variables))
                  + "}"),
          s,
          out);
      return;
    }
    if (key.equals("command")
        && (server.has("kubernetes") || server.has("k8s") || tool.has("kubectl"))
        && v.indexOf(' ') < 0
        && parent.string("resourceType") != null) {
      shell.classify(kubectl(v, parent), s, out);
      return;
    }
    if (SQL_KEYS.contains(key)
        && (looksLikeSql(v)
            || !key.equals("query")
            || server.has("postgres")
            || server.has("mysql")
            || server.has("sqlite")
            || server.has("supabase")
            || server.has("neon")
            || tool.has("sql"))) {
      sql.classify(v, s, out);
      return;
    }
    if (key.endsWith("_command") || key.endsWith("clicommand")) {
      shell.classify(v, s, out);
      return;
    }
    if (SHELL_KEYS.contains(key)
        && (tool.has("run")
            || tool.has("exec")
            || tool.has("execute")
            || tool.has("shell")
            || tool.has("terminal")
            || tool.has("command")
            || tool.has("bash")
            || server.has("shell")
            || server.has("terminal")
            || server.has("commands")
            || server.has("desktop")
            || key.equals("command")
            || key.equals("cmd"))) {
      shell.classify(v, s, out);
      return;
    }
    if (URL_KEYS.contains(key) && (v.startsWith("http://") || v.startsWith("https://"))) {
      String body = parent.string("body");
      http.classify(
          new HttpRequest(method == null ? "GET" : method, v, List.of(), body == null ? "" : body),
          s,
          out);
      return;
    }
    if (PATH_KEYS.contains(key)) {
      files(call, tool, v, parent, s, out);
    }
  }

  /** What a file-writing or file-reading tool does to the file its argument names. */
  private static void files(
      McpCall call, ToolName tool, String v, Json.Obj parent, Scope s, Analysis out) {
    String program = call.server().isEmpty() ? "mcp" : call.server();
    boolean writes = tool.has(ToolName.WRITE_FILE) && !tool.startsWith(ToolName.READ);
    if (!writes) {
      if (FilePaths.secret(v) && tool.has(ToolName.READ)) {
        s.finding(Kind.MCP, "mcp.file.secret-read")
            .program(program)
            .verb("read-secret")
            .resource(v)
            .severity(Severity.SAFE)
            .read()
            .reason(
                "the tool "
                    + call.tool()
                    + " reads "
                    + v
                    + ", a file that holds credentials; a credential an agent has read can be"
                    + " used anywhere it reaches")
            .evidence(0, v.length(), v)
            .addTo(out);
      }
      return;
    }
    String rule = null;
    String why = null;
    String content = parent.string("content");
    if (FilePaths.agentGuard(v)) {
      rule = "mcp.write.agent-guard";
      why =
          " changes "
              + v
              + ", the agent runtime's hook settings where Airlock is installed: an agent must not"
              + " edit its own guard rails";
    } else if (FilePaths.important(v, false)) {
      rule = "mcp.write.sensitive-file";
      why = " writes over " + v + ", whose contents (secrets, keys, data, history) would be lost";
    } else if (FilePaths.ciConfig(v)) {
      rule = "mcp.write.ci-config";
      why =
          " changes " + v + ", CI configuration that runs with the repository's deploy credentials";
    } else if (FilePaths.migration(v) && tool.has(ToolName.EDIT_FILE)) {
      rule = "mcp.write.migration";
      why =
          " changes the migration "
              + v
              + "; if it has already run, the recorded schema history no longer matches the"
              + " database";
    } else if (content != null
        && content.isBlank()
        && (tool.has("write") || tool.has("overwrite") || tool.has("save"))
        && !FilePaths.emptyByDesign(v)) {
      rule = "mcp.write.empties-file";
      why = " writes nothing over " + v + ", emptying it if it exists";
    }
    if (rule != null) {
      s.finding(Kind.MCP, rule)
          .program(program)
          .verb("overwrite")
          .resource(v)
          .severity(Severity.DESTRUCTIVE)
          .reason("the tool " + call.tool() + why)
          .evidence(0, v.length(), v)
          .addTo(out);
    }
  }

  private static Scope field(Scope scope, String path) {
    return scope.field(path);
  }

  /** The environment named by the arguments that usually name one. */
  static Environment environment(Json args) {
    Environment env = Environment.UNKNOWN;
    if (args instanceof Json.Obj o) {
      for (Map.Entry<String, Json> e : o.members().entrySet()) {
        if (ENV_KEYS.contains(e.getKey().toLowerCase(Locale.ROOT))
            && e.getValue() instanceof Json.Str(String v)) {
          env = env.combine(EnvironmentMarkers.of(v));
        }
      }
    }
    return env;
  }

  /** A short description of what the call targets, from the arguments that name things. */
  static String target(Json args) {
    if (!(args instanceof Json.Obj o)) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Json> e : o.members().entrySet()) {
      if (e.getValue() instanceof Json.Str(String v) && v.length() <= 120) {
        String k = e.getKey().toLowerCase(Locale.ROOT);
        if (k.endsWith("id")
            || k.equals("name")
            || k.equals("owner")
            || k.equals("repo")
            || k.equals("repository")
            || k.equals("database")
            || k.equals("path")
            || k.equals("resourcetype")
            || k.equals("namespace")
            || k.equals("bucket")
            || k.equals("table")
            || k.equals("project")
            || k.equals("collection")
            || k.equals("key")) {
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(e.getKey()).append('=').append(v);
        }
      }
      if (sb.length() > 200) {
        break;
      }
    }
    return sb.toString();
  }

  /** Whether arguments name something with a wide blast radius (a namespace, all of something). */
  static boolean mentionsWide(Json args) {
    if (!(args instanceof Json.Obj o)) {
      return false;
    }
    for (Map.Entry<String, Json> e : o.members().entrySet()) {
      String k = e.getKey().toLowerCase(Locale.ROOT);
      if (e.getValue() instanceof Json.Str(String v)) {
        String l = v.toLowerCase(Locale.ROOT);
        if ((k.contains("type") || k.equals("kind") || k.equals("resource"))
            && (l.startsWith("namespace")
                || l.equals("ns")
                || l.startsWith("persistentvolume")
                || l.startsWith("pv")
                || l.equals("database")
                || l.equals("project"))) {
          return true;
        }
      }
      if ((k.equals("all") || k.equals("recursive") || k.equals("force_all"))
          && e.getValue() instanceof Json.Bool(boolean b)
          && b) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeSql(String v) {
    String t = v.stripLeading().toLowerCase(Locale.ROOT);
    for (String k :
        List.of(
            "select",
            "insert",
            "update",
            "delete",
            "drop",
            "truncate",
            "alter",
            "create",
            "grant",
            "revoke",
            "with",
            "begin",
            "copy",
            "do",
            "merge",
            "replace",
            "explain",
            "show",
            "set",
            "call",
            "exec",
            "vacuum",
            "analyze",
            "pragma",
            "attach")) {
      if (t.startsWith(k)
          && (t.length() == k.length() || !Character.isLetterOrDigit(t.charAt(k.length())))) {
        return true;
      }
    }
    return false;
  }

  /** A GraphQL document that holds a mutation, in an argument that carries one. */
  private static boolean isGraphqlMutation(String key, String v) {
    if (!(key.equals("query") || key.equals("graphql") || key.equals("document"))) {
      return false;
    }
    String t = v.stripLeading();
    return t.startsWith("mutation") || v.contains("mutation") && v.contains("{");
  }

  /** The kubectl command line a generic Kubernetes tool's arguments describe. */
  private static String kubectl(String verb, Json.Obj args) {
    StringBuilder sb = new StringBuilder("kubectl ").append(ShellWords.quote(verb));
    for (String k : List.of("resourceType", "name")) {
      String v = args.string(k);
      if (v != null && !v.isBlank()) {
        sb.append(' ').append(ShellWords.quote(v));
      }
    }
    String ns = args.string("namespace");
    if (ns != null && !ns.isBlank()) {
      sb.append(" -n ").append(ShellWords.quote(ns));
    }
    return sb.toString();
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder();
    dev.airlock.json.JsonWriter.quote(s, sb);
    return sb.toString();
  }
}
