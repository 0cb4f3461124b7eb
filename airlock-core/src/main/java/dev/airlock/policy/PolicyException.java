package dev.airlock.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot be loaded, with every problem found in it. */
public final class PolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<PolicyProblem> problems;

  public PolicyException(List<PolicyProblem> problems) {
    super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
