package dev.airlock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in policy's two forms, its YAML and its built rules, are the same policy. */
class BuiltInPolicyTest {

  private static List<Rule> withoutLines(Policy p) {
    return p.rules().stream()
        .map(r -> new Rule(r.id(), r.description(), r.match(), r.decision(), r.obligations(), 0))
        .toList();
  }

  @Test
  void builtRules_equalTheParsedYaml() throws PolicyException {
    Policy parsed = PolicyLoader.load("built-in", BuiltInPolicy.YAML);
    Policy built = BuiltInPolicy.policy();
    assertThat(withoutLines(built)).isEqualTo(withoutLines(parsed));
    assertThat(built.fallback()).isEqualTo(parsed.fallback());
    assertThat(built.source()).isEqualTo(parsed.source());
  }

  @Test
  void theYamlLintsClean() {
    assertThat(PolicyLoader.lint("built-in", PolicyLoader.builtInText())).isEmpty();
  }
}
