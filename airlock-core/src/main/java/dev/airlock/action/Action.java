package dev.airlock.action;

/** One thing an agent wants to do. */
public sealed interface Action permits ShellAction, SqlAction, HttpAction, McpAction {

  /** The kind of this action. */
  Kind kind();

  /** Where the action comes from. */
  Context context();
}
