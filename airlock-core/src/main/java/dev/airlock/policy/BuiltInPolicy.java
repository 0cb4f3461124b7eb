package dev.airlock.policy;

/**
 * The policy that ships with Airlock, safe for a new user. Kept as text in a class rather than a
 * resource file: the hook reads it at the start of every process, and opening the jar to find a
 * resource costs more than the rest of a decision. {@code airlock policy show} prints it.
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
}
