package dev.airlock.classify.http;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Scope;
import dev.airlock.secret.Redactor;

/** Turns judgments into findings: one place where environment and evidence are attached. */
final class Emit {

  private Emit() {}

  /**
   * Adds a finding for a judgment.
   *
   * @param scope the scope of the request field the evidence is in ({@code url} or {@code body})
   * @param requestEnv the environment the request itself names (host, path, key)
   * @param start the evidence span in that field
   * @param text the evidence text (redacted again by the finding builder)
   */
  static void finding(
      Scope scope,
      Judgment j,
      Environment requestEnv,
      int start,
      int end,
      String text,
      Analysis out) {
    scope
        .finding(Kind.HTTP, j.ruleId())
        .program(j.program())
        .verb(j.verb())
        .resource(j.resource())
        .severity(j.severity())
        .access(j.access())
        .detected(requestEnv)
        .detected(j.environment())
        .reason(j.reason())
        .evidence(Math.max(0, start), Math.max(Math.max(0, start), end), text)
        .addTo(out);
    if (out.trace().enabled()) {
      note(
          out,
          "http: "
              + j.ruleId()
              + " -> "
              + j.severity().id()
              + (j.resource().isEmpty() ? "" : " (" + j.resource() + ")"));
    }
  }

  /** Records a trace line, secrets redacted; costs nothing when tracing is off. */
  static void note(Analysis out, String line) {
    if (out.trace().enabled()) {
      out.note(Redactor.redact(line));
    }
  }
}
