package dev.airlock.policy;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Access;
import dev.airlock.classify.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The policy that ships with Airlock, safe for a new user, in two forms: {@link #YAML}, the text
 * {@code airlock policy show} prints and users copy, and {@link #policy()}, the same rules built
 * directly. The hook starts a process per tool call and reads the policy first; parsing YAML there
 * costs more than the rest of a decision, so the hook uses the built form. A test holds the two to
 * be the same policy.
 */
final class BuiltInPolicy {

  static final String YAML =
      """
    # Airlock's built-in policy: safe for a new user.
    #
    # Every finding of an action is judged by every rule that matches it; the most restrictive
    # decision wins (deny > ask > allow) and the obligations of the deciding rules are merged.
    # A finding no rule matches is held by `default`. An unknown environment counts as production.
    version: 1
    default: ask

    rules:
      - id: catastrophic-in-production
        description: Irreversible actions with a wide blast radius never run against production (or an environment Airlock cannot tell is not production).
        match:
          severity: catastrophic
          environment: production
        decision: deny

      - id: catastrophic
        description: Irreversible actions with a wide blast radius need two people and a verified backup first.
        match:
          severity: catastrophic
        decision: ask
        approvers: 2
        backup: true

      - id: destructive
        description: Actions that can lose work or data need a person's approval.
        match:
          severity: destructive
        decision: ask
        approvers: 1

      - id: destructive-in-production
        description: Destructive actions against production also need a verified backup first.
        match:
          severity: destructive
          environment: production
        decision: ask
        approvers: 1
        backup: true

      - id: not-understood
        description: What Airlock cannot understand is held for a person, never allowed silently.
        match:
          severity: unknown
        decision: ask

      - id: writes-to-production-data
        description: Any write to a production database is held, however narrow.
        match:
          kind: sql
          access: write
          environment: production
        decision: ask

      - id: secret-read
        description: Reading a file that holds credentials (.env, private keys, cloud and CLI credential files, token files) is held for a person; a credential an agent has read can be used anywhere it reaches.
        match:
          rule: "*.secret-read"
        decision: ask
        approvers: 1

      - id: safe
        description: Reads and changes that lose nothing go through.
        match:
          severity: safe
        decision: allow
    """;

  private BuiltInPolicy() {}

  /** The rules of {@link #YAML}, built without parsing it. */
  static Policy policy() {
    return new Policy(
        "built-in",
        List.of(
            rule(
                "catastrophic-in-production",
                "Irreversible actions with a wide blast radius never run against production (or an"
                    + " environment Airlock cannot tell is not production).",
                match(Severity.CATASTROPHIC, Environment.PRODUCTION, null, null, null),
                Decision.DENY,
                Obligations.NONE),
            rule(
                "catastrophic",
                "Irreversible actions with a wide blast radius need two people and a verified backup"
                    + " first.",
                match(Severity.CATASTROPHIC, null, null, null, null),
                Decision.ASK,
                new Obligations(2, Duration.ZERO, true)),
            rule(
                "destructive",
                "Actions that can lose work or data need a person's approval.",
                match(Severity.DESTRUCTIVE, null, null, null, null),
                Decision.ASK,
                new Obligations(1, Duration.ZERO, false)),
            rule(
                "destructive-in-production",
                "Destructive actions against production also need a verified backup first.",
                match(Severity.DESTRUCTIVE, Environment.PRODUCTION, null, null, null),
                Decision.ASK,
                new Obligations(1, Duration.ZERO, true)),
            rule(
                "not-understood",
                "What Airlock cannot understand is held for a person, never allowed silently.",
                match(Severity.UNKNOWN, null, null, null, null),
                Decision.ASK,
                new Obligations(1, Duration.ZERO, false)),
            rule(
                "writes-to-production-data",
                "Any write to a production database is held, however narrow.",
                match(null, Environment.PRODUCTION, Kind.SQL, Access.WRITE, null),
                Decision.ASK,
                new Obligations(1, Duration.ZERO, false)),
            rule(
                "secret-read",
                "Reading a file that holds credentials (.env, private keys, cloud and CLI credential"
                    + " files, token files) is held for a person; a credential an agent has read can"
                    + " be used anywhere it reaches.",
                match(null, null, null, null, "*.secret-read"),
                Decision.ASK,
                new Obligations(1, Duration.ZERO, false)),
            rule(
                "safe",
                "Reads and changes that lose nothing go through.",
                match(Severity.SAFE, null, null, null, null),
                Decision.ALLOW,
                Obligations.NONE)),
        Decision.ASK);
  }

  private static Rule rule(
      String id, String description, Match match, Decision decision, Obligations obligations) {
    return new Rule(id, description, match, decision, obligations, 0);
  }

  private static Match match(
      @Nullable Severity severity,
      @Nullable Environment environment,
      @Nullable Kind kind,
      @Nullable Access access,
      @Nullable String ruleId) {
    return new Match(
        kind == null ? Set.of() : Set.of(kind),
        List.of(),
        List.of(),
        severity == null ? Set.of() : Set.of(severity),
        environment == null ? Set.of() : Set.of(environment),
        List.of(),
        access == null ? Set.of() : Set.of(access),
        ruleId == null ? List.of() : List.of(new Glob(ruleId)));
  }
}
