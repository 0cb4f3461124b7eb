package dev.airlock.classify;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import java.util.List;
import java.util.Objects;

/**
 * One effect an action would have, as a classifier understood it.
 *
 * @param ruleId the classifier rule that recognised it, stable and documented ({@code
 *     shell.fs.rm-recursive-root}, {@code sql.drop-table}, ...)
 * @param kind the classifier that produced it; a SQL statement inside {@code psql -c} is {@code
 *     sql}
 * @param program the program or API ({@code rm}, {@code git}, {@code postgres}, {@code
 *     railway-graphql})
 * @param verb what it does to the resource ({@code delete}, {@code drop}, {@code force-push},
 *     {@code read})
 * @param resource what it touches ({@code /}, {@code users}, {@code volume 3a4b...}); empty if none
 * @param severity how bad the worst outcome could be
 * @param access whether it only reads
 * @param environment the environment it really targets, after detection
 * @param reason one sentence for a human or a model
 * @param evidence the input that mattered
 * @param via wrappers looked through to reach it, outermost first ({@code sudo}, {@code bash -c})
 */
public record Finding(
    String ruleId,
    Kind kind,
    String program,
    String verb,
    String resource,
    Severity severity,
    Access access,
    Environment environment,
    String reason,
    Evidence evidence,
    List<String> via) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(evidence, "evidence");
    via = List.copyOf(via);
  }
}
