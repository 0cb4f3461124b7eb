package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.json.JsonLimits;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Huge and deeply nested GraphQL documents and JSON bodies: each is held as unknown with a reason
 * that names the bound it crossed, and the classifier never throws.
 */
class HttpLimitsTest {

  private static final String RAILWAY = "https://backboard.railway.app/graphql/v2";

  static Finding classify(String body, Limits limits) {
    HttpRequest r =
        new HttpRequest(
            "POST", RAILWAY, List.of(Map.entry("Content-Type", "application/json")), body);
    Analysis out = new Analysis(limits, Trace.OFF);
    new HttpClassifier().classify(r, Scope.root("request", Environment.UNKNOWN), out);
    return Objects.requireNonNull(HttpCase.primary(out.findings()));
  }

  static String json(String graphql) {
    StringBuilder sb = new StringBuilder("{\"query\":");
    dev.airlock.json.JsonWriter.quote(graphql, sb);
    return sb.append('}').toString();
  }

  static Stream<Arguments> hostile() {
    String deepMutation =
        "mutation { volumeDelete(volumeId: \"v\") " + "{ a ".repeat(400) + "}".repeat(401);
    StringBuilder tokens = new StringBuilder("mutation { volumeDelete(volumeId: \"v\", x: [");
    tokens.append("1,".repeat(120_000)).append("1]) }");
    StringBuilder ops = new StringBuilder();
    for (int i = 0; i < 1_001; i++) {
      ops.append("mutation m").append(i).append(" { a }\n");
    }
    StringBuilder bomb = new StringBuilder("mutation { ...F0 }\n");
    for (int i = 0; i < 40; i++) {
      bomb.append("fragment F")
          .append(i)
          .append(" on Mutation { ...F")
          .append(i + 1)
          .append(" ...F")
          .append(i + 1)
          .append(" }\n");
    }
    bomb.append("fragment F40 on Mutation { volumeDelete(volumeId: \"v\") }");
    StringBuilder fields = new StringBuilder("mutation {");
    for (int i = 0; i < 1_100; i++) {
      fields.append(" a").append(i).append(": variableUpsert(input: {})");
    }
    fields.append(" }");
    String deepQuery = "query " + "{ a ".repeat(500) + "}".repeat(500);
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 1_001; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"query\":\"{ me { id } }\"}");
    }
    batch.append(']');
    String deepJson =
        "{\"query\":\"{ me { id } }\",\"variables\":{\"a\":"
            + "[".repeat(100)
            + "]".repeat(100)
            + "}}";
    return Stream.of(
        Arguments.of("deeply nested mutation", json(deepMutation), "maxParseDepth"),
        Arguments.of("mutation with too many tokens", json(tokens.toString()), "maxWords"),
        Arguments.of("too many operations", json(ops.toString()), "maxStatements"),
        Arguments.of("fragment bomb", json(bomb.toString()), "max"),
        Arguments.of("too many mutation fields", json(fields.toString()), "maxStatements"),
        Arguments.of("deeply nested query", json(deepQuery), "maxParseDepth"),
        Arguments.of("batch too large", batch.toString(), "maxStatements"),
        Arguments.of("JSON nested too deeply", deepJson, "json.maxDepth"),
        Arguments.of(
            "JSON document too long",
            "{\"query\":\"{ me }\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}",
            "json.max"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostileDocument_isHeldNamingTheLimit(String name, String body, String limit) {
    Finding f = classify(body, Limits.DEFAULT);
    assertThat(f.severity()).as(f.toString()).isEqualTo(Severity.UNKNOWN);
    assertThat(f.ruleId()).isEqualTo("http.graphql.limit");
    assertThat(f.reason()).contains(limit);
  }

  @Test
  void unterminatedNestedBody_isHeldNotThrown() {
    Finding f = classify("{\"query\":\"mutation {" + "{".repeat(50_000), Limits.DEFAULT);
    assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
  }

  @Test
  void smallerLimits_areHonoured() {
    Limits tight = new Limits(10_000, 20, 500, 4, 16, 3, new JsonLimits(10_000, 8, 5_000, 20));
    assertThat(classify(json("mutation { a b c d }"), tight).reason()).contains("maxStatements");
    assertThat(classify(json("mutation { a " + "{ b ".repeat(30) + "}".repeat(31)), tight).reason())
        .contains("maxParseDepth");
    assertThat(
            classify("{\"query\":\"{ a }\",\"v\":" + "[".repeat(10) + "]".repeat(10) + "}", tight)
                .reason())
        .contains("json.maxDepth");
  }

  @Test
  void findingsBeyondTheCap_keepTheWorst() {
    StringBuilder doc = new StringBuilder("mutation {");
    for (int i = 0; i < 300; i++) {
      doc.append(" a").append(i).append(": variableUpsert(input: {})");
    }
    doc.append(" z: volumeDelete(volumeId: \"v\") }");
    Analysis out = new Analysis(Limits.DEFAULT, Trace.OFF);
    new HttpClassifier()
        .classify(
            new HttpRequest("POST", RAILWAY, List.of(), json(doc.toString())),
            Scope.root("request", Environment.UNKNOWN),
            out);
    assertThat(out.truncated()).isTrue();
    assertThat(out.findings()).anyMatch(f -> f.severity() == Severity.CATASTROPHIC);
  }
}
