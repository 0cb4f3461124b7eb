package dev.airlock.action;

import java.util.Objects;

/** A command line for a POSIX shell (bash), exactly as the agent submits it. */
public record ShellAction(String command, Context context) implements Action {

  public ShellAction {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(context, "context");
  }

  @Override
  public Kind kind() {
    return Kind.SHELL;
  }
}
