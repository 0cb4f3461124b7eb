package dev.airlock.policy;

import java.util.List;

/**
 * What the policy decided about a classification: the decision, what must happen first, the rules
 * that decided it (those whose decision is the final one) and one sentence saying why.
 */
public record Ruling(
    Decision decision, Obligations obligations, List<RuleHit> hits, String reason) {

  public Ruling {
    hits = List.copyOf(hits);
  }

  /** The distinct ids of the deciding rules, in order. */
  public List<String> ruleIds() {
    return hits.stream().map(RuleHit::ruleId).distinct().toList();
  }
}
