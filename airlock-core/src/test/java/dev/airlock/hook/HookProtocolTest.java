package dev.airlock.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.action.Action;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import dev.airlock.json.Json;
import dev.airlock.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each runtime's documented payload shapes, and the exact answer and exit code Airlock gives for no
 * objection, a hold, a deny, malformed input and an unknown shape. (An internal failure of the hook
 * process is tested where the process is: {@code HookMainTest} in the application.)
 */
class HookProtocolTest {

  private static final Gate GATE = Gate.standard();

  static HookAnswer answer(AgentRuntime r, String payload, Environment env, boolean emitAllow) {
    try {
      HookCall call = HookPayloads.read(r, payload, env);
      List<Verdict> verdicts = new ArrayList<>();
      for (Action a : call.actions()) {
        verdicts.add(GATE.check(a));
      }
      return HookAnswers.of(call, verdicts, emitAllow);
    } catch (HookException e) {
      return HookAnswers.failure(r, String.valueOf(e.getMessage()));
    }
  }

  static HookAnswer answer(AgentRuntime r, String payload) {
    return answer(r, payload, Environment.DEVELOPMENT, false);
  }

  static Json.Obj json(String text) throws Exception {
    return (Json.Obj) JsonReader.standard().read(text);
  }

  static Json.Obj hookOutput(HookAnswer a) throws Exception {
    if (json(a.stdout()).get("hookSpecificOutput") instanceof Json.Obj o) {
      return o;
    }
    throw new AssertionError("no hookSpecificOutput in " + a.stdout());
  }

  static String claude(String tool, String input) {
    return """
        {"session_id":"abc123","transcript_path":"/home/u/.claude/projects/p/abc123.jsonl",\
        "cwd":"/home/u/app","permission_mode":"default","hook_event_name":"PreToolUse",\
        "tool_name":"%s","tool_input":%s,"tool_use_id":"toolu_01ABC"}"""
        .formatted(tool, input);
  }

  @Nested
  class ClaudeCode {

    @Test
    void noObjection_isSilent() {
      assertThat(answer(AgentRuntime.CLAUDE_CODE, claude("Bash", "{\"command\":\"ls -la\"}")))
          .isEqualTo(new HookAnswer(0, "", ""));
    }

    @Test
    void noObjection_withEmitAllow_saysAllow() {
      HookAnswer a =
          answer(
              AgentRuntime.CLAUDE_CODE,
              claude("Bash", "{\"command\":\"ls -la\"}"),
              Environment.DEVELOPMENT,
              true);
      assertThat(a.exitCode()).isZero();
      assertThat(a.stdout())
          .isEqualTo(
              "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":"
                  + "\"allow\",\"permissionDecisionReason\":\"Airlock allowed: the shell command"
                  + " `ls -la` — allowed by rule safe: ls only reads or prints [policy rules: safe;"
                  + " classifier rule: shell.read-only; evidence: ls -la]\"}}\n");
    }

    @Test
    void destructive_asksTheUser_withRuleAndEvidence() {
      HookAnswer a =
          answer(AgentRuntime.CLAUDE_CODE, claude("Bash", "{\"command\":\"git reset --hard\"}"));
      assertThat(a.exitCode()).isZero();
      assertThat(a.stderr()).isEmpty();
      assertThat(a.stdout())
          .isEqualTo(
              "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":"
                  + "\"ask\",\"permissionDecisionReason\":\"Airlock holds for your approval (1"
                  + " approver): the shell command `git reset --hard` — held for approval by rule"
                  + " destructive: git reset --hard discards every uncommitted change to tracked"
                  + " files; the changes were never committed, so they cannot be recovered [policy"
                  + " rules: destructive; classifier rule: shell.git.reset-hard; evidence: git"
                  + " reset --hard]\"}}\n");
    }

