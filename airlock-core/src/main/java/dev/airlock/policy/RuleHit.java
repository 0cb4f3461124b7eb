package dev.airlock.policy;

import dev.airlock.classify.Finding;

/** A rule that decided about a finding, with that finding. */
public record RuleHit(String ruleId, String description, Decision decision, Finding finding) {}
