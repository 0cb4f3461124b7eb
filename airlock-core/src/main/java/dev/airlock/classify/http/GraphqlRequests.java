package dev.airlock.classify.http;

import dev.airlock.classify.Limits;
import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Finds the GraphQL documents a request carries, in every form servers accept: a JSON body {@code
 * {"query", "variables", "operationName"}}, a batched JSON array of those, a raw {@code
 * application/graphql} body, {@code ?query=} on the URL (URL-decoded), a form-encoded body and the
 * {@code operations} part of a multipart upload. A request counts as GraphQL when its path is a
 * GraphQL endpoint ({@code /graphql}, {@code /graphql/v2}, {@code /gql}, {@code graphql.json}) or
 * when it carries text that starts like a GraphQL document where a document would be.
 */
final class GraphqlRequests {

  /** One document, its variables and where its text came from. */
  record Call(
      String document,
      Json.@Nullable Obj variables,
      @Nullable String operationName,
      String field,
      SourceMap map,
      boolean dynamic) {}

  /**
   * What the request holds: nothing GraphQL, documents, or a GraphQL request that can't be read.
   */
  sealed interface Found {}

  record NotGraphql() implements Found {}

  record Calls(List<Call> calls) implements Found {}

  /**
   * A GraphQL request whose document cannot be read; {@code limit} names a bound if one was hit.
   */
  record Unreadable(String field, String reason, @Nullable String limit) implements Found {}

  private static final NotGraphql NONE = new NotGraphql();

  private GraphqlRequests() {}

  static boolean isEndpoint(Url url) {
    List<String> s = url.segments();
    if (s.isEmpty()) {
      return false;
    }
    String last = s.get(s.size() - 1).toLowerCase(Locale.ROOT);
    if (last.equals("graphql") || last.equals("gql") || last.equals("graphql.json")) {
      return true;
    }
    if (s.size() >= 2 && isVersion(last)) {
      String prev = s.get(s.size() - 2).toLowerCase(Locale.ROOT);
      return prev.equals("graphql") || prev.equals("gql");
    }
    return false;
  }

