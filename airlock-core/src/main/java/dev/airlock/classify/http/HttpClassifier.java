package dev.airlock.classify.http;

import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;

/** Classifies an HTTP request. (Placeholder: holds everything until the HTTP classifier lands.) */
public final class HttpClassifier {

  /** Adds the findings for one request to the analysis. */
  public void classify(HttpRequest request, Scope scope, Analysis out) {
    Scope url = scope.field("url");
    url.finding(Kind.HTTP, "http.not-understood")
        .program("http")
        .severity(Severity.UNKNOWN)
        .reason("the HTTP classifier is not built yet")
        .evidence(0, request.url().length(), request.url())
        .addTo(out);
  }
}
