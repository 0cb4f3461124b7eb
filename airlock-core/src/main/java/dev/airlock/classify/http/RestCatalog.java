package dev.airlock.classify.http;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * REST APIs Airlock knows by host: each provider's rules match a method and a path template and say
 * what the call does to what. Rules that depend on the body read it through {@link Request}. The
 * providers themselves are listed in {@link RestProviders} and {@link RestInfraProviders}.
 */
final class RestCatalog {

  /** The request as rules see it: method, path segments after the provider's prefix, body. */
  static final class Request {
    final Url url;
    final HttpRequest http;
    final String method;
    final List<String> segments;
    private final JsonReader reader;
    private @Nullable Json json;
    private @Nullable String problem;
    private boolean read;

    Request(Url url, HttpRequest http, String method, List<String> segments, JsonReader reader) {
      this.url = url;
      this.http = http;
      this.method = method;
      this.segments = segments;
      this.reader = reader;
    }

    /** The body as JSON, or null if empty, unreadable or dynamic (see {@link #problem()}). */
    @Nullable Json json() {
      if (!read) {
        read = true;
        if (http.isDynamic(HttpRequest.Part.BODY)) {
          problem = "the body is not on the command line (a file, input or expansion)";
        } else if (!http.body().isBlank()) {
          try {
            json = reader.read(http.body());
          } catch (JsonException e) {
            problem = "the body is not readable JSON (" + e.getMessage() + ")";
          }
        }
      }
      return json;
    }

    /** Why the body could not be read, or null. */
    @Nullable String problem() {
      json();
      return problem;
    }

    /** A top-level member of a JSON object body, or null. */
    @Nullable Json member(String name) {
      return json() instanceof Json.Obj o ? o.get(name) : null;
    }
  }

  /** Refines a rule's judgment from captures and the request; never returns null. */
  interface Refine {
    Judgment apply(Judgment base, Map<String, String> captures, Request req);
  }

  /** One rule: methods ({@code DELETE}, {@code PUT|PATCH}), path, and what it means. */
  record Rule(
      Set<String> methods,
      PathPattern path,
      String rule,
      Severity severity,
      String verb,
      String resource,
      String reason,
      @Nullable String envCapture,
      @Nullable Refine refine) {

    boolean allows(String method) {
      return methods.contains("*") || methods.contains(method);
    }

    Rule env(String capture) {
      return new Rule(methods, path, rule, severity, verb, resource, reason, capture, refine);
    }

    Rule refine(Refine r) {
      return new Rule(methods, path, rule, severity, verb, resource, reason, envCapture, r);
    }
  }

  /** A REST API: which hosts, which path prefix to drop, and its rules in order. */
  record Provider(
      String id, String program, Predicate<Url> hosts, String prefix, List<Rule> rules) {}

  private RestCatalog() {}

  static Rule rule(
      String methods,
      String path,
      String rule,
      Severity severity,
      String verb,
      String resource,
      String reason) {
    Set<String> m = new HashSet<>(2);
    int i = 0;
    while (i <= methods.length()) {
      int bar = methods.indexOf('|', i);
      int e = bar < 0 ? methods.length() : bar;
      m.add(methods.substring(i, e));
      i = e + 1;
    }
    return new Rule(
        Set.copyOf(m), PathPattern.of(path), rule, severity, verb, resource, reason, null, null);
  }

  /** The judgment of the first matching rule of the first provider that owns the host. */
  static @Nullable Judgment judge(Url url, HttpRequest http, String method, JsonReader reader) {
    for (Provider p : RestProviders.ALL) {
      if (!p.hosts().test(url)) {
        continue;
      }
      List<String> segs = strip(url.segments(), p.prefix());
      Request req = new Request(url, http, method, segs, reader);
      for (Rule r : p.rules()) {
        if (!r.allows(method)) {
          continue;
        }
        Map<String, String> captures = r.path().match(segs);
        if (captures != null) {
          return apply(p, r, captures, req);
        }
      }
      return null;
    }
    return null;
  }

  private static Judgment apply(Provider p, Rule r, Map<String, String> captures, Request req) {
    Environment env = Environment.UNKNOWN;
    if (r.envCapture() != null) {
      String v = captures.get(r.envCapture());
      if (v != null) {
        env = EnvironmentMarkers.of(v).combine(HttpEnvironment.segment(v));
      }
    }
    Judgment j =
        new Judgment(
            "http.rest." + p.id() + "." + r.rule(),
            p.program(),
            r.verb(),
            fill(r.resource(), captures),
            r.severity(),
            r.severity() == Severity.SAFE && r.verb().equals("read") ? Access.READ : Access.WRITE,
            env,
            req.method + " " + fill(r.reason(), captures));
    return r.refine() == null ? j : r.refine().apply(j, captures, req);
  }

  /** A judgment for a rule whose meaning depends on a body that cannot be read. */
  static Judgment unreadable(Judgment base, Request req, String what) {
    return new Judgment(
        base.ruleId(),
        base.program(),
        base.verb(),
        base.resource(),
        Severity.UNKNOWN,
        Access.WRITE,
        base.environment(),
        base.reason() + "; " + what + " depends on the body, and " + req.problem());
  }

  static String fill(String template, Map<String, String> captures) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        sb.append(template, i, template.length());
        break;
      }
      sb.append(template, i, open);
      String v = captures.get(template.substring(open + 1, close));
      String value = v == null ? "?" : v;
      sb.append(value.length() > 200 ? value.substring(0, 200) + "..." : value);
      i = close + 1;
    }
    return sb.toString();
  }

  private static List<String> strip(List<String> segs, String prefix) {
    if (prefix.isEmpty()) {
      return segs;
    }
    int k = 0;
    int i = 0;
    while (i < prefix.length()) {
      int slash = prefix.indexOf('/', i);
      int e = slash < 0 ? prefix.length() : slash;
      if (e > i) {
        if (k >= segs.size() || !segs.get(k).equalsIgnoreCase(prefix.substring(i, e))) {
          return segs;
        }
        k++;
      }
      i = e + 1;
    }
    return segs.subList(k, segs.size());
  }
}