  private static boolean isVersion(String s) {
    if (s.length() < 2 || s.charAt(0) != 'v') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static Found find(Url url, HttpRequest req, JsonReader json, Limits limits) {
    boolean endpoint = isEndpoint(url);
    String body = req.body();
    boolean bodyDynamic = req.isDynamic(HttpRequest.Part.BODY);
    String ct = contentType(req);
    String trimmed = body.strip();
    if (ct.equals("application/graphql")) {
      return new Calls(
          List.of(new Call(body, null, null, "body", SourceMap.verbatim(0), bodyDynamic)));
    }
    if (!trimmed.isEmpty()
        && (ct.contains("json") || trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[')) {
      return fromJson(body, endpoint, bodyDynamic, json, limits);
    }
    if (!trimmed.isEmpty() && ct.startsWith("multipart/")) {
      return fromMultipart(body, endpoint, bodyDynamic, json, limits);
    }
    if (!trimmed.isEmpty() && (ct.equals("application/x-www-form-urlencoded") || ct.isEmpty())) {
      int[] span = Url.formSpan(body, "query");
      if (span != null) {
        String doc = Url.decode(body.substring(span[0], span[1]), true);
        if (endpoint || GraphqlText.looksLikeDocument(doc)) {
          return withVariables(
              doc,
              Url.formValue(body, "variables"),
              Url.formValue(body, "operationName"),
              "body",
              SourceMap.whole(span[0], span[1]),
              bodyDynamic,
              json);
        }
      }
    }
    String q = url.query().isEmpty() ? null : url.param("query");
    if (q != null && (endpoint || GraphqlText.looksLikeDocument(q))) {
      int[] span = url.paramSpan("query");
      return withVariables(
          q,
          url.param("variables"),
          url.param("operationName"),
          "url",
          span == null ? SourceMap.whole(0, url.raw().length()) : SourceMap.whole(span[0], span[1]),
          req.isDynamic(HttpRequest.Part.URL),
          json);
    }
    if (!endpoint) {
      return NONE;
    }
    if (trimmed.isEmpty()) {
      return bodyDynamic
          ? new Unreadable(
              "body",
              "the GraphQL request's body is not on the command line (a file or input)",
              null)
          : NONE;
    }
    if (GraphqlText.looksLikeDocument(body)) {
      return new Calls(
          List.of(new Call(body, null, null, "body", SourceMap.verbatim(0), bodyDynamic)));
    }
    return new Unreadable(
        "body",
        "the body sent to the GraphQL endpoint is neither JSON nor a GraphQL document",
        null);
  }

  private static Found fromJson(
      String body, boolean endpoint, boolean dynamic, JsonReader reader, Limits limits) {
    if (!endpoint && !body.contains("\"query\"")) {
      return NONE;
    }
    Json root;
    try {
      root = reader.read(body);
    } catch (JsonException e) {
      return unreadable(e);
    }
    List<int @Nullable []> spans = JsonSpans.queryLiterals(body);
    List<Call> calls = new ArrayList<>();
    if (root instanceof Json.Obj o) {
      Found f = fromObject(o, 0, spans, body, endpoint, dynamic, reader, calls);
      return f != null ? f : calls.isEmpty() ? NONE : new Calls(calls);
    }
    if (root instanceof Json.Arr a && !a.items().isEmpty()) {
      if (a.items().size() > limits.maxStatements()) {
        return new Unreadable(
            "body",
            Limits.exceeded("maxStatements", a.items().size(), limits.maxStatements())
                + ": too many operations in one batched GraphQL request",
            "maxStatements");
      }
      for (int i = 0; i < a.items().size(); i++) {
        if (!(a.items().get(i) instanceof Json.Obj o)) {
          if (!endpoint) {
            return NONE;
          }
          return new Unreadable(
              "body", "item " + (i + 1) + " of the batched GraphQL request is not an object", null);
        }
        Found f = fromObject(o, i, spans, body, endpoint, dynamic, reader, calls);
        if (f != null) {
          return f;
        }
      }
      return calls.isEmpty() ? NONE : new Calls(calls);
    }
    return endpoint
        ? new Unreadable("body", "the JSON body sent to the GraphQL endpoint holds no query", null)
        : NONE;
  }

  private static @Nullable Found fromObject(
      Json.Obj o,
      int index,
      List<int @Nullable []> spans,
      String body,
      boolean endpoint,
      boolean dynamic,
      JsonReader reader,
      List<Call> calls) {
    Json q = o.get("query");
    if (q instanceof Json.Str(String doc)) {
      if (!endpoint && !GraphqlText.looksLikeDocument(doc)) {
        return calls.isEmpty() ? NONE : null;
      }
      int @Nullable [] span = index < spans.size() ? spans.get(index) : null;
      SourceMap map =
          span == null
              ? SourceMap.whole(0, body.length())
              : SourceMap.jsonString(body, span[0], span[1]);
      Json vars = o.get("variables");
      Found f =
          withVariables(
              doc,
              vars instanceof Json.Str(String s) ? s : null,
              o.string("operationName"),
              "body",
              map,
              dynamic,
              reader);
      if (f instanceof Calls(List<Call> c)) {
        Call call = c.get(0);
        calls.add(
            vars instanceof Json.Obj vo
                ? new Call(call.document(), vo, call.operationName(), "body", map, dynamic)
                : call);
        return null;
      }
      return f;
    }
    if (!endpoint) {
      return calls.isEmpty() ? NONE : null;
    }
    if ((o.get("extensions") instanceof Json.Obj ext && ext.get("persistedQuery") != null)
        || o.get("id") != null
        || o.get("documentId") != null) {
      return new Unreadable(
          "body",
          "a persisted GraphQL query: the document is stored on the server and not in the request",
          null);
    }
    return new Unreadable(
        "body", "the JSON body sent to the GraphQL endpoint holds no query", null);
  }

  private static Found fromMultipart(
      String body, boolean endpoint, boolean dynamic, JsonReader reader, Limits limits) {
    int name = body.indexOf("name=\"operations\"");
    if (name < 0) {
      return endpoint
          ? new Unreadable(
              "body", "the multipart GraphQL upload has no operations part to read", null)
          : NONE;
    }
    int start = body.indexOf("\r\n\r\n", name);
    int skip = 4;
    if (start < 0) {
      start = body.indexOf("\n\n", name);
      skip = 2;
    }
    if (start < 0) {
      return new Unreadable("body", "the multipart operations part has no content", null);
    }
    start += skip;
    int end = body.indexOf("\n--", start);
    String part = (end < 0 ? body.substring(start) : body.substring(start, end)).strip();
    Found f = fromJson(part, true, dynamic, reader, limits);
    if (f instanceof Calls(List<Call> calls)) {
      List<Call> mapped = new ArrayList<>(calls.size());
      for (Call c : calls) {
        mapped.add(
            new Call(
                c.document(),
                c.variables(),
                c.operationName(),
                "body",
                SourceMap.whole(start, end < 0 ? body.length() : end),
                dynamic));
      }
      return new Calls(mapped);
    }
    return f;
  }

  private static Found withVariables(
      String doc,
      @Nullable String variables,
      @Nullable String operationName,
      String field,
      SourceMap map,
      boolean dynamic,
      JsonReader reader) {
    Json.Obj vars = null;
    if (variables != null && !variables.isBlank() && !variables.strip().equals("null")) {
      try {
        if (reader.read(variables) instanceof Json.Obj o) {
          vars = o;
        }
      } catch (JsonException e) {
        return unreadable(e);
      }
    }
    return new Calls(List.of(new Call(doc, vars, operationName, field, map, dynamic)));
  }

  private static Unreadable unreadable(JsonException e) {
    String m = String.valueOf(e.getMessage());
    String limit = null;
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("limit") || lower.contains("exceeds")) {
      if (lower.contains("depth")) {
        limit = "json.maxDepth";
      } else if (lower.contains("string")) {
        limit = "json.maxStringChars";
      } else if (lower.contains("number")) {
        limit = "json.maxNumberChars";
      } else {
        limit = "json.maxDocumentChars";
      }
    }
    String reason =
        limit != null
            ? "the body exceeds limit " + limit + " (" + m + ")"
            : "the body sent as GraphQL is not valid JSON (" + m + ")";
    return new Unreadable("body", reason, limit);
  }

  static String contentType(HttpRequest req) {
    String ct = req.header("Content-Type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }
}
