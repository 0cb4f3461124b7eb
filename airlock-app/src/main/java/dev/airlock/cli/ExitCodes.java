package dev.airlock.cli;

import dev.airlock.policy.Decision;

/**
 * The fixed exit codes of {@code airlock}. Documented in {@code docs/cli.md}; never renumbered.
 *
 * <pre>
 * 0  allow / success
 * 1  internal error (fail closed: treat as not allowed)
 * 2  usage error: bad flag or argument
 * 3  ask: held for human approval
 * 4  deny
 * 5  check failed: policy lint errors, policy test misses
 * </pre>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int USAGE = 2;
  public static final int ASK = 3;
  public static final int DENY = 4;
  public static final int CHECK_FAILED = 5;

  private ExitCodes() {}

  /** The exit code for a decision. */
  public static int of(Decision d) {
    return switch (d) {
      case ALLOW -> OK;
      case ASK -> ASK;
      case DENY -> DENY;
    };
  }
}
