package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Evidence;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Trace;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Evidence points at the mutation field in the raw request, and the trace tells the story. */
class GraphqlEvidenceTest {

  private static final String RAILWAY = "https://backboard.railway.app/graphql/v2";

  private static Analysis run(HttpRequest r, Trace trace) {
    Analysis out = new Analysis(Limits.DEFAULT, trace);
    new HttpClassifier().classify(r, Scope.root("request", Environment.STAGING), out);
    return out;
  }

  private static Evidence evidence(HttpRequest r) {
    return Objects.requireNonNull(HttpCase.primary(run(r, Trace.OFF).findings())).evidence();
  }

  @Test
  void jsonEscapedField_spanCoversTheRawCharacters() {
    String body = "{\"query\":\"mutation {\\n  volumeDelete(volumeId: \\\"3a4b\\\")\\n}\"}";
    Evidence e = evidence(new HttpRequest("POST", RAILWAY, List.of(), body));
    assertThat(e.source()).isEqualTo("body");
    assertThat(body.substring(e.start(), e.end()))
        .isEqualTo("volumeDelete(volumeId: \\\"3a4b\\\")");
    assertThat(e.text()).isEqualTo("volumeDelete(volumeId: \"3a4b\")");
  }

  @Test
  void unicodeEscapes_stillLandOnTheField() {
    String body = "{\"query\":\"\\u006dutation { a: volumeDelete(volumeId: \\\"v\\\") }\"}";
    Evidence e = evidence(new HttpRequest("POST", RAILWAY, List.of(), body));
    assertThat(body.substring(e.start(), e.end()))
        .isEqualTo("a: volumeDelete(volumeId: \\\"v\\\")");
  }

  @Test
  void rawDocument_spanIsVerbatim() {
    String doc = "# cleanup\nmutation Tidy {\n  x: volumeDelete ( volumeId : \"v\" ) { ok }\n}";
    Evidence e =
        evidence(
            new HttpRequest(
                "POST", RAILWAY, List.of(Map.entry("Content-Type", "application/graphql")), doc));
    assertThat(doc.substring(e.start(), e.end())).isEqualTo("x: volumeDelete ( volumeId : \"v\" )");
  }

  @Test
  void urlQuery_evidenceIsTheParameter() {
    String url = RAILWAY + "?query=mutation%7BvolumeDelete(volumeId%3A%22v%22)%7D&x=1";
    Evidence e = evidence(new HttpRequest("GET", url, List.of(), ""));
    assertThat(e.source()).isEqualTo("url");
    assertThat(url.substring(e.start(), e.end()))
        .isEqualTo("mutation%7BvolumeDelete(volumeId%3A%22v%22)%7D");
  }

  @Test
  void trace_namesEndpointOperationsFieldsAndRules() {
    Trace.Recording trace = Trace.recording();
    run(
        new HttpRequest(
            "POST",
            RAILWAY,
            List.of(),
            "{\"query\":\"query A { me { id } } mutation B { volumeDelete(volumeId: \\\"v\\\") }\","
                + "\"operationName\":\"A\"}"),
        trace);
    String all = String.join("\n", trace.lines());
    assertThat(all)
        .contains("GraphQL request to backboard.railway.app (catalog railway)")
        .contains("2 operation(s), 1 mutation field(s)")
        .contains("operationName A (every operation is judged)")
        .contains("mutation field volumeDelete(volumeId: \"v\") judged by catalog railway")
        .contains("http.graphql.railway.volume-delete -> catastrophic");
  }

  @Test
  void traceOff_recordsNothingAndStillFinds() {
    Trace off = Trace.OFF;
    List<Finding> f =
        run(new HttpRequest("DELETE", "https://api.github.com/repos/a/b", List.of(), ""), off)
            .findings();
    assertThat(f).extracting(Finding::ruleId).containsExactly("http.rest.github.repo-delete");
  }
}
