package dev.airlock.policy;

/**
 * Something wrong with a policy file, where it is and a stable code. Errors stop the policy from
 * loading; warnings are shown by {@code airlock policy lint}.
 */
public record PolicyProblem(
    boolean error, String file, int line, int column, String code, String message) {

  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ":"
        + column
        + ": "
        + (error ? "error" : "warning")
        + " ["
        + code
        + "] "
        + message;
  }
}
