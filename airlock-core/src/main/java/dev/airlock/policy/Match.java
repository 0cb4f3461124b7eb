package dev.airlock.policy;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Access;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Severity;
import java.util.List;
import java.util.Set;

/**
 * The conditions of a rule; every condition given must hold, and a list means any of its values. An
 * empty match matches every finding.
 *
 * <p>A kind condition matches the kind of the action or of the finding (so {@code sql} also matches
 * SQL run through {@code psql -c}). {@code environment: production} also matches an unknown
 * environment, which Airlock treats as production; {@code environment: unknown} matches only the
 * unknown. Program, verb, resource and rule (the classifier rule id) conditions are
 * case-insensitive globs.
 */
public record Match(
    Set<Kind> kinds,
    List<Glob> programs,
    List<Glob> verbs,
    Set<Severity> severities,
    Set<Environment> environments,
    List<Glob> resources,
    Set<Access> access,
    List<Glob> ruleIds) {

  /** Matches every finding. */
  public static final Match ANY =
      new Match(Set.of(), List.of(), List.of(), Set.of(), Set.of(), List.of(), Set.of(), List.of());

  public Match {
    kinds = Set.copyOf(kinds);
    programs = List.copyOf(programs);
    verbs = List.copyOf(verbs);
    severities = Set.copyOf(severities);
    environments = Set.copyOf(environments);
    resources = List.copyOf(resources);
    access = Set.copyOf(access);
    ruleIds = List.copyOf(ruleIds);
  }

  /** Whether a finding of an action of the given kind meets every condition. */
  public boolean matches(Finding f, Kind actionKind) {
    return (kinds.isEmpty() || kinds.contains(actionKind) || kinds.contains(f.kind()))
        && (severities.isEmpty() || severities.contains(f.severity()))
        && (access.isEmpty() || access.contains(f.access()))
        && environmentMatches(f.environment())
        && any(programs, f.program())
        && any(verbs, f.verb())
        && any(resources, f.resource())
        && any(ruleIds, f.ruleId());
  }

  private boolean environmentMatches(Environment env) {
    if (environments.isEmpty() || environments.contains(env)) {
      return true;
    }
    return env == Environment.UNKNOWN && environments.contains(Environment.PRODUCTION);
  }

  private static boolean any(List<Glob> globs, String value) {
    if (globs.isEmpty()) {
      return true;
    }
    for (Glob g : globs) {
      if (g.matches(value)) {
        return true;
      }
    }
    return false;
  }
}
