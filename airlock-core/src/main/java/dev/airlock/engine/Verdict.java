package dev.airlock.engine;

import dev.airlock.action.Action;
import dev.airlock.classify.Classification;
import dev.airlock.policy.Decision;
import dev.airlock.policy.Ruling;

/** What Airlock concluded about one action: what it does and what the policy decided. */
public record Verdict(Action action, Classification classification, Ruling ruling) {

  /** The decision: allow, ask or deny. */
  public Decision decision() {
    return ruling.decision();
  }
}
