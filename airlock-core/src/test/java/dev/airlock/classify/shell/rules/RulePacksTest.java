package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.shell.CommandRules;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lazily built index lists exactly the programs the packs declare, each to its own pack. */
class RulePacksTest {

  @Test
  void lazyIndex_equalsTheIndexThePacksDeclare() {
    Map<String, CommandRules> eager = RulePacks.index();
    Map<String, CommandRules> lazy = RulePacks.lazyIndex();
    assertThat(lazy.keySet()).isEqualTo(eager.keySet());
    for (Map.Entry<String, CommandRules> e : lazy.entrySet()) {
      CommandRules built = ((RulePacks.LazyPack) e.getValue()).pack();
      assertThat(built.getClass())
          .as(e.getKey())
          .isEqualTo(java.util.Objects.requireNonNull(eager.get(e.getKey())).getClass());
      assertThat(e.getValue().programs()).as(e.getKey()).isEqualTo(built.programs());
      assertThat(e.getValue().name()).isEqualTo(built.name());
    }
  }

  @Test
  void aPackIsBuiltOnce() {
    RulePacks.LazyPack git =
        (RulePacks.LazyPack) java.util.Objects.requireNonNull(RulePacks.lazyIndex().get("git"));
    assertThat(git.pack()).isSameAs(git.pack());
  }
}