    @Test
    void catastrophic_isDenied_withAMessageWrittenForTheModel() throws Exception {
      HookAnswer a =
          answer(
              AgentRuntime.CLAUDE_CODE,
              claude("Bash", "{\"command\":\"rm -rf /\"}"),
              Environment.PRODUCTION,
              false);
      assertThat(a.exitCode()).isZero();
      Json.Obj out = hookOutput(a);
      assertThat(out.string("hookEventName")).isEqualTo("PreToolUse");
      assertThat(out.string("permissionDecision")).isEqualTo("deny");
      assertThat(out.string("permissionDecisionReason"))
          .isEqualTo(
              """
              Airlock blocked this action: the shell command `rm -rf /`
              Why: denied by rule catastrophic-in-production: recursively deletes / (the \
              filesystem root): the operating system and every file on the machine are lost; \
              there is nothing to undo it [policy rules: catastrophic-in-production; classifier \
              rule: shell.fs.rm-recursive-root; evidence: /]
              Do not retry it in another form: not with other flags or quoting, not through \
              another tool, a script, an API call or an MCP server, and not split into smaller \
              steps. Airlock judges what an action does, not how it is spelled, and routing \
              around a hold is the failure it exists to stop.
              Stop and ask the user: say what you wanted to do and why, and wait for their \
              answer. Only a person can let it run: they can see the full decision with \
              `airlock check --explain -- 'rm -rf /'`; if they judge it safe, they can run the \
              command themselves in their own terminal""");
    }

    @Test
    void mcpTool_goesToTheMcpClassifier_underItsServerName() throws Exception {
      String p =
          claude("mcp__railway__volume_delete", "{\"volumeId\":\"3a4b5c6d-7e8f-4091-a2b3\"}");
      HookCall call = HookPayloads.read(AgentRuntime.CLAUDE_CODE, p, Environment.STAGING);
      assertThat(call.actions()).singleElement().isInstanceOf(McpAction.class);
      McpAction m = (McpAction) call.actions().getFirst();
      assertThat(m.server()).isEqualTo("railway");
      assertThat(m.tool()).isEqualTo("volume_delete");
      assertThat(m.context().sessionId()).isEqualTo("abc123");
      assertThat(m.context().cwd()).isEqualTo("/home/u/app");
      assertThat(json(answer(AgentRuntime.CLAUDE_CODE, p).stdout()).toString()).contains("ask");
    }

    @Test
    void writeOverDotEnv_isHeld_andAnOrdinaryWriteIsNot() {
      assertThat(
              answer(
                      AgentRuntime.CLAUDE_CODE,
                      claude("Write", "{\"file_path\":\"/home/u/app/.env\",\"content\":\"A=1\"}"))
                  .stdout())
          .contains("\"permissionDecision\":\"ask\"")
          .contains(".env");
      assertThat(
              answer(
                  AgentRuntime.CLAUDE_CODE,
                  claude("Write", "{\"file_path\":\"/home/u/app/src/a.py\",\"content\":\"x=1\"}")))
          .isEqualTo(new HookAnswer(0, "", ""));
    }

    @Test
    void webFetch_isJudgedAsAGet() throws Exception {
      HookCall call =
          HookPayloads.read(
              AgentRuntime.CLAUDE_CODE,
              claude("WebFetch", "{\"url\":\"https://example.com/docs\",\"prompt\":\"summarise\"}"),
              Environment.DEVELOPMENT);
      assertThat(call.actions()).singleElement().isInstanceOf(HttpAction.class);
      assertThat(((HttpAction) call.actions().getFirst()).method()).isEqualTo("GET");
    }

    @Test
    void toolsWithNothingToGuard_areNotJudged() throws Exception {
      HookCall call =
          HookPayloads.read(
              AgentRuntime.CLAUDE_CODE,
              claude("TodoWrite", "{\"todos\":[]}"),
              Environment.DEVELOPMENT);
      assertThat(call.actions()).isEmpty();
      assertThat(HookAnswers.of(call, List.of(), false)).isEqualTo(new HookAnswer(0, "", ""));
    }

