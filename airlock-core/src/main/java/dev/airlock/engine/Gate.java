package dev.airlock.engine;

import dev.airlock.action.Action;
import dev.airlock.classify.Classification;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Trace;
import dev.airlock.policy.Decision;
import dev.airlock.policy.Obligations;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.Ruling;
import java.util.List;

/**
 * Airlock's core check: classify an action, then judge the classification by one policy. If the
 * policy itself faults, the action is denied.
 */
public final class Gate {

  /** Rule id reported when the policy could not be evaluated. */
  public static final String POLICY_ERROR = "airlock.policy-error";

  private final ActionClassifier classifier;
  private final Policy policy;

  public Gate(Policy policy, Limits limits) {
    this.policy = policy;
    this.classifier = new ActionClassifier(limits);
  }

  /** A gate with the built-in policy and default limits. */
  public static Gate standard() {
    return new Gate(PolicyLoader.builtIn(), Limits.DEFAULT);
  }

  public Policy policy() {
    return policy;
  }

  /** Classifies and judges an action without an explanation trace. */
  public Verdict check(Action action) {
    return check(action, Trace.OFF);
  }

  /** Classifies and judges an action, recording the classifier's steps into the trace. */
  public Verdict check(Action action, Trace trace) {
    Classification c = classifier.classify(action, trace);
    Ruling ruling;
    try {
      ruling = policy.decide(c, action.kind());
    } catch (RuntimeException e) {
      ruling =
          new Ruling(
              Decision.DENY,
              Obligations.NONE,
              List.of(),
              "denied by "
                  + POLICY_ERROR
                  + ": the policy could not be evaluated ("
                  + e.getClass().getSimpleName()
                  + ")");
    }
    return new Verdict(action, c, ruling);
  }
}
