package dev.airlock.install;

import dev.airlock.action.ShellWords;
import dev.airlock.hook.AgentRuntime;
import dev.airlock.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An agent runtime Airlock can hook into: where its settings live, which events Airlock registers
 * for, and the exact entry it writes. The layouts and their sources are in {@code
 * docs/integrations.md}.
 */
public enum Runtime {
  /** Claude Code: {@code hooks.PreToolUse[]} matcher groups in {@code .claude/settings.json}. */
  CLAUDE_CODE(
      AgentRuntime.CLAUDE_CODE,
      ".claude/settings.json",
      List.of("PreToolUse"),
      false,
      "^(Bash|Write|Edit|MultiEdit|NotebookEdit|Read|Grep|WebFetch|mcp__.*)$",
      30),
  /** Cursor: {@code hooks.<event>[]} entries in {@code .cursor/hooks.json}, version 1. */
  CURSOR(
      AgentRuntime.CURSOR,
      ".cursor/hooks.json",
      List.of("beforeShellExecution", "beforeMCPExecution", "beforeReadFile"),
      false,
      null,
      0),
  /** OpenAI Codex CLI: Claude-shaped {@code hooks.PreToolUse[]} in {@code .codex/hooks.json}. */
  CODEX(
      AgentRuntime.CODEX,
      ".codex/hooks.json",
      List.of("PreToolUse"),
      false,
      "^(Bash|apply_patch|mcp__.*)$",
      30),
  /**
   * Gemini CLI: {@code hooks.BeforeTool[]} in {@code .gemini/settings.json} (JSON with comments).
   */
  GEMINI(
      AgentRuntime.GEMINI,
      ".gemini/settings.json",
      List.of("BeforeTool"),
      true,
      "^(run_shell_command|write_file|replace|read_file|read_many_files|search_file_content"
          + "|grep_search|glob|web_fetch|mcp_.*)$",
      30_000);

  private final String id;
  private final String relativeFile;
  private final List<String> events;
  private final boolean comments;
  private final @Nullable String matcher;
  private final int timeout;

  Runtime(
      AgentRuntime agent,
      String relativeFile,
      List<String> events,
      boolean comments,
      @Nullable String matcher,
      int timeout) {
    this.id = agent.id(); // one list of runtime names: the hook's
    this.relativeFile = relativeFile;
    this.events = events;
    this.comments = comments;
    this.matcher = matcher;
    this.timeout = timeout;
  }

  /** The name used on the command line: {@code claude-code}, {@code cursor}, … */
  public String id() {
    return id;
  }

  /** The runtime with this command-line name, or null. */
  public static @Nullable Runtime byId(String id) {
    for (Runtime r : values()) {
      if (r.id.equals(id.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    return null;
  }

  /** The hook events Airlock registers for, in the order install adds them. */
  List<String> events() {
    return events;
  }

  /** Whether the runtime reads its settings file with comments allowed (JSONC). */
  boolean allowsComments() {
    return comments;
  }

  /** The project settings file under {@code projectDir}. */
  public Path projectFile(Path projectDir) {
    return projectDir.resolve(relativeFile);
  }

  /**
   * The user settings file. Codex honours {@code CODEX_HOME}; the others live under the home
   * directory.
   */
  public Path userFile(Path home, Map<String, String> env) {
    if (this == CODEX) {
      String codexHome = env.get("CODEX_HOME");
      if (codexHome != null && !codexHome.isBlank()) {
        return Path.of(codexHome).resolve("hooks.json");
      }
    }
    return home.resolve(relativeFile);
  }

  /** The command Airlock writes: the launcher, shell-quoted when needed, then {@code hook ID}. */
  public String hookCommand(Path launcher) {
    return ShellWords.quote(launcher.toString()) + " hook " + id;
  }

  /** The top-level members a freshly created file starts with, before {@code hooks}. */
  Json.Obj freshRoot() {
    return this == CURSOR ? Json.object().put("version", 1).build() : Json.EMPTY_OBJECT;
  }

  /** The element Airlock appends to each event's array. */
  Json.Obj entry(String command) {
    return switch (this) {
      case CURSOR -> Json.object().put("command", command).put("failClosed", true).build();
      case GEMINI ->
          group(
              Json.object()
                  .put("name", "airlock")
                  .put("type", "command")
                  .put("command", command)
                  .put("timeout", timeout)
                  .build());
      case CLAUDE_CODE, CODEX ->
          group(
              Json.object()
                  .put("type", "command")
                  .put("command", command)
                  .put("timeout", timeout)
                  .build());
    };
  }

  private Json.Obj group(Json.Obj hook) {
    return Json.object().put("matcher", matcher).put("hooks", new Json.Arr(List.of(hook))).build();
  }

  /** Whether hook entries sit inside matcher groups ({@code {matcher, hooks: [...]}}). */
  boolean grouped() {
    return this != CURSOR;
  }

  /**
   * Whether a command string is an Airlock hook command for this runtime, whichever launcher path
   * it names (so a moved checkout is still recognised and can be uninstalled).
   */
  boolean isAirlockCommand(String command) {
    return Pattern.compile(
            "^(?:'(?:[^']*/)?airlock'|\"(?:[^\"]*/)?airlock\"|(?:\\S*/)?airlock)\\s+hook\\s+"
                + Pattern.quote(id)
                + "\\s*$")
        .matcher(command)
        .matches();
  }
}
