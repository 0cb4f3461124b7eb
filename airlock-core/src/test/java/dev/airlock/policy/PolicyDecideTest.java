package dev.airlock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Access;
import dev.airlock.classify.Classification;
import dev.airlock.classify.Evidence;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDecideTest {

  private static Finding finding(Kind kind, Severity s, Access a, Environment e, String rule) {
    return new Finding(
        rule,
        kind,
        "prog",
        "verb",
        "res",
        s,
        a,
        e,
        "because",
        new Evidence("command", 0, 1, "x"),
        List.of());
  }

  private static Ruling decide(Policy p, Kind kind, Finding... fs) {
    return p.decide(new Classification(kind, Environment.UNKNOWN, List.of(fs), List.of()), kind);
  }

  @Test
  void builtIn_catastrophicInProduction_denies() {
    Ruling r =
        decide(
            PolicyLoader.builtIn(),
            Kind.SHELL,
            finding(
                Kind.SHELL,
                Severity.CATASTROPHIC,
                Access.WRITE,
                Environment.PRODUCTION,
                "shell.fs.x"));
    assertThat(r.decision()).isEqualTo(Decision.DENY);
    assertThat(r.ruleIds()).containsExactly("catastrophic-in-production");
    assertThat(r.reason()).contains("catastrophic-in-production").contains("because");
  }

  @Test
  void builtIn_unknownEnvironment_countsAsProduction() {
    Ruling r =
        decide(
            PolicyLoader.builtIn(),
            Kind.SHELL,
            finding(Kind.SHELL, Severity.CATASTROPHIC, Access.WRITE, Environment.UNKNOWN, "x"));
    assertThat(r.decision()).isEqualTo(Decision.DENY);
  }

  @Test
  void builtIn_catastrophicInDevelopment_asksTwoApproversWithBackup() {
    Ruling r =
        decide(
            PolicyLoader.builtIn(),
            Kind.SHELL,
            finding(Kind.SHELL, Severity.CATASTROPHIC, Access.WRITE, Environment.DEVELOPMENT, "x"));
    assertThat(r.decision()).isEqualTo(Decision.ASK);
    assertThat(r.obligations().approvers()).isEqualTo(2);
    assertThat(r.obligations().backup()).isTrue();
  }

  @Test
  void builtIn_narrowSqlWrite_allowedInDevelopment_heldInProduction() {
    Finding dev =
        finding(Kind.SQL, Severity.SAFE, Access.WRITE, Environment.DEVELOPMENT, "sql.update");
    Finding prod =
        finding(Kind.SQL, Severity.SAFE, Access.WRITE, Environment.PRODUCTION, "sql.update");
    assertThat(decide(PolicyLoader.builtIn(), Kind.SQL, dev).decision()).isEqualTo(Decision.ALLOW);
    Ruling r = decide(PolicyLoader.builtIn(), Kind.SQL, prod);
    assertThat(r.decision()).isEqualTo(Decision.ASK);
    assertThat(r.ruleIds()).containsExactly("writes-to-production-data");
  }

  @Test
  void builtIn_sqlInsideShell_matchesKindSql() {
    Finding prod =
        finding(Kind.SQL, Severity.SAFE, Access.WRITE, Environment.PRODUCTION, "sql.update");
    assertThat(decide(PolicyLoader.builtIn(), Kind.SHELL, prod).decision()).isEqualTo(Decision.ASK);
  }

  @Test
  void builtIn_readsInProduction_allowed() {
    Finding read =
        finding(Kind.SQL, Severity.SAFE, Access.READ, Environment.PRODUCTION, "sql.select");
    assertThat(decide(PolicyLoader.builtIn(), Kind.SQL, read).decision()).isEqualTo(Decision.ALLOW);
  }

  @Test
  void mostRestrictive_winsAcrossFindings() {
    Ruling r =
        decide(
            PolicyLoader.builtIn(),
            Kind.SHELL,
            finding(Kind.SHELL, Severity.SAFE, Access.READ, Environment.DEVELOPMENT, "a"),
            finding(Kind.SHELL, Severity.UNKNOWN, Access.WRITE, Environment.DEVELOPMENT, "b"),
            finding(Kind.SHELL, Severity.SAFE, Access.WRITE, Environment.DEVELOPMENT, "c"));
    assertThat(r.decision()).isEqualTo(Decision.ASK);
    assertThat(r.ruleIds()).containsExactly("not-understood");
    assertThat(r.hits()).extracting(h -> h.finding().ruleId()).containsExactly("b");
  }

  @Test
  void obligations_mergeOverDecidingRules() throws PolicyException {
    Policy p =
        PolicyLoader.load(
            "p.yaml",
            """
            version: 1
            rules:
              - id: a
                match: { severity: destructive }
                decision: ask
                approvers: 1
                delay: 1h
              - id: b
                match: { environment: production }
                decision: ask
                approvers: 3
                backup: true
            """);
    Ruling r =
        decide(
            p,
            Kind.SHELL,
            finding(Kind.SHELL, Severity.DESTRUCTIVE, Access.WRITE, Environment.PRODUCTION, "x"));
    assertThat(r.obligations()).isEqualTo(new Obligations(3, Duration.ofHours(1), true));
    assertThat(r.ruleIds()).containsExactly("a", "b");
  }

  @Test
  void noMatchingRule_fallsBackToHold() throws PolicyException {
    Policy p =
        PolicyLoader.load(
            "p.yaml",
            "version: 1\ndefault: deny\nrules:\n  - id: s\n    match: { severity: safe }\n    decision: allow\n");
    Ruling r =
        decide(
            p,
            Kind.HTTP,
            finding(Kind.HTTP, Severity.DESTRUCTIVE, Access.WRITE, Environment.DEVELOPMENT, "x"));
    assertThat(r.decision()).isEqualTo(Decision.DENY);
    assertThat(r.ruleIds()).containsExactly(Policy.NO_MATCH);
  }

  @Test
  void globs_matchProgramsAndRuleIds() throws PolicyException {
    Policy p =
        PolicyLoader.load(
            "p.yaml",
            """
            version: 1
            rules:
              - id: git-ok
                match: { rule: "shell.git.*", environment: development }
                decision: allow
              - id: any
                match: {}
                decision: ask
            """);
    Ruling r =
        decide(
            p,
            Kind.SHELL,
            finding(
                Kind.SHELL,
                Severity.DESTRUCTIVE,
                Access.WRITE,
                Environment.DEVELOPMENT,
                "shell.git.reset-hard"));
    assertThat(r.decision()).isEqualTo(Decision.ASK);
    assertThat(new Glob("shell.git.*").matches("SHELL.GIT.RESET")).isTrue();
    assertThat(new Glob("a?c").matches("abc")).isTrue();
    assertThat(new Glob("a?c").matches("ac")).isFalse();
  }
}