    @Test
    void malformedJson_blocksWithExitTwo_andTheReasonOnStderr() {
      HookAnswer a = answer(AgentRuntime.CLAUDE_CODE, "{\"tool_name\":\"Bash\"");
      assertThat(a.exitCode()).isEqualTo(2);
      assertThat(a.stdout()).isEmpty();
      assertThat(a.stderr())
          .startsWith(
              "Airlock could not check this tool call, so it is blocked: the payload is not valid"
                  + " JSON")
          .contains("Do not retry it in another form")
          .endsWith("\n");
    }

    @Test
    void unknownShapes_block() {
      for (String p :
          List.of(
              "[]",
              "\"Bash\"",
              "{}",
              "{\"tool_name\":\"Bash\"}",
              "{\"tool_name\":\"Bash\",\"tool_input\":{}}",
              "{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":42}}",
              "{\"tool_name\":7,\"tool_input\":{}}",
              "{\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Bash\","
                  + "\"tool_input\":{\"command\":\"ls\"}}")) {
        HookAnswer a = answer(AgentRuntime.CLAUDE_CODE, p);
        assertThat(a.exitCode()).as(p).isEqualTo(2);
        assertThat(a.stderr()).as(p).startsWith("Airlock could not check this tool call");
      }
    }
  }

  @Nested
  class Codex {

    @Test
    void aHold_becomesADeny_sayingThatAPersonMustApprove() throws Exception {
      HookAnswer a =
          answer(AgentRuntime.CODEX, claude("Bash", "{\"command\":\"git reset --hard\"}"));
      Json.Obj out = hookOutput(a);
      assertThat(out.string("permissionDecision")).isEqualTo("deny");
      assertThat(out.string("permissionDecisionReason"))
          .contains("shell.git.reset-hard")
          .contains("this agent runtime cannot ask for it, so it is blocked")
          .contains("Stop and ask the user");
    }

    @Test
    void noObjection_isSilentEvenWithEmitAllow_becauseCodexRejectsABareAllow() {
      assertThat(
              answer(
                  AgentRuntime.CODEX,
                  claude("Bash", "{\"command\":\"ls\"}"),
                  Environment.DEVELOPMENT,
                  true))
          .isEqualTo(new HookAnswer(0, "", ""));
    }

    @Test
    void argvCommands_areJoinedBackIntoOneLine() throws Exception {
      HookCall call =
          HookPayloads.read(
              AgentRuntime.CODEX,
              claude("Bash", "{\"command\":[\"bash\",\"-lc\",\"rm -rf /\"]}"),
              Environment.DEVELOPMENT);
      assertThat(((ShellAction) call.actions().getFirst()).command())
          .isEqualTo("bash -lc 'rm -rf /'");
      assertThat(GATE.check(call.actions().getFirst()).decision().holds()).isTrue();
    }

    @Test
    void applyPatch_isJudgedFilePerFile() throws Exception {
      String patch =
          "*** Begin Patch\\n*** Update File: src/app.py\\n@@\\n-x\\n+y\\n"
              + "*** Delete File: .env\\n*** Add File: docs/new.md\\n+hello\\n*** End Patch";
      HookCall call =
          HookPayloads.read(
              AgentRuntime.CODEX,
              claude("apply_patch", "{\"command\":\"" + patch + "\"}"),
              Environment.DEVELOPMENT);
      assertThat(call.actions()).hasSize(3);
      assertThat(call.actions().get(1))
          .isEqualTo(new ShellAction("rm -- .env", call.actions().get(1).context()));
      HookAnswer a =
          answer(AgentRuntime.CODEX, claude("apply_patch", "{\"command\":\"" + patch + "\"}"));
      assertThat(a.stdout()).contains("\"permissionDecision\":\"deny\"").contains(".env");
    }

    @Test
    void applyPatch_withoutAFileHeader_blocks() {
      HookAnswer a =
          answer(AgentRuntime.CODEX, claude("apply_patch", "{\"command\":\"just text\"}"));
      assertThat(a.exitCode()).isEqualTo(2);
      assertThat(a.stderr()).contains("names no file");
    }
  }

  @Nested
  class Cursor {

    static String shell(String command) {
      return """
          {"conversation_id":"c1","generation_id":"g1","hook_event_name":"beforeShellExecution",\
          "workspace_roots":["/home/u/app"],"command":%s,"cwd":"/home/u/app"}"""
          .formatted(quote(command));
    }

    static String quote(String s) {
      return dev.airlock.json.JsonWriter.write(Json.of(s));
    }

    @Test
    void noObjection_isAnExplicitAllow() {
      assertThat(answer(AgentRuntime.CURSOR, shell("ls -la")))
          .isEqualTo(new HookAnswer(0, "{\"permission\":\"allow\"}\n", ""));
    }

    @Test
    void hold_asks_withSeparateMessagesForUserAndAgent() throws Exception {
      Json.Obj out = json(answer(AgentRuntime.CURSOR, shell("git reset --hard")).stdout());
      assertThat(out.members().keySet())
          .containsExactly("permission", "user_message", "agent_message");
      assertThat(out.string("permission")).isEqualTo("ask");
      assertThat(out.string("user_message"))
          .startsWith("Airlock holds for your approval (1 approver): the shell command");
      assertThat(out.string("agent_message"))
          .startsWith("Airlock is holding this action for the user's approval")
          .contains("shell.git.reset-hard");
    }

    @Test
    void deny() throws Exception {
      Json.Obj out =
          json(
              answer(AgentRuntime.CURSOR, shell("rm -rf /"), Environment.PRODUCTION, false)
                  .stdout());
      assertThat(out.string("permission")).isEqualTo("deny");
      assertThat(out.string("agent_message")).contains("Do not retry it in another form");
    }

    @Test
    void mcpInputAsAJsonString_isRead() throws Exception {
      String p =
          """
          {"conversation_id":"c1","generation_id":"g1","hook_event_name":"beforeMCPExecution",\
          "workspace_roots":["/home/u/app"],"tool_name":"delete_repository",\
          "tool_input":"{\\"owner\\":\\"acme\\",\\"repo\\":\\"payments\\"}",\
          "url":"https://api.githubcopilot.com/mcp/"}""";
      HookCall call = HookPayloads.read(AgentRuntime.CURSOR, p, Environment.DEVELOPMENT);
      McpAction m = (McpAction) call.actions().getFirst();
      assertThat(m.server()).isEqualTo("api.githubcopilot.com");
      assertThat(((Json.Obj) m.arguments()).string("repo")).isEqualTo("payments");
      assertThat(json(answer(AgentRuntime.CURSOR, p).stdout()).string("permission"))
          .isIn("ask", "deny");
    }

    @Test
    void mcpInputThatIsNotJson_blocks() {
      String p =
          "{\"hook_event_name\":\"beforeMCPExecution\",\"tool_name\":\"x\",\"tool_input\":\"{oops\"}";
      HookAnswer a = answer(AgentRuntime.CURSOR, p);
      assertThat(a.exitCode()).isEqualTo(2);
      assertThat(a.stdout()).startsWith("{\"permission\":\"deny\"");
      assertThat(a.stderr()).contains("tool_input is a string that is not valid JSON");
    }

    @Test
    void unknownEvent_blocks() {
      HookAnswer a = answer(AgentRuntime.CURSOR, "{\"hook_event_name\":\"afterFileEdit\"}");
      assertThat(a.exitCode()).isEqualTo(2);
      assertThat(a.stderr()).contains("afterFileEdit");
    }
  }

  @Nested
  class Gemini {

    static String tool(String name, String input) {
      return """
          {"session_id":"s1","transcript_path":"/home/u/.gemini/tmp/s1.json","cwd":"/home/u/app",\
          "hook_event_name":"BeforeTool","timestamp":"2026-12-06T12:00:00Z","tool_name":"%s",\
          "tool_input":%s}"""
          .formatted(name, input);
    }

    @Test
    void noObjection_isSilent() {
      assertThat(answer(AgentRuntime.GEMINI, tool("run_shell_command", "{\"command\":\"ls\"}")))
          .isEqualTo(new HookAnswer(0, "", ""));
    }

    @Test
    void aHold_isADenyWithReasonForTheModelAndAMessageForTheUser() throws Exception {
      Json.Obj out =
          json(
              answer(
                      AgentRuntime.GEMINI,
                      tool("run_shell_command", "{\"command\":\"git reset --hard\"}"))
                  .stdout());
      assertThat(out.members().keySet()).containsExactly("decision", "reason", "systemMessage");
      assertThat(out.string("decision")).isEqualTo("deny");
      assertThat(out.string("reason"))
          .contains("cannot ask for it")
          .contains("Stop and ask the user");
      assertThat(out.string("systemMessage")).startsWith("Airlock holds for your approval");
    }

    @Test
    void mcpTools_useTheServerNameFromMcpContext() throws Exception {
      String p =
          tool(
              "mcp_my_db_drop_table",
              "{\"table\":\"users\"}\n,\"mcp_context\":{\"server_name\":\"my_db\"}");
      HookCall call = HookPayloads.read(AgentRuntime.GEMINI, p, Environment.DEVELOPMENT);
      McpAction m = (McpAction) call.actions().getFirst();
      assertThat(m.server()).isEqualTo("my_db");
      assertThat(m.tool()).isEqualTo("drop_table");
    }

    @Test
    void mcpTools_inTheDoubleUnderscoreForm() throws Exception {
      HookCall call =
          HookPayloads.read(
              AgentRuntime.GEMINI,
              tool("mcp__github__delete_repository", "{\"repo\":\"app\"}"),
              Environment.DEVELOPMENT);
      McpAction m = (McpAction) call.actions().getFirst();
      assertThat(m.server()).isEqualTo("github");
      assertThat(m.tool()).isEqualTo("delete_repository");
    }

    @Test
    void readManyFiles_isJudgedFilePerFile() throws Exception {
      String p =
          tool("read_many_files", "{\"paths\":[\"README.md\",\"/home/u/.aws/credentials\"]}");
      HookCall call = HookPayloads.read(AgentRuntime.GEMINI, p, Environment.DEVELOPMENT);
      assertThat(call.actions()).hasSize(2);
      Json.Obj out = json(answer(AgentRuntime.GEMINI, p).stdout());
      assertThat(out.string("decision")).isEqualTo("deny");
      assertThat(out.string("reason")).contains("mcp.file.secret-read");
    }

    @Test
    void wrongEvent_blocks() {
      HookAnswer a =
          answer(
              AgentRuntime.GEMINI,
              tool("run_shell_command", "{\"command\":\"ls\"}").replace("BeforeTool", "AfterTool"));
      assertThat(a.exitCode()).isEqualTo(2);
      assertThat(a.stderr()).contains("AfterTool");
    }
  }

  @Test
  void secretsInTheActionNeverComeBack() {
    String token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    String p =
        claude(
            "Bash",
            "{\"command\":\"curl -X DELETE -H 'Authorization: Bearer "
                + token
                + "' https://api.github.com/repos/acme/payments\"}");
    for (AgentRuntime r : AgentRuntime.values()) {
      String payload =
          switch (r) {
            case CURSOR ->
                "{\"hook_event_name\":\"beforeShellExecution\",\"command\":\"curl -X DELETE -H"
                    + " 'Authorization: Bearer "
                    + token
                    + "' https://api.github.com/repos/acme/payments\"}";
            case GEMINI ->
                p.replace("\"Bash\"", "\"run_shell_command\"").replace("PreToolUse", "BeforeTool");
            default -> p;
          };
      HookAnswer a = answer(r, payload, Environment.PRODUCTION, false);
      assertThat(a.stdout()).as(r.id()).isNotEmpty().doesNotContain(token);
      assertThat(a.stderr()).doesNotContain(token);
    }
  }

  @Test
  void runtimeIds_parse() {
    for (AgentRuntime r : AgentRuntime.values()) {
      assertThat(AgentRuntime.parse(r.id())).isEqualTo(r);
    }
    assertThat(AgentRuntime.parse("vim")).isNull();
    assertThatThrownBy(
            () -> HookPayloads.read(AgentRuntime.CLAUDE_CODE, "", Environment.DEVELOPMENT))
        .isInstanceOf(HookException.class);
  }
}
