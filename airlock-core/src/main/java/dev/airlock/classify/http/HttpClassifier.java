package dev.airlock.classify.http;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Access;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.sql.SqlClassifier;
import dev.airlock.json.JsonReader;
import graphql.parser.ParserOptions;
import org.jspecify.annotations.Nullable;

/**
 * Classifies an HTTP request: GraphQL documents are parsed and every mutation field is judged by
 * the provider's catalog (Railway first) or by its name; SQL sent to SQL-over-HTTP APIs goes to the
 * SQL classifier; everything else is judged by method and path against the REST catalog and the
 * generic rules. The environment comes from the host, path, query and key mode, combined with what
 * was declared. Total: any request yields findings, never an exception.
 */
public final class HttpClassifier {

  /** Readers and parser options built for one set of limits. */
  private record Tools(Limits limits, JsonReader json, ParserOptions graphql) {}

  private final SqlClassifier sql = new SqlClassifier();
  private volatile @Nullable Tools tools;

  public HttpClassifier() {}

  /** Adds the findings for one request to the analysis. */
  public void classify(HttpRequest request, Scope scope, Analysis out) {
    Scope urlScope = scope.field("url");
    try {
      run(request, scope, urlScope, out);
    } catch (LimitExceededException e) {
      unknown(urlScope, request, "http.limit", e.getMessage() + "; held", out);
    } catch (RuntimeException | StackOverflowError e) {
      unknown(
          urlScope,
          request,
          "http.internal-error",
          "the HTTP classifier failed on this request (" + e.getClass().getSimpleName() + "); held",
          out);
    }
  }

  private void run(HttpRequest request, Scope scope, Scope urlScope, Analysis out) {
    Tools t = tools(out.limits());
    Url url = Url.parse(request.url());
    String method = RestClassifier.effectiveMethod(url, request);
    Environment env = HttpEnvironment.of(url, request);
    if (out.trace().enabled()) {
      Emit.note(
          out,
          "http: "
              + method
              + " "
              + url.safeText()
              + (env == Environment.UNKNOWN ? "" : " (the request names " + env.id() + ")"));
    }
    boolean urlDynamic = request.isDynamic(HttpRequest.Part.URL);
    if (url.problem() != null) {
      unknown(
          urlScope,
          request,
          urlDynamic ? "http.url.dynamic" : "http.url.malformed",
          urlDynamic
              ? "the URL is not known until the command runs (" + url.problem() + "); held"
              : "the URL cannot be read: " + url.problem() + "; held",
          out);
      return;
    }
    if (request.isDynamic(HttpRequest.Part.METHOD)) {
      unknown(
          urlScope,
          request,
          "http.method.dynamic",
          "the HTTP method (or what the client does) is not known until the command runs; held",
          out);
      return;
    }
    switch (GraphqlRequests.find(url, request, t.json(), out.limits())) {
      case GraphqlRequests.Calls(var calls) -> {
        GraphqlClassifier.classify(calls, url, scope, env, t.graphql(), out);
        return;
      }
      case GraphqlRequests.Unreadable u -> {
        boolean onUrl = u.field().equals("url") || request.body().isBlank();
        Emit.finding(
            scope.field(onUrl ? "url" : "body"),
            Judgment.unknown(
                u.limit() != null ? "http.graphql.limit" : "http.graphql.unreadable",
                programOf(url),
                RestClassifier.resource(url),
                u.reason() + "; held because the GraphQL operation cannot be read"),
            env,
            0,
            onUrl ? request.url().length() : request.body().length(),
            onUrl ? method + " " + url.safeText() : head(request.body()),
            out);
        return;
      }
      case GraphqlRequests.NotGraphql n -> {}
    }
    SqlEndpoints.Found found = SqlEndpoints.find(url, request, method, t.json());
    if (found != null) {
      sqlOverHttp(found, url, request, scope, env, out);
      return;
    }
    Judgment j = RestClassifier.judge(url, request, method, t.json());
    if (urlDynamic && j.severity() == Severity.SAFE && j.access() == Access.WRITE) {
      j =
          j.withSeverity(
              Severity.UNKNOWN,
              j.reason() + ", but parts of the URL are known only when the command runs; held");
    }
    Emit.finding(urlScope, j, env, 0, request.url().length(), method + " " + url.safeText(), out);
  }

  private void sqlOverHttp(
      SqlEndpoints.Found found,
      Url url,
      HttpRequest request,
      Scope scope,
      Environment env,
      Analysis out) {
    Scope body = scope.field("body").detected(env);
    if (found.problem() != null) {
      Emit.finding(
          body,
          Judgment.unknown(
              "http.sql.unreadable",
              found.api(),
              RestClassifier.resource(url),
              found.api() + " runs SQL from the body, and " + found.problem() + "; held"),
          env,
          0,
          request.body().length(),
          head(request.body()),
          out);
      return;
    }
    for (SqlEndpoints.Sql s : found.statements()) {
      if (out.trace().enabled()) {
        Emit.note(
            out, "http: " + found.api() + " runs SQL from the body: handed to the SQL classifier");
      }
      Scope nested =
          body.nested(out.limits(), s.start(), s.end(), s.verbatim() ? s.start() : -1)
              .through(found.api());
      sql.classify(s.text(), nested, out);
    }
  }

  private static String programOf(Url url) {
    GraphqlCatalog.Provider p = GraphqlCatalog.of(url);
    return p != null ? p.program() : GraphqlCatalog.program(url);
  }

  private static void unknown(
      Scope urlScope, HttpRequest request, String rule, String reason, Analysis out) {
    Url url = Url.parse(request.url());
    urlScope
        .finding(Kind.HTTP, rule)
        .program("http")
        .verb("unknown")
        .resource(url.problem() == null ? RestClassifier.resource(url) : "")
        .severity(Severity.UNKNOWN)
        .reason(reason)
        .evidence(0, request.url().length(), request.normalizedMethod() + " " + url.safeText())
        .addTo(out);
  }

  private static String head(String body) {
    String s = body.strip();
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }

  private Tools tools(Limits limits) {
    Tools t = tools;
    if (t == null || !t.limits().equals(limits)) {
      t = new Tools(limits, new JsonReader(limits.json()), GraphqlDocument.options(limits));
      tools = t;
    }
    return t;
  }
}
