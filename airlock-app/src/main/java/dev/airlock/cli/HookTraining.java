package dev.airlock.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training run the build records the hook's ahead-of-time cache from ({@code
 * -XX:AOTCacheOutput}): every runtime's hook answering the kinds of call it meets — a read, a
 * destructive and a catastrophic shell command, SQL through psql, a GraphQL mutation through curl,
 * MCP calls, file tools, a malformed payload — so that the classes those paths load are cached,
 * linked and profiled before the first real tool call. In process, offline, touching no files.
 */
public final class HookTraining {

  private static final List<String> SHELL =
      List.of(
          "ls -la",
          "git status && git diff --stat",
          "rm -rf /",
          "git reset --hard",
          "sudo rm -rf --no-preserve-root /var/lib/postgresql",
          "psql \"$DATABASE_URL\" -c 'DROP TABLE users'",
          "psql -c \"update orders set status = 'x' where id = 42\"",
          "curl -X POST https://backboard.railway.app/graphql/v2 -H 'Authorization: Bearer x'"
              + " -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"v1\\\") }\"}'",
          "curl -X DELETE https://api.github.com/repos/acme/app",
          "kubectl delete namespace prod",
          "terraform destroy -auto-approve",
          "find . -name '*.tmp' -delete",
          "bash -c \"echo hi | xargs rm -f\"",
          "python -c 'import shutil; shutil.rmtree(\"/srv\")'",
          "docker compose down -v",
          "X=rm; $X -rf /");

  private static final List<String[]> TOOLS =
      List.of(
          new String[] {"mcp__railway__volume_delete", "{\"volumeId\":\"v1\"}"},
          new String[] {"mcp__postgres__query", "{\"sql\":\"select 1\"}"},
          new String[] {"mcp__github__list_issues", "{\"owner\":\"acme\",\"repo\":\"app\"}"},
          new String[] {"Write", "{\"file_path\":\"/w/.env\",\"content\":\"A=1\"}"},
          new String[] {
            "Edit", "{\"file_path\":\"/w/src/a.py\",\"old_string\":\"a\",\"new_string\":\"b\"}"
          },
          new String[] {"Read", "{\"file_path\":\"/home/u/.aws/credentials\"}"},
          new String[] {"WebFetch", "{\"url\":\"https://example.com\",\"prompt\":\"x\"}"});

  /** Passes over every call: enough for the JVM to record which methods run hot. */
  private static final int ROUNDS = 3;

  private HookTraining() {}

  /**
   * Runs the training; {@code args[0]}, when given, is a file to record this JDK's home in: the
   * cache only fits the JDK that wrote it, so the launcher starts the hook with that one.
   */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length > 0) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(args[0]), System.getProperty("java.home") + "\n");
    }

    // Main dispatches the hook; loading it here puts it in the cache too.
    if (!Main.class.getName().endsWith("Main")) {
      throw new IllegalStateException("unexpected entry point " + Main.class.getName());
    }
    PrintStream sink =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    for (int round = 0; round < ROUNDS; round++) {
      for (String command : SHELL) {
        String input = "{\"command\":" + quote(command) + "}";
        hook("claude-code", claude("Bash", input), sink);
        hook("codex", claude("Bash", input), sink);
        hook(
            "cursor",
            "{\"hook_event_name\":\"beforeShellExecution\",\"command\":"
                + quote(command)
                + ",\"cwd\":\"/w\"}",
            sink);
        hook(
            "gemini", claude("run_shell_command", input).replace("PreToolUse", "BeforeTool"), sink);
      }
      for (String[] tool : TOOLS) {
        hook("claude-code", claude(tool[0], tool[1]), sink);
      }
      hook(
          "cursor",
          "{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"delete_repository\","
              + "\"tool_input\":\"{\\\"repo\\\":\\\"app\\\"}\",\"url\":\"https://mcp.example\"}",
          sink);
      hook("cursor", "{\"hook_event_name\":\"beforeReadFile\",\"file_path\":\"/w/.env\"}", sink);
      hook("claude-code", "{\"tool_name\":", sink);
      hook("claude-code", claude("Bash", "{\"command\":\"ls\"}"), sink, "--emit-allow");
    }
  }

  private static void hook(String runtime, String payload, PrintStream sink, String... options) {
    String[] args = new String[1 + options.length];
    args[0] = runtime;
    System.arraycopy(options, 0, args, 1, options.length);
    HookMain.run(
        args, new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), sink, sink);
  }

  private static String claude(String tool, String input) {
    return "{\"session_id\":\"s\",\"cwd\":\"/w\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":"
        + quote(tool)
        + ",\"tool_input\":"
        + input
        + "}";
  }

  private static String quote(String s) {
    return dev.airlock.json.JsonWriter.write(dev.airlock.json.Json.of(s));
  }
}
