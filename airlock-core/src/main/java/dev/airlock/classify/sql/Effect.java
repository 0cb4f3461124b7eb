package dev.airlock.classify.sql;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Access;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Severity;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One judgement about a statement, turned into a {@link Finding} by {@link #emit()}. */
final class Effect {
  private final Pass pass;
  private final Stmt st;
  private final String ruleId;
  private Severity severity = Severity.UNKNOWN;
  private Access access = Access.WRITE;
  private String verb = "";
  private String resource = "";
  private String reason = "";
  private Environment env = Environment.UNKNOWN;
  private @Nullable String program;

  Effect(Pass pass, Stmt st, String ruleId) {
    this.pass = pass;
    this.st = st;
    this.ruleId = ruleId;
  }

  Effect safe() {
    severity = Severity.SAFE;
    return this;
  }

  Effect destructive() {
    severity = Severity.DESTRUCTIVE;
    return this;
  }

  Effect catastrophic() {
    severity = Severity.CATASTROPHIC;
    return this;
  }

  Effect unknown() {
    severity = Severity.UNKNOWN;
    return this;
  }

  Effect severity(Severity s) {
    severity = s;
    return this;
  }

  Effect read() {
    access = Access.READ;
    return this;
  }

  Effect access(Access a) {
    access = a;
    return this;
  }

  Effect verb(String v) {
    verb = v.toLowerCase(Locale.ROOT);
    return this;
  }

  Effect resource(String r) {
    resource = r;
    return this;
  }

  Effect reason(String r) {
    reason = r;
    return this;
  }

  Effect env(Environment detected) {
    env = env.combine(detected);
    return this;
  }

  Effect program(String p) {
    program = p;
    return this;
  }

  void emit() {
    String why = st.context.isEmpty() ? reason : st.context + ": " + reason;
    Finding f =
        pass.scope
            .finding(Kind.SQL, ruleId)
            .program(program != null ? program : pass.program())
            .verb(verb)
            .resource(resource)
            .severity(severity)
            .access(access)
            .detected(env)
            .reason(why)
            .evidence(st.spanStart, st.spanEnd, pass.evidenceText(st))
            .build();
    pass.run.findings.add(f);
    StringBuilder sum = pass.run.summary;
    if (sum != null && sum.length() > 4_000) {
      if (sum.charAt(sum.length() - 1) != '.') {
        sum.append("; ...");
      }
    } else if (sum != null) {
      if (!sum.isEmpty()) {
        sum.append("; ");
      }
      String shown = resource;
      int space = resource.indexOf(' ');
      if (space > 0 && verb.endsWith(resource.substring(0, space))) {
        shown = resource.substring(space + 1); // DROP TABLE audit_log, not ... table audit_log
      }
      sum.append('#')
          .append(pass.run.topStatements)
          .append(pass.level > 0 ? " (nested)" : "")
          .append(' ')
          .append(
              verb.isEmpty()
                  ? ruleId
                  : verb.startsWith("\\") ? verb : verb.toUpperCase(Locale.ROOT))
          .append(shown.isEmpty() ? "" : " " + shown)
          .append(" (")
          .append(severity.id())
          .append(access == Access.READ ? ", read" : "")
          .append(pass.how.isEmpty() ? "" : ", " + pass.how)
          .append(')');
    }
  }
}
