package dev.airlock.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SettingsEditTest {

  static final String CMD = "/opt/airlock/airlock hook ";

  /** A realistic settings text and the runtime that reads it. */
  record Sample(String name, Runtime rt, @Nullable String text) {
    String command() {
      return CMD + rt.id();
    }
  }

  static final String CLAUDE =
      """
      {
        "$schema": "https://json.schemastore.org/claude-code-settings.json",
        "permissions": {
          "allow": ["Bash(npm run test:*)", "Read(~/.zshrc)"],
          "deny": ["Read(./.env)"]
        },
        "env": { "FOO": "bär ✓ 日本" },
        "hooks": {
          "PreToolUse": [
            {
              "matcher": "Bash",
              "hooks": [
                { "type": "command", "command": "~/.claude/hooks/guard.sh", "timeout": 5 }
              ]
            }
          ],
          "PostToolUse": [
            { "matcher": "Edit|Write", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] }
          ]
        },
        "model": "opus"
      }
      """;

  static final String CLAUDE_TABS_CRLF =
      "{\r\n\t\"permissions\": {\r\n\t\t\"allow\": []\r\n\t},\r\n\t\"statusLine\": {\"type\":"
          + " \"command\", \"command\": \"echo \\u00e9t\\u00e9\"}\r\n}\r\n";

  static final String CURSOR =
      """
      {
          "version": 1,
          "hooks": {
              "beforeShellExecution": [
                  { "command": "./hooks/audit.sh" }
              ],
              "afterFileEdit": [
                  { "command": "./hooks/format.sh" }
              ],
              "beforeReadFile": []
          }
      }
      """;

  static final String CODEX =
      """
      {
        "hooks": {
          "SessionStart": [
            {
              "matcher": "startup|resume",
              "hooks": [
                {
                  "type": "command",
                  "command": "python3 ~/.codex/hooks/session_start.py",
                  "statusMessage": "Loading session notes"
                }
              ]
            }
          ]
        }
      }
      """;

  static final String GEMINI_JSONC =
      """
      {
        // Gemini reads this file with comments stripped
        "general": { "vimMode": true },
        /* theme chosen by the team */
        "ui": { "theme": "GitHub" },
        "hooks": {
          "BeforeTool": [
            {
              "matcher": "write_file|replace",
              "hooks": [
                { "name": "secret-scan", "type": "command", "command": "./scan.sh", "timeout": 5000 }
              ]
            }
          ]
        }
      }
      """;

  static List<Sample> samples() {
    List<Sample> out = new ArrayList<>();
    for (Runtime rt : Runtime.values()) {
      out.add(new Sample("absent file", rt, null));
      out.add(new Sample("empty object", rt, "{}"));
      out.add(new Sample("empty hooks, one line", rt, "{\"hooks\": {}}"));
      out.add(new Sample("compact", rt, "{\"a\":1,\"hooks\":{\"X\":[]}}"));
      out.add(new Sample("bom", rt, "\uFEFF{\n    \"z\": [1, 2.5e3, -0, true, null]\n}"));
      out.add(new Sample("tabs and crlf", rt, CLAUDE_TABS_CRLF));
    }
    out.add(new Sample("claude settings with hooks", Runtime.CLAUDE_CODE, CLAUDE));
    out.add(
        new Sample("claude settings with crlf", Runtime.CLAUDE_CODE, CLAUDE.replace("\n", "\r\n")));
    out.add(new Sample("cursor hooks", Runtime.CURSOR, CURSOR));
    out.add(new Sample("codex hooks", Runtime.CODEX, CODEX));
    out.add(new Sample("gemini with comments", Runtime.GEMINI, GEMINI_JSONC));
    return out;
  }

  @TestFactory
  Stream<DynamicTest> installThenUninstall_anySample_givesBackTheOriginalBytes() {
    return samples().stream()
        .map(
            s ->
                dynamicTest(
                    s.rt().id() + ": " + s.name(),
                    () -> {
                      String installed = SettingsEdit.install(s.text(), s.rt(), s.command());
                      assertThat(installed).isNotEqualTo(s.text());
                      String back = SettingsEdit.uninstall(installed, s.rt(), s.command());
                      assertThat(back).isEqualTo(s.text());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> install_twice_changesNothingTheSecondTime() {
    return samples().stream()
        .map(
            s ->
                dynamicTest(
                    s.rt().id() + ": " + s.name(),
                    () -> {
                      String once = SettingsEdit.install(s.text(), s.rt(), s.command());
                      assertThat(SettingsEdit.install(once, s.rt(), s.command())).isEqualTo(once);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> install_eachEvent_insertsOneContiguousPieceAndRegistersTheCommand() {
    return samples().stream()
        .filter(s -> s.text() != null)
        .map(
            s ->
                dynamicTest(
                    s.rt().id() + ": " + s.name(),
                    () -> {
                      String before = java.util.Objects.requireNonNull(s.text());
                      for (String event : s.rt().events()) {
                        String after =
                            SettingsEdit.installEvent(before, s.rt(), event, s.command());
                        assertOnlyInsertion(before, after);
                        assertThat(SettingsEdit.installedCommands(after, s.rt(), event))
                            .containsExactly(s.command());
                        before = after;
                      }
                      // the result is still a document the runtime reads
                      SettingsEdit.parse(before, s.rt());
                    }));
  }

  /** Every character of {@code before} survives in order, around one inserted run. */
  static void assertOnlyInsertion(String before, String after) {
    int p = 0;
    while (p < before.length() && before.charAt(p) == after.charAt(p)) {
      p++;
    }
    int s = 0;
    while (s < before.length() - p
        && before.charAt(before.length() - 1 - s) == after.charAt(after.length() - 1 - s)) {
      s++;
    }
    assertThat(p + s).as("unchanged prefix + suffix").isEqualTo(before.length());
  }

  @Test
  void install_claudeSettings_appendsTheGroupInTheFilesIndentation() throws Exception {
    String out = SettingsEdit.install(CLAUDE, Runtime.CLAUDE_CODE, CMD + "claude-code");
    assertThat(out)
        .contains(
            String.join(
                "\n",
                "        ]",
                "      },",
                "      {",
                "        \"matcher\": \"^(Bash|Write|Edit|MultiEdit|NotebookEdit|Read|Grep|WebFetch|mcp__.*)$\",",
                "        \"hooks\": [",
                "          {",
                "            \"type\": \"command\",",
                "            \"command\": \"/opt/airlock/airlock hook claude-code\",",
                "            \"timeout\": 30",
                "          }",
                "        ]",
                "      }",
                "    ],",
                "    \"PostToolUse\""));
  }

  @Test
  void install_absentCursorFile_createsVersionOneWithFailClosedHooks() throws Exception {
    String out = SettingsEdit.install(null, Runtime.CURSOR, CMD + "cursor");
    assertThat(out)
        .isEqualTo(
            """
            {
              "version": 1,
              "hooks": {
                "beforeShellExecution": [
                  {
                    "command": "/opt/airlock/airlock hook cursor",
                    "failClosed": true
                  }
                ],
                "beforeMCPExecution": [
                  {
                    "command": "/opt/airlock/airlock hook cursor",
                    "failClosed": true
                  }
                ],
                "beforeReadFile": [
                  {
                    "command": "/opt/airlock/airlock hook cursor",
                    "failClosed": true
                  }
                ]
              }
            }
            """);
  }

  @Test
  void install_tabsAndCrlf_keepsThem() throws Exception {
    String out = SettingsEdit.install(CLAUDE_TABS_CRLF, Runtime.GEMINI, CMD + "gemini");
    assertThat(out.replace("\r\n", "")).doesNotContain("\n");
    assertThat(out).contains("\r\n\t\"hooks\": {\r\n\t\t\"BeforeTool\": [\r\n\t\t\t{");
    assertThat(out).contains("\"timeout\": 30000");
  }

  @Test
  void install_compactFile_staysOnOneLine() throws Exception {
    String out = SettingsEdit.install("{\"a\":1}", Runtime.CODEX, CMD + "codex");
    assertThat(out).doesNotContain("\n").startsWith("{\"a\":1, \"hooks\": {");
  }

  @Test
  void install_commentsInAPlainJsonRuntime_areRefused() {
    for (Runtime rt : List.of(Runtime.CLAUDE_CODE, Runtime.CURSOR, Runtime.CODEX)) {
      assertThatThrownBy(() -> SettingsEdit.install(GEMINI_JSONC, rt, CMD + rt.id()))
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("comments are not allowed")
          .hasMessageContaining("line 2");
    }
  }

  @Test
  void install_malformedOrWrongShape_isRefused() {
    Runtime rt = Runtime.CLAUDE_CODE;
    for (String bad :
        List.of(
            "",
            "{",
            "{\"a\": 1,}",
            "{\"a\": 1} x",
            "[]",
            "{\"hooks\": []}",
            "{\"hooks\": {\"PreToolUse\": {}}}",
            "{\"a\": 1, \"a\": 2}",
            "{'a': 1}",
            "{\"a\": 01}")) {
      assertThatThrownBy(() -> SettingsEdit.install(bad, rt, CMD + rt.id()))
          .as(bad)
          .isInstanceOf(SettingsException.class);
    }
  }

  @Test
  void install_anotherAirlockCommandPresent_isRefusedAndUninstallRemovesIt() throws Exception {
    String old =
        SettingsEdit.install(CLAUDE, Runtime.CLAUDE_CODE, "'/old place/airlock' hook claude-code");
    assertThatThrownBy(() -> SettingsEdit.install(old, Runtime.CLAUDE_CODE, CMD + "claude-code"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("/old place/airlock");
    assertThat(SettingsEdit.uninstall(old, Runtime.CLAUDE_CODE, CMD + "claude-code"))
        .isEqualTo(CLAUDE);
  }

  @Test
  void uninstall_fileEditedAfterInstall_removesOnlyAirlocksEntry() throws Exception {
    Runtime rt = Runtime.CURSOR;
    String installed = SettingsEdit.install(CURSOR, rt, CMD + "cursor");
    String edited =
        installed.replace(
            "\"afterFileEdit\": [", "\"afterFileEdit\": [\n      { \"command\": \"x\" },");
    String out = SettingsEdit.uninstall(edited, rt, CMD + "cursor");
    assertThat(out)
        .isEqualTo(
            CURSOR.replace(
                "\"afterFileEdit\": [", "\"afterFileEdit\": [\n      { \"command\": \"x\" },"));
  }

  @Test
  void uninstall_otherHookAddedIntoAirlocksGroup_keepsTheOtherHook() throws Exception {
    Runtime rt = Runtime.CODEX;
    String installed = SettingsEdit.install("{}", rt, CMD + "codex");
    String edited =
        installed.replace(
            "\"timeout\": 30\n",
            "\"timeout\": 30\n          },\n          {\"type\": \"command\", \"command\": \"mine\"\n");
    String out =
        java.util.Objects.requireNonNull(SettingsEdit.uninstall(edited, rt, CMD + "codex"));
    assertThat(SettingsEdit.installedCommands(out, rt, "PreToolUse")).isEmpty();
    assertThat(out).contains("\"command\": \"mine\"").contains("\"matcher\"");
  }

  /**
   * The documented limit of a stateless uninstall: an original whose empty containers are laid out
   * exactly as install lays out what it creates is indistinguishable from an absent one, and
   * uninstall removes those empty containers (or the file) too. No setting changes meaning.
   */
  @Test
  void uninstall_emptyContainersLaidOutAsInstallWould_areRemovedWithTheEntry() throws Exception {
    Runtime rt = Runtime.CLAUDE_CODE;
    String c = CMD + rt.id();
    assertThat(SettingsEdit.uninstall(SettingsEdit.install("{\n}\n", rt, c), rt, c)).isNull();
    assertThat(
            SettingsEdit.uninstall(SettingsEdit.install("{\n  \"hooks\": {}\n}\n", rt, c), rt, c))
        .isNull();
    assertThat(SettingsEdit.uninstall(SettingsEdit.install("{\n}", rt, c), rt, c)).isEqualTo("{}");
  }

  @Test
  void uninstall_nothingOfAirlocks_returnsTheSameText() throws Exception {
    assertThat(SettingsEdit.uninstall(CLAUDE, Runtime.CLAUDE_CODE, CMD + "claude-code"))
        .isSameAs(CLAUDE);
  }

  @Test
  void isAirlockCommand_recognisesQuotedAndBarePaths() {
    Runtime rt = Runtime.GEMINI;
    assertThat(rt.isAirlockCommand("/a/b/airlock hook gemini")).isTrue();
    assertThat(rt.isAirlockCommand("'/a b/airlock' hook gemini")).isTrue();
    assertThat(rt.isAirlockCommand("airlock hook gemini")).isTrue();
    assertThat(rt.isAirlockCommand("/a/b/airlock hook cursor")).isFalse();
    assertThat(rt.isAirlockCommand("/a/b/notairlock hook gemini")).isFalse();
    assertThat(rt.hookCommand(java.nio.file.Path.of("/a b/it's/airlock")))
        .isEqualTo("'/a b/it'\\''s/airlock' hook gemini");
    assertThat(Shell.firstWord("'/a b/it'\\''s/airlock' hook gemini"))
        .isEqualTo("/a b/it's/airlock");
  }
}
