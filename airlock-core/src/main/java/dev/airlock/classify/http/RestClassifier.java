package dev.airlock.classify.http;

import dev.airlock.classify.Severity;
import dev.airlock.json.JsonReader;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Judges a request that carries no GraphQL: object stores, AWS service actions, the REST catalog,
 * then the generic rules. Generic: {@code DELETE} destroys (a whole project, database, volume, app,
 * cluster or bucket when the path names one); {@code POST}, {@code PUT} and {@code PATCH} to a
 * destroying action ({@code /destroy}, {@code /purge}, {@code :delete}) destroy too; other writes
 * change data safely; {@code GET}, {@code HEAD} and {@code OPTIONS} read.
 */
final class RestClassifier {

  private RestClassifier() {}

  static Judgment judge(Url url, HttpRequest req, String method, JsonReader reader) {
    ObjectStores.Location loc = ObjectStores.locate(url, req);
    if (loc != null) {
      return ObjectStores.judge(loc, url, req, method);
    }
    if (url.host().endsWith(".amazonaws.com")) {
      Judgment aws = aws(url, req);
      if (aws != null) {
        return aws;
      }
    }
    Judgment known = RestCatalog.judge(url, req, method, reader);
    if (known != null) {
      return known;
    }
    return generic(url, method);
  }

  /** The method a request really uses: an override header or {@code _method} wins on POST. */
  static String effectiveMethod(Url url, HttpRequest req) {
    String m = req.normalizedMethod();
    if (!m.equals("POST")) {
      return m;
    }
    for (String h : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
      String v = req.header(h);
      if (v != null && !v.isBlank()) {
        return v.strip().toUpperCase(Locale.ROOT);
      }
    }
    String p = url.query().isEmpty() ? null : url.param("_method");
    return p == null || p.isBlank() ? m : p.strip().toUpperCase(Locale.ROOT);
  }

  static Judgment generic(Url url, String method) {
    String resource = resource(url);
    List<String> segs = url.segments();
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "REPORT", "SEARCH" ->
          Judgment.read("http.rest.read", "http", resource, method + " only reads");
      case "DELETE" -> {
        String wide = wideTarget(segs);
        yield Judgment.of(
            "http.rest.delete",
            "http",
            "delete",
            resource,
            wide.isEmpty() ? Severity.DESTRUCTIVE : Severity.CATASTROPHIC,
            "DELETE removes what the URL names"
                + (wide.isEmpty() ? "" : ": a whole " + wide + ", which cannot be brought back"));
      }
      case "POST", "PUT", "PATCH" -> {
        String last = segs.isEmpty() ? "" : segs.get(segs.size() - 1);
        List<String> words = Verbs.words(last);
        String verb = words.size() <= 3 ? action(words) : null;
        if (verb != null) {
          String object = objectBefore(segs);
          boolean wide = !object.isEmpty() && annihilating(verb);
          yield Judgment.of(
              "http.rest.action." + verb,
              "http",
              verb,
              resource,
              wide ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
              method
                  + " to a /"
                  + last
                  + " action "
                  + verb
                  + (object.isEmpty() ? "s what the URL names" : "s a whole " + object)
                  + (wide ? ", which cannot be brought back" : ""));
        }
        yield Judgment.write(
            "http.rest.write", "http", resource, method + " changes data; nothing says it deletes");
      }
      case "PURGE" ->
          Judgment.write(
              "http.rest.cache-purge",
              "http",
              resource,
              "PURGE drops a cached copy; it is fetched again from the origin");
      case "COPY", "MKCOL", "LOCK", "UNLOCK", "PROPPATCH", "LINK" ->
          Judgment.write("http.rest.write", "http", resource, method + " changes data");
      case "MOVE", "UNLINK" ->
          Judgment.of(
              "http.rest.delete",
              "http",
              method.toLowerCase(Locale.ROOT),
              resource,
              Severity.DESTRUCTIVE,
              method + " removes or overwrites what the URL names");
      case "CONNECT" ->
          Judgment.unknown(
              "http.rest.connect",
              "http",
              resource,
              "CONNECT opens a tunnel; what goes through it cannot be seen");
      default ->
          Judgment.unknown(
              "http.rest.method-unknown",
              "http",
              resource,
              "method " + (method.isEmpty() ? "(empty)" : method) + " is not one Airlock knows");
    };
  }

  private static @Nullable String action(List<String> words) {
    for (String w : words) {
      String v = Verbs.destroying(w);
      if (v != null && !v.equals("archive") && !v.equals("clear") && !v.equals("flush")) {
        return v;
      }
    }
    return null;
  }

  private static boolean annihilating(String verb) {
    return switch (verb) {
      case "delete", "destroy", "purge", "drop", "wipe", "erase", "truncate", "terminate" -> true;
      default -> false;
    };
  }

  /** The wide object a DELETE names: the last segment or the collection before an id. */
  private static String wideTarget(List<String> segs) {
    for (int i = segs.size() - 1; i >= 0 && i >= segs.size() - 2; i--) {
      if (Verbs.isWide(segs.get(i))) {
        return Verbs.singular(segs.get(i).toLowerCase(Locale.ROOT));
      }
    }
    return "";
  }

  /** The wide collection named before the action segment ({@code apps} in /apps/{id}/destroy). */
  private static String objectBefore(List<String> segs) {
    for (int i = segs.size() - 2; i >= 0 && i >= segs.size() - 3; i--) {
      if (Verbs.isWide(segs.get(i))) {
        return Verbs.singular(segs.get(i).toLowerCase(Locale.ROOT));
      }
    }
    return "";
  }

  /** An AWS service call judged by its action ({@code X-Amz-Target} or {@code Action=}). */
  private static @Nullable Judgment aws(Url url, HttpRequest req) {
    String action = null;
    String target = req.header("X-Amz-Target");
    if (target != null) {
      int dot = target.lastIndexOf('.');
      action = target.substring(dot + 1).strip();
    } else if (url.param("Action") != null) {
      action = url.param("Action");
    } else if (req.body().contains("Action=")) {
      action = Url.formValue(req.body(), "Action");
    }
    if (action == null || action.isEmpty()) {
      return null;
    }
    String service = labelBefore(url.host());
    String resource = service + " " + action;
    List<String> words = Verbs.words(action);
    String first = words.isEmpty() ? "" : words.get(0);
    if (first.equals("describe") || first.equals("list") || first.equals("get")) {
      return Judgment.read(
          "http.rest.aws.read", "aws-api", resource, "AWS " + action + " only reads");
    }
    Verbs.Meaning m = Verbs.of(words);
    if (m == null) {
      return Judgment.write(
          "http.rest.aws.write", "aws-api", resource, "AWS " + action + " changes a resource");
    }
    return Judgment.of(
        "http.rest.aws." + m.verb(),
        "aws-api",
        m.verb(),
        resource,
        m.severity(),
        "AWS "
            + service
            + " "
            + action
            + (m.severity() == Severity.CATASTROPHIC
                ? " destroys a whole " + m.object() + ", which cannot be brought back"
                : " " + m.verb() + "s a resource"));
  }

  private static String labelBefore(String host) {
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }

  /** Host and path for a resource name: no credentials, no query. */
  static String resource(Url url) {
    String s = url.host() + (url.path().equals("/") ? "" : url.path());
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
