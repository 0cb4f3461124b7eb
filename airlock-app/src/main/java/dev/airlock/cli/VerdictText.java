package dev.airlock.cli;

import dev.airlock.classify.Evidence;
import dev.airlock.classify.Finding;
import dev.airlock.engine.Verdict;
import dev.airlock.engine.VerdictJson;
import dev.airlock.policy.Decision;
import dev.airlock.policy.Obligations;
import dev.airlock.secret.Redactor;
import java.util.Locale;

/** The human-readable form of a verdict. */
final class VerdictText {

  private VerdictText() {}

  static String render(Verdict v, boolean explain) {
    StringBuilder sb = new StringBuilder();
    Decision d = v.decision();
    sb.append(d.id().toUpperCase(Locale.ROOT))
        .append("  ")
        .append(v.ruling().reason())
        .append('\n');
    sb.append("  rules:       ").append(String.join(", ", v.ruling().ruleIds())).append('\n');
    sb.append("  severity:    ").append(v.classification().severity().id()).append('\n');
    sb.append("  environment: ").append(v.classification().environment().id());
    if (v.classification().environment() == dev.airlock.action.Environment.UNKNOWN) {
      sb.append(" (treated as production)");
    }
    sb.append('\n');
    if (d == Decision.ASK) {
      Obligations o = v.ruling().obligations();
      sb.append("  needs:       ")
          .append(o.approvers())
          .append(o.approvers() == 1 ? " approver" : " approvers");
      if (!o.delay().isZero()) {
        sb.append(", then a ").append(VerdictJson.duration(o.delay())).append(" delay");
      }
      if (o.backup()) {
        sb.append(", a verified backup first");
      }
      sb.append('\n');
    }
    sb.append("  findings:\n");
    for (Finding f : v.classification().findings()) {
      sb.append("    - ")
          .append(f.severity().id())
          .append(' ')
          .append(f.ruleId())
          .append(": ")
          .append(f.program());
      if (!f.verb().isEmpty()) {
        sb.append(' ').append(f.verb());
      }
      if (!f.resource().isEmpty()) {
        sb.append(' ').append(f.resource());
      }
      sb.append(" [")
          .append(f.access().id())
          .append(", ")
          .append(f.environment().id())
          .append("]\n");
      if (!f.reason().isEmpty()) {
        sb.append("      ").append(f.reason()).append('\n');
      }
      Evidence e = f.evidence();
      sb.append("      evidence ")
          .append(e.source())
          .append('[')
          .append(e.start())
          .append(',')
          .append(e.end())
          .append("): ")
          .append(oneLine(e.text()))
          .append('\n');
      if (!f.via().isEmpty()) {
        sb.append("      via ").append(String.join(" > ", f.via())).append('\n');
      }
    }
    if (explain) {
      sb.append("  explain:\n");
      for (String line : v.classification().trace()) {
        sb.append("    ").append(oneLine(Redactor.redact(line))).append('\n');
      }
      sb.append("  rules hit:\n");
      for (var h : v.ruling().hits()) {
        sb.append("    ")
            .append(h.ruleId())
            .append(" -> ")
            .append(h.decision().id())
            .append(": ")
            .append(h.description())
            .append('\n');
      }
    }
    return sb.toString();
  }

  private static String oneLine(String s) {
    String t = s.replace("\r", "\\r").replace("\n", "\\n");
    return t.length() > 400 ? t.substring(0, 400) + "..." : t;
  }
}
