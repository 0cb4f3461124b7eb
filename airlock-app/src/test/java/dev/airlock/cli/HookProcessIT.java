package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code airlock hook} as the runtimes run it: a fresh process per tool call. */
class HookProcessIT {

  private static Cli.Result hook(String payload, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "hook";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(payload.getBytes(StandardCharsets.UTF_8), all);
  }

  private static String bash(String command) {
    return "{\"session_id\":\"s\",\"transcript_path\":\"/tmp/t.jsonl\",\"cwd\":\"/tmp\","
        + "\"permission_mode\":\"default\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\","
        + "\"tool_input\":{\"command\":"
        + dev.airlock.json.JsonWriter.write(dev.airlock.json.Json.of(command))
        + "},\"tool_use_id\":\"toolu_1\"}";
  }

  @Test
  void incident_isBlocked_andLsPassesSilently() {
    String token = "9f2c1e7a-4b3d-4f7e-a1c2-5d6e7f8a9b0c";
    Cli.Result held =
        hook(
            bash(
                "curl -X POST https://backboard.railway.app/graphql/v2 -H \"Authorization: Bearer "
                    + token
                    + "\" -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"3a4b\\\") }\"}'"),
            "claude-code");
    assertThat(held.exit()).isZero();
    assertThat(held.out())
        .startsWith("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\"")
        .contains("\"permissionDecision\":\"deny\"")
        .contains("http.graphql.railway.volume-delete")
        .doesNotContain(token);
    assertThat(held.err()).doesNotContain(token);

    Cli.Result ls = hook(bash("ls -la"), "claude-code");
    assertThat(ls.exit()).isZero();
    assertThat(ls.out()).isEmpty();
    assertThat(ls.err()).isEmpty();
  }

  @Test
  void garbage_blocksWithExitTwo_inEveryRuntime() {
    for (String runtime : new String[] {"claude-code", "cursor", "codex", "gemini"}) {
      Cli.Result r = hook("\u0000\u0001 not json", runtime);
      assertThat(r.exit()).as(runtime).isEqualTo(2);
      assertThat(r.err()).as(runtime).startsWith("Airlock could not check this tool call");
    }
  }

  @Test
  void cursor_answersInItsOwnWords() {
    Cli.Result r =
        hook(
            "{\"hook_event_name\":\"beforeShellExecution\",\"command\":\"git reset"
                + " --hard\",\"cwd\":\"/tmp\"}",
            "cursor");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("{\"permission\":\"ask\",\"user_message\":\"Airlock holds");
  }
}
