package dev.airlock.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Action;
import dev.airlock.action.Environment;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.ToolAnnotations;
import dev.airlock.engine.ActionJson;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import dev.airlock.json.Json;
import dev.airlock.json.JsonReader;
import dev.airlock.json.JsonWriter;
import dev.airlock.policy.Decision;
import dev.airlock.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shell and MCP case of the starter corpus and of Airlock's own corpus, sent through each
 * runtime's hook as that runtime would send it, gets the decision {@code check --batch} gives the
 * same action, written in that runtime's protocol. (A hook payload carries no MCP annotations, so
 * the comparison is with the action as the hook sees it: without them.)
 */
class HookCorpusTest {

  private static final Gate GATE = Gate.standard();

  static Stream<Arguments> runtimes() {
    return Stream.of(AgentRuntime.values()).map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("runtimes")
  void everyShellAndMcpCase_getsTheSameDecisionThroughTheHook(AgentRuntime runtime)
      throws Exception {
    List<Corpus.Case> cases = new ArrayList<>(Corpus.starter());
    cases.addAll(Corpus.own());
    int checked = 0;
    List<String> differences = new ArrayList<>();
    for (Corpus.Case c : cases) {
      Action action = ActionJson.read(c.json());
      if (!(action instanceof ShellAction) && !(action instanceof McpAction)) {
        continue;
      }
      if (action instanceof McpAction m) {
        action =
            new McpAction(
                m.server(), m.tool(), m.arguments(), ToolAnnotations.NONE, false, m.context());
      }
      Environment env = action.context().environment();
      HookCall call = HookPayloads.read(runtime, payload(runtime, action), env);
      assertThat(call.actions()).as(c.id()).hasSize(1);
      Verdict direct = GATE.check(action);
      List<Verdict> viaHook = List.of(GATE.check(call.actions().getFirst()));
      HookAnswer answer = HookAnswers.of(call, viaHook, false);
      Decision expected = expected(runtime, direct.decision());
      Decision got = decisionOf(runtime, answer);
      checked++;
      if (expected != got) {
        differences.add(c.id() + ": check says " + direct.decision() + ", hook says " + got);
      }
    }
    assertThat(checked).isGreaterThan(1_000);
    assertThat(differences).as(runtime.id()).isEmpty();
  }

  /** The decision a runtime can carry: runtimes that cannot ask block instead. */
  private static Decision expected(AgentRuntime runtime, Decision d) {
    return d == Decision.ASK && !runtime.canAsk() ? Decision.DENY : d;
  }

  /** Reads the decision back out of a runtime's answer, as the runtime would. */
  static Decision decisionOf(AgentRuntime runtime, HookAnswer answer) throws Exception {
    assertThat(answer.exitCode()).isZero();
    if (answer.stdout().isEmpty()) {
      assertThat(runtime).isNotEqualTo(AgentRuntime.CURSOR);
      return Decision.ALLOW;
    }
    Json.Obj o = (Json.Obj) JsonReader.standard().read(answer.stdout());
    String d =
        switch (runtime) {
          case CLAUDE_CODE, CODEX ->
              o.get("hookSpecificOutput") instanceof Json.Obj h
                  ? h.string("permissionDecision")
                  : null;
          case CURSOR -> o.string("permission");
          case GEMINI -> o.string("decision");
        };
    Decision decision = Decision.parse(d);
    assertThat(decision).as(answer.stdout()).isNotNull();
    return java.util.Objects.requireNonNull(decision);
  }

  /** The payload the runtime sends for this action, in its documented shape. */
  static String payload(AgentRuntime runtime, Action action) {
    Json.ObjBuilder b = Json.object();
    switch (runtime) {
      case CLAUDE_CODE, CODEX -> {
        b.put("session_id", "s-1").put("transcript_path", "/tmp/t.jsonl").put("cwd", "/work/app");
        b.put("permission_mode", "default").put("hook_event_name", "PreToolUse");
        if (action instanceof ShellAction s) {
          b.put("tool_name", "Bash")
              .put("tool_input", Json.object().put("command", s.command()).build());
        } else {
          McpAction m = (McpAction) action;
          b.put("tool_name", "mcp__" + m.server() + "__" + m.tool())
              .put("tool_input", m.arguments());
        }
        b.put("tool_use_id", "toolu_01");
      }
      case CURSOR -> {
        b.put("conversation_id", "c-1").put("generation_id", "g-1");
        b.putStrings("workspace_roots", List.of("/work/app"));
        if (action instanceof ShellAction s) {
          b.put("hook_event_name", "beforeShellExecution")
              .put("command", s.command())
              .put("cwd", "/work/app");
        } else {
          McpAction m = (McpAction) action;
          b.put("hook_event_name", "beforeMCPExecution").put("tool_name", m.tool());
          // Cursor may send the input as a JSON string: exercise that form.
          b.put("tool_input", JsonWriter.write(m.arguments())).put("server_name", m.server());
        }
      }
      case GEMINI -> {
        b.put("session_id", "s-1").put("transcript_path", "/tmp/t.json").put("cwd", "/work/app");
        b.put("hook_event_name", "BeforeTool").put("timestamp", "2026-12-06T12:00:00Z");
        if (action instanceof ShellAction s) {
          b.put("tool_name", "run_shell_command")
              .put("tool_input", Json.object().put("command", s.command()).build());
        } else {
          McpAction m = (McpAction) action;
          b.put("tool_name", "mcp_" + m.server() + "_" + m.tool()).put("tool_input", m.arguments());
          b.put("mcp_context", Json.object().put("server_name", m.server()).build());
        }
      }
    }
    return JsonWriter.write(b.build());
  }
}
