package dev.airlock.engine;

import dev.airlock.classify.Classification;
import dev.airlock.classify.Evidence;
import dev.airlock.classify.Finding;
import dev.airlock.json.Json;
import dev.airlock.policy.Decision;
import dev.airlock.policy.Obligations;
import dev.airlock.policy.Ruling;
import dev.airlock.secret.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a verdict, the same for {@code check --json}, {@code check --batch} and every
 * other entry point: {@code id}, {@code decision}, {@code reason}, {@code rules}, the primary
 * finding's {@code kind}/{@code program}/{@code verb}/{@code resource}/{@code severity}, the {@code
 * environment}, {@code obligations}, every finding with its evidence, and on request the trace.
 */
public final class VerdictJson {

  private VerdictJson() {}

  /** The verdict as a JSON object; {@code id} is echoed when given. */
  public static Json.Obj of(Verdict v, @Nullable String id, boolean withTrace) {
    Classification c = v.classification();
    Ruling r = v.ruling();
    Finding primary = c.primary();
    Json.ObjBuilder b = Json.object();
    b.put("id", id == null ? null : Redactor.redact(id));
    b.put("decision", r.decision().id());
    b.put("reason", r.reason());
    b.putStrings("rules", r.ruleIds());
    b.put("kind", v.action().kind().id());
    b.put("severity", c.severity().id());
    b.put("environment", c.environment().id());
    if (primary != null) {
      b.put("program", primary.program());
      b.put("verb", primary.verb());
      b.put("resource", primary.resource());
    }
    if (r.decision() == Decision.ASK) {
      b.put("obligations", obligations(r.obligations()));
    }
    List<Json> findings = new ArrayList<>(c.findings().size());
    for (Finding f : c.findings()) {
      findings.add(finding(f));
    }
    b.put("findings", new Json.Arr(findings));
    if (withTrace) {
      List<String> lines = new ArrayList<>(c.trace().size());
      for (String line : c.trace()) {
        lines.add(Redactor.redact(line));
      }
      b.putStrings("trace", lines);
    }
    return b.build();
  }

  /** The object for a line that could not be read: an {@code error} and decision deny. */
  public static Json.Obj error(@Nullable String id, String message) {
    return Json.object()
        .put("id", id == null ? null : Redactor.redact(id))
        .put("decision", Decision.DENY.id())
        .put("error", Redactor.redact(message))
        .put("reason", "denied: the request could not be read: " + Redactor.redact(message))
        .putStrings("rules", List.of("airlock.bad-request"))
        .build();
  }

  static Json.Obj finding(Finding f) {
    Evidence e = f.evidence();
    Json.ObjBuilder b =
        Json.object()
            .put("rule", f.ruleId())
            .put("kind", f.kind().id())
            .put("program", f.program())
            .put("verb", f.verb())
            .put("resource", f.resource())
            .put("severity", f.severity().id())
            .put("access", f.access().id())
            .put("environment", f.environment().id())
            .put("reason", f.reason())
            .put(
                "evidence",
                Json.object()
                    .put("source", e.source())
                    .put("start", e.start())
                    .put("end", e.end())
                    .put("text", e.text())
                    .build());
    if (!f.via().isEmpty()) {
      b.putStrings("via", f.via());
    }
    return b.build();
  }

  static Json.Obj obligations(Obligations o) {
    return Json.object()
        .put("approvers", o.approvers())
        .put("delay", duration(o.delay()))
        .put("backup", o.backup())
        .build();
  }

  /** A duration as {@code 0s}, {@code 90s}, {@code 10m}, {@code 2h}. */
  public static String duration(Duration d) {
    long s = d.toSeconds();
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
