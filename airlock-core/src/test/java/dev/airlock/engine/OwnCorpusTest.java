package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.testing.Corpus;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of Airlock's own corpus ({@code corpus/*.jsonl}) through the Java API. Cases listed in
 * {@code corpus/known-gaps.txt} are expected to fail; when one starts passing, its test fails until
 * it is removed from the list.
 */
class OwnCorpusTest {

  private final Gate gate = Gate.standard();

  @TestFactory
  Stream<DynamicTest> ownCorpus_everyCaseMeetsItsExpectation() {
    List<Corpus.Case> cases = Corpus.own();
    Set<String> gaps = Corpus.knownGaps();
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.file() + " " + c.id(),
                    () -> {
                      Verdict v = gate.check(ActionJson.read(c.json()));
                      boolean met = c.met(v.decision());
                      if (gaps.contains(c.id())) {
                        assertThat(met)
                            .as(
                                "known gap %s now passes: remove it from corpus/known-gaps.txt",
                                c.id())
                            .isFalse();
                      } else {
                        assertThat(met)
                            .as(
                                "%s expected %s, got %s (%s): %s",
                                c.id(),
                                c.expect(),
                                v.decision().id(),
                                String.join(",", v.ruling().ruleIds()),
                                v.ruling().reason())
                            .isTrue();
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> knownGaps_referToRealCases() {
    Set<String> ids = new java.util.HashSet<>();
    Corpus.own().forEach(c -> ids.add(c.id()));
    return Corpus.knownGaps().stream()
        .map(
            id ->
                DynamicTest.dynamicTest(
                    id,
                    () ->
                        assertThat(ids).as("known gap %s is not a corpus case", id).contains(id)));
  }
}
