package dev.airlock.classify.http;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Severity;

/**
 * A rule's verdict on one effect of a request, before it becomes a finding.
 *
 * @param ruleId the full rule id ({@code http.graphql.railway.volume-delete})
 * @param program the API ({@code railway-graphql}, {@code github-api}, {@code http})
 * @param verb what it does ({@code delete}, {@code create-token}, {@code write}, {@code read})
 * @param resource what it touches ({@code volume 3a4b...}); empty if unknown
 * @param severity how bad it can be
 * @param access whether it only reads
 * @param environment the environment the rule itself established ({@code UNKNOWN} if none)
 * @param reason one sentence for a human or a model
 */
record Judgment(
    String ruleId,
    String program,
    String verb,
    String resource,
    Severity severity,
    Access access,
    Environment environment,
    String reason) {

  static Judgment read(String ruleId, String program, String resource, String reason) {
    return new Judgment(
        ruleId, program, "read", resource, Severity.SAFE, Access.READ, Environment.UNKNOWN, reason);
  }

  static Judgment write(String ruleId, String program, String resource, String reason) {
    return new Judgment(
        ruleId,
        program,
        "write",
        resource,
        Severity.SAFE,
        Access.WRITE,
        Environment.UNKNOWN,
        reason);
  }

  static Judgment unknown(String ruleId, String program, String resource, String reason) {
    return new Judgment(
        ruleId,
        program,
        "unknown",
        resource,
        Severity.UNKNOWN,
        Access.WRITE,
        Environment.UNKNOWN,
        reason);
  }

  static Judgment of(
      String ruleId,
      String program,
      String verb,
      String resource,
      Severity severity,
      String reason) {
    return new Judgment(
        ruleId,
        program,
        verb,
        resource,
        severity,
        severity == Severity.SAFE && verb.equals("read") ? Access.READ : Access.WRITE,
        Environment.UNKNOWN,
        reason);
  }

  Judgment in(Environment env) {
    return new Judgment(ruleId, program, verb, resource, severity, access, env, reason);
  }

  Judgment withSeverity(Severity s, String why) {
    return new Judgment(ruleId, program, verb, resource, s, access, environment, why);
  }
}
