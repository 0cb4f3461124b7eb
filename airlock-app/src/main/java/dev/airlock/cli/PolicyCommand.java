package dev.airlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock policy}: lint, test and show policies. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description =
        "Work with policies: lint a file, run a corpus against one, show the built-in one.",
    subcommands = {PolicyLintCommand.class, PolicyTestCommand.class, PolicyShowCommand.class})
final class PolicyCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
