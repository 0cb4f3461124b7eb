package dev.airlock.classify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.SqlAction;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import dev.airlock.json.Json;
import dev.airlock.json.JsonReader;
import dev.airlock.policy.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code sql} case of the shared starter corpus through the standard {@link Gate}: an
 * {@code allow} case must be allowed, a {@code hold} case asked or denied.
 */
class SqlCorpusTest {

  private static final Gate GATE = Gate.standard();

  record CorpusCase(String id, String input, Environment env, String expect, String why) {}

  @TestFactory
  Stream<DynamicTest> starterCorpus_sqlCases_reachExpectedDecision() throws Exception {
    List<CorpusCase> cases = load();
    assertThat(cases).as("sql cases in the starter corpus").hasSizeGreaterThanOrEqualTo(30);
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.id() + ": " + c.input(), () -> check(c)));
  }

  private static void check(CorpusCase c) {
    Verdict v = GATE.check(new SqlAction(c.input(), Context.of(c.env())));
    Decision d = v.decision();
    String explain = c.why() + " / got " + d.id() + ": " + v.classification().findings();
    if (c.expect().equals("allow")) {
      assertThat(d).as(explain).isEqualTo(Decision.ALLOW);
    } else {
      assertThat(d.holds()).as(explain).isTrue();
    }
  }

  static List<CorpusCase> load() throws IOException, dev.airlock.json.JsonException {
    String shared = System.getProperty("airlock.shared", "../../shared");
    Path corpus = Path.of(shared, "corpus", "starter.jsonl");
    List<CorpusCase> out = new ArrayList<>();
    JsonReader reader = JsonReader.standard();
    for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Json json = reader.read(line);
      if (!(json instanceof Json.Obj obj) || !"sql".equals(obj.string("kind"))) {
        continue;
      }
      out.add(
          new CorpusCase(
              Objects.requireNonNull(obj.string("id")),
              Objects.requireNonNull(obj.string("input")),
              Environment.parse(obj.string("env")),
              Objects.requireNonNull(obj.string("expect")),
              Objects.requireNonNullElse(obj.string("why"), "")));
    }
    return out;
  }
}
