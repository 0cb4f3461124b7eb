package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Trace;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the GraphQL and JSON body path: whatever the body, content type, URL and method, the
 * classifier returns findings, throws nothing, and points evidence inside the field it names. Runs
 * the seeds under {@code GraphqlBodyFuzzTestInputs} as a regression test; {@code JAZZER_FUZZ=1}
 * fuzzes for real.
 */
class GraphqlBodyFuzzTest {

  private static final HttpClassifier HTTP = new HttpClassifier();

  private static final String[] CONTENT_TYPES = {
    "application/json", "application/graphql", "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=b", "text/plain", ""
  };

  private static final String[] URLS = {
    "https://backboard.railway.app/graphql/v2",
    "https://api.github.com/graphql",
    "https://api.example.com/v1/items",
    "https://hasura.acme.dev/v1/graphql"
  };

  @FuzzTest(maxDuration = "30s")
  void graphqlBody_neverThrowsAndEvidenceStaysInItsField(FuzzedDataProvider data) {
    String contentType = data.pickValue(CONTENT_TYPES);
    String url = data.pickValue(URLS);
    boolean get = data.consumeBoolean();
    String body = data.consumeRemainingAsString();
    HttpRequest request =
        get
            ? new HttpRequest(
                "GET", url + "?query=" + HttpClientArgs.urlEncode(body), List.of(), "")
            : new HttpRequest("POST", url, List.of(Map.entry("Content-Type", contentType)), body);
    Analysis out = new Analysis(Limits.DEFAULT, Trace.recording());
    HTTP.classify(request, Scope.root("request", Environment.UNKNOWN), out);
    List<Finding> findings = out.findings();
    assertThat(findings).isNotEmpty();
    for (Finding f : findings) {
      int length =
          switch (f.evidence().source()) {
            case "url" -> request.url().length();
            case "body" -> request.body().length();
            default -> Integer.MAX_VALUE;
          };
      assertThat(f.evidence().end()).as(f.toString()).isLessThanOrEqualTo(length);
      assertThat(f.reason()).isNotBlank();
    }
  }
}
