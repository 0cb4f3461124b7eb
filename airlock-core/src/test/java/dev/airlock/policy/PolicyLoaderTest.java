package dev.airlock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

  @Test
  void builtIn_loads_withoutProblems() {
    assertThat(PolicyLoader.lint("built-in", PolicyLoader.builtInText())).isEmpty();
    Policy p = PolicyLoader.builtIn();
    assertThat(p.fallback()).isEqualTo(Decision.ASK);
    assertThat(p.rules())
        .extracting(Rule::id)
        .contains("catastrophic-in-production", "destructive", "not-understood", "safe");
  }

  @Test
  void rule_withObligations_readsApproversDelayAndBackup() throws PolicyException {
    Policy p =
        PolicyLoader.load(
            "p.yaml",
            """
            version: 1
            rules:
              - id: two-people
                match: { severity: [destructive, catastrophic], kind: shell }
                decision: ask
                approvers: 2
                delay: 15m
                backup: true
            """);
    Rule r = p.rules().getFirst();
    assertThat(r.obligations()).isEqualTo(new Obligations(2, Duration.ofMinutes(15), true));
    assertThat(r.line()).isEqualTo(3);
  }

  @Test
  void lint_unknownKey_reportsLineColumnAndCode() {
    List<PolicyProblem> problems =
        PolicyLoader.lint(
            "p.yaml",
            """
            version: 1
            rules:
              - id: a
                match: { severity: safe }
                decison: allow
            """);
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.error()).isTrue();
              assertThat(p.code()).isEqualTo("unknown-key");
              assertThat(p.line()).isEqualTo(5);
              assertThat(p.message()).contains("decison");
            });
    assertThat(problems).anySatisfy(p -> assertThat(p.code()).isEqualTo("missing-decision"));
  }

  @Test
  void lint_defaultAllow_isRejected() {
    assertThat(PolicyLoader.lint("p.yaml", "version: 1\ndefault: allow\nrules: []\n"))
        .extracting(PolicyProblem::code)
        .contains("default-allow");
  }

  @Test
  void lint_badValues_eachHaveAStableCode() {
    String yaml =
        """
        version: 2
        rules:
          - id: a
            match: { severity: deadly, environment: prodd, kind: ftp, access: maybe }
            decision: perhaps
          - id: a
            match: {}
            decision: ask
            approvers: 0
            delay: soon
            backup: sometimes
          - id: "bad id!"
            decision: deny
        """;
    assertThat(PolicyLoader.lint("p.yaml", yaml))
        .extracting(PolicyProblem::code)
        .contains(
            "bad-version",
            "bad-value",
            "bad-decision",
            "duplicate-id",
            "bad-approvers",
            "bad-delay",
            "bad-backup",
            "bad-id");
  }

  @Test
  void load_invalidYaml_throwsWithLine() {
    assertThatThrownBy(() -> PolicyLoader.load("p.yaml", "version: 1\nrules:\n  - id: [unclosed\n"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("p.yaml:")
        .hasMessageContaining("yaml-syntax");
  }

  @Test
  void load_yamlBomb_isRejectedNotExpanded() {
    String bomb =
        """
        version: 1
        a: &a ["x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        rules: []
        """;
    assertThat(PolicyLoader.lint("bomb.yaml", bomb))
        .anySatisfy(p -> assertThat(p.error()).isTrue());
  }

  @Test
  void load_tooLarge_isRejectedWithCode() {
    String big = "version: 1\n#" + "x".repeat(PolicyLoader.MAX_POLICY_CHARS) + "\nrules: []\n";
    assertThat(PolicyLoader.lint("big.yaml", big))
        .extracting(PolicyProblem::code)
        .containsExactly("too-large");
  }

  @Test
  void duration_forms_parse() {
    assertThat(PolicyLoader.duration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(PolicyLoader.duration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(PolicyLoader.duration("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(PolicyLoader.duration("PT10M")).isEqualTo(Duration.ofMinutes(10));
    assertThat(PolicyLoader.duration("0")).isEqualTo(Duration.ZERO);
    assertThat(PolicyLoader.duration("-1m")).isNull();
    assertThat(PolicyLoader.duration("ten minutes")).isNull();
  }
}
