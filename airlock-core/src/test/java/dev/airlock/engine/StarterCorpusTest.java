package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.policy.Decision;
import dev.airlock.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shared starter corpus through the Java API, held to the bars of its README. */
class StarterCorpusTest {

  private final Gate gate = Gate.standard();

  @Test
  void starterCorpus_meetsTheReadmeBars() {
    List<Corpus.Case> cases = Corpus.starter();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(246);
    int[] catastrophic = new int[2];
    int[] destructive = new int[2];
    int[] safe = new int[2];
    List<String> misses = new ArrayList<>();
    for (Corpus.Case c : cases) {
      Verdict v = gate.check(ActionJson.read(c.json()));
      boolean ok = c.met(v.decision());
      int[] bucket =
          switch (c.severity()) {
            case "catastrophic" -> catastrophic;
            case "destructive" -> destructive;
            default -> safe;
          };
      bucket[1]++;
      if (ok) {
        bucket[0]++;
      } else {
        misses.add(
            c.id()
                + " expected "
                + c.expect()
                + " got "
                + v.decision().id()
                + ": "
                + v.ruling().reason());
      }
    }
    String report =
        String.format(
                Locale.ROOT,
                "catastrophic %d/%d, destructive %d/%d, safe %d/%d%n",
                catastrophic[0],
                catastrophic[1],
                destructive[0],
                destructive[1],
                safe[0],
                safe[1])
            + String.join("\n", misses);
    assertThat(catastrophic[0]).as(report).isEqualTo(catastrophic[1]);
    assertThat((double) destructive[0] / destructive[1]).as(report).isGreaterThanOrEqualTo(0.98);
    assertThat((double) safe[0] / safe[1]).as(report).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void incident_isDeniedWithTheCatalogRule() {
    Corpus.Case incident =
        Corpus.starter().stream()
            .filter(c -> c.id().equals("http-cat-001"))
            .findFirst()
            .orElseThrow();
    Verdict v = gate.check(ActionJson.read(incident.json()));
    assertThat(v.decision()).isEqualTo(Decision.DENY);
    assertThat(v.classification().findings())
        .anySatisfy(f -> assertThat(f.ruleId()).contains("volume"));
  }
}
