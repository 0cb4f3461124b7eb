package dev.airlock.cli;

import dev.airlock.policy.PolicyLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code airlock policy show}: prints the built-in policy, a starting point for your own. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Print the built-in policy (YAML), a starting point for your own.")
final class PolicyShowCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(PolicyLoader.builtInText());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
