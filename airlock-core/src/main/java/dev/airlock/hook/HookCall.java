package dev.airlock.hook;

import dev.airlock.action.Action;
import java.util.List;

/**
 * One tool call a runtime asked about.
 *
 * @param runtime who asked
 * @param event the runtime's event name ({@code PreToolUse}, {@code beforeShellExecution}, ...)
 * @param tool the tool as the runtime named it ({@code Bash}, {@code mcp__github__delete_repo})
 * @param actions what Airlock judges: usually one action, one per file for a patch, none when the
 *     tool is one Airlock has nothing to say about (a to-do list, a glob over file names)
 */
public record HookCall(AgentRuntime runtime, String event, String tool, List<Action> actions) {

  public HookCall {
    actions = List.copyOf(actions);
  }
}
