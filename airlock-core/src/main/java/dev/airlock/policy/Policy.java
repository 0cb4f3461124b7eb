package dev.airlock.policy;

import dev.airlock.action.Kind;
import dev.airlock.classify.Classification;
import dev.airlock.classify.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded policy: ordered rules and the decision for a finding no rule matches. Each finding of a
 * classification is judged by every rule that matches it; the most restrictive decision over all
 * findings wins, and the obligations of every rule giving that decision are merged.
 */
public final class Policy {

  /** The rule id reported when no rule matched a finding. */
  public static final String NO_MATCH = "airlock.no-matching-rule";

  private final String source;
  private final List<Rule> rules;
  private final Decision fallback;

  public Policy(String source, List<Rule> rules, Decision fallback) {
    if (fallback == Decision.ALLOW) {
      throw new IllegalArgumentException("the fallback decision must hold: ask or deny");
    }
    this.source = source;
    this.rules = List.copyOf(rules);
    this.fallback = fallback;
  }

  /** Where the policy came from: a file name or {@code built-in}. */
  public String source() {
    return source;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The decision for a finding that no rule matches (never allow). */
  public Decision fallback() {
    return fallback;
  }

  /** Judges a classification of an action of the given kind. */
  public Ruling decide(Classification classification, Kind actionKind) {
    List<Finding> findings = classification.findings();
    if (findings.isEmpty()) {
      return new Ruling(Decision.ALLOW, Obligations.NONE, List.of(), "nothing to run");
    }
    Decision overall = Decision.ALLOW;
    List<RuleHit> hits = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      boolean matched = false;
      for (Rule r : rules) {
        if (r.match().matches(f, actionKind)) {
          matched = true;
          overall = Decision.strictest(overall, r.decision());
          hits.add(new RuleHit(r.id(), r.description(), r.decision(), f));
        }
      }
      if (!matched) {
        overall = Decision.strictest(overall, fallback);
        hits.add(new RuleHit(NO_MATCH, "no policy rule matches; held by default", fallback, f));
      }
    }
    List<RuleHit> deciding = new ArrayList<>(hits.size());
    Obligations obligations = Obligations.NONE;
    for (RuleHit h : hits) {
      if (h.decision() == overall) {
        deciding.add(h);
        if (overall == Decision.ASK) {
          obligations = obligations.merge(obligationsOf(h.ruleId()));
        }
      }
    }
    if (overall == Decision.ASK && obligations.approvers() == 0) {
      obligations = obligations.merge(new Obligations(1, java.time.Duration.ZERO, false));
    }
    return new Ruling(overall, obligations, deciding, reason(overall, deciding));
  }

  private Obligations obligationsOf(String ruleId) {
    for (Rule r : rules) {
      if (r.id().equals(ruleId)) {
        return r.obligations();
      }
    }
    return Obligations.NONE;
  }

  private static String reason(Decision decision, List<RuleHit> deciding) {
    RuleHit top = deciding.getFirst();
    for (RuleHit h : deciding) {
      if (h.finding().severity().rank() > top.finding().severity().rank()) {
        top = h;
      }
    }
    Finding f = top.finding();
    String what = f.reason().isEmpty() ? f.verb() + " " + f.resource() : f.reason();
    String verdict =
        switch (decision) {
          case ALLOW -> "allowed";
          case ASK -> "held for approval";
          case DENY -> "denied";
        };
    return verdict + " by rule " + top.ruleId() + ": " + what;
  }
}
