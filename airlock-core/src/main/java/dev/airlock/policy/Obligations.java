package dev.airlock.policy;

import java.time.Duration;

/**
 * What must happen before a held action may run: how many people approve it, how long it waits
 * after approval, and whether a verified backup of its target is taken first.
 */
public record Obligations(int approvers, Duration delay, boolean backup) {

  /** Nothing beyond the decision itself. */
  public static final Obligations NONE = new Obligations(0, Duration.ZERO, false);

  public Obligations {
    if (approvers < 0) {
      throw new IllegalArgumentException("approvers < 0");
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay");
    }
  }

  /** The union of two sets of obligations: the most approvers, the longest delay, any backup. */
  public Obligations merge(Obligations other) {
    if (other.equals(NONE)) {
      return this;
    }
    return new Obligations(
        Math.max(approvers, other.approvers),
        delay.compareTo(other.delay) >= 0 ? delay : other.delay,
        backup || other.backup);
  }
}
