package dev.airlock.cli;

import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.PolicyProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code airlock policy lint FILE}: every problem in a policy file, with line and code. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description =
        "Check a policy file; print each problem as FILE:LINE:COLUMN: error|warning [code] message.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no errors (warnings allowed)", "2:file cannot be read", "5:errors found"})
final class PolicyLintCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The policy YAML file.")
  Path file = Path.of("");

  @Override
  public Integer call() {
    String text = PolicyOption.readText(file);
    List<PolicyProblem> problems = PolicyLoader.lint(file.toString(), text);
    PrintWriter out = spec.commandLine().getOut();
    for (PolicyProblem p : problems) {
      out.println(p);
    }
    long errors = problems.stream().filter(PolicyProblem::error).count();
    long warnings = problems.size() - errors;
    out.println(
        file
            + ": "
            + errors
            + (errors == 1 ? " error, " : " errors, ")
            + warnings
            + (warnings == 1 ? " warning" : " warnings"));
    out.flush();
    return errors > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }
}
