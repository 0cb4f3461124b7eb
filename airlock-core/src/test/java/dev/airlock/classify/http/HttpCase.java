package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Classification;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Trace;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.rules.HttpClientRules;
import dev.airlock.engine.ActionClassifier;
import dev.airlock.json.Json;
import dev.airlock.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One data-driven HTTP case from a YAML file under {@code src/test/resources/dev/airlock/classify/
 * http}: a request (method, url, headers, body, or a GraphQL document to wrap in a JSON body) or an
 * HTTP client argv, the declared environment, and what the classification must say.
 */
record HttpCase(String file, Map<String, Object> data) {

  static List<HttpCase> load(String resource) {
    try (InputStream in = HttpCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      Object doc =
          new Load(LoadSettings.builder().build())
              .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<HttpCase> out = new ArrayList<>();
      for (Object o : (List<?>) doc) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) o;
        out.add(new HttpCase(resource, m));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String id() {
    return String.valueOf(data.get("id"));
  }

  private @Nullable String str(String key) {
    Object v = data.get(key);
    return v == null ? null : String.valueOf(v);
  }

  Environment env() {
    return Environment.parse(str("env"));
  }

  /** The findings and environment of the case, with the trace lines written on the way. */
  record Outcome(List<Finding> findings, Environment environment, List<String> trace) {}

  Outcome run() {
    if (data.containsKey("argv")) {
      return runArgv();
    }
    Trace.Recording trace = Trace.recording();
    Classification c = new ActionClassifier(Limits.DEFAULT).classify(action(), trace);
    return new Outcome(c.findings(), c.environment(), c.trace());
  }

  HttpAction action() {
    String body = str("body");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (data.get("headers") instanceof Map<?, ?> h) {
      h.forEach((k, v) -> headers.add(Map.entry(String.valueOf(k), String.valueOf(v))));
    }
    if (data.containsKey("graphql")) {
      LinkedHashMap<String, Json> members = new LinkedHashMap<>();
      members.put("query", Json.of(String.valueOf(data.get("graphql"))));
      if (data.get("variables") != null) {
        members.put("variables", toJson(data.get("variables")));
      }
      if (data.get("operationName") != null) {
        members.put("operationName", Json.of(String.valueOf(data.get("operationName"))));
      }
      body = JsonWriter.write(new Json.Obj(members));
      if (headers.isEmpty()) {
        headers.add(Map.entry("Content-Type", "application/json"));
      }
    }
    String method = str("method");
    if (method == null) {
      method = body == null || body.isEmpty() ? "GET" : "POST";
    }
    return new HttpAction(
        method, String.valueOf(str("url")), headers, body == null ? "" : body, Context.of(env()));
  }

  private Outcome runArgv() {
    List<?> argv = (List<?>) Objects.requireNonNull(data.get("argv"));
    List<Integer> dynamic = new ArrayList<>();
    if (data.get("dynamic") instanceof List<?> d) {
      d.forEach(x -> dynamic.add(((Number) x).intValue()));
    }
    List<Arg> args = new ArrayList<>();
    int pos = String.valueOf(argv.get(0)).length() + 1;
    for (int i = 1; i < argv.size(); i++) {
      String w = String.valueOf(argv.get(i));
      args.add(new Arg(w, dynamic.contains(i) ? Arg.DYNAMIC : 0, pos, pos + w.length()));
      pos += w.length() + 1;
    }
    StringBuilder text = new StringBuilder();
    for (Object a : argv) {
      text.append(text.isEmpty() ? "" : " ").append(a);
    }
    Invocation.Input input = null;
    if (data.get("stdin") != null) {
      input =
          new Invocation.Input(
              Invocation.InputKind.HERESTRING, String.valueOf(data.get("stdin")), false, 0, 0);
    } else if (Boolean.TRUE.equals(data.get("stdinPipe"))) {
      input = new Invocation.Input(Invocation.InputKind.PIPE, "cat body.json", false, 0, 0);
    }
    Invocation inv =
        new Invocation(String.valueOf(argv.get(0)), args, 0, text.length(), text.toString(), input);
    Trace.Recording trace = Trace.recording();
    Analysis out = new Analysis(Limits.DEFAULT, trace);
    TestShellContext ctx =
        new TestShellContext(Scope.root("command", env()), out, new HttpClassifier());
    new HttpClientRules().classify(inv, ctx);
    Environment env = env();
    for (Finding f : out.findings()) {
      env = env.combine(f.environment());
    }
    return new Outcome(List.copyOf(out.findings()), env, trace.lines());
  }

  /** The worst finding: highest severity rank, first of equals. */
  static @Nullable Finding primary(List<Finding> findings) {
    Finding best = null;
    for (Finding f : findings) {
      if (best == null || f.severity().rank() > best.severity().rank()) {
        best = f;
      }
    }
    return best;
  }

  /** Checks the outcome against the case's {@code expect} block. */
  void check(Outcome o) {
    @SuppressWarnings("unchecked")
    Map<String, Object> expect =
        (Map<String, Object>) Objects.requireNonNull(data.get("expect"), id() + " has no expect");
    Finding p = primary(o.findings());
    String describe = id() + " -> " + o.findings();
    if (Integer.valueOf(0).equals(expect.get("findings"))) {
      assertThat(o.findings()).as(describe).isEmpty();
      return;
    }
    assertThat(p).as(describe).isNotNull();
    if (p == null) {
      return;
    }
    assertThat(p.kind().id())
        .as(describe)
        .isEqualTo(String.valueOf(expect.getOrDefault("kind", "http")));
    if (expect.get("severity") != null) {
      assertThat(p.severity().id()).as(describe).isEqualTo(String.valueOf(expect.get("severity")));
    }
    if (expect.get("rule") != null) {
      assertThat(p.ruleId()).as(describe).isEqualTo(String.valueOf(expect.get("rule")));
    }
    if (expect.get("rules") instanceof List<?> rules) {
      List<String> ids = o.findings().stream().map(Finding::ruleId).toList();
      for (Object r : rules) {
        assertThat(ids).as(describe).contains(String.valueOf(r));
      }
    }
    if (expect.get("resource") != null) {
      assertThat(p.resource()).as(describe).isEqualTo(String.valueOf(expect.get("resource")));
    }
    if (expect.get("environment") != null) {
      assertThat(o.environment().id())
          .as(describe)
          .isEqualTo(String.valueOf(expect.get("environment")));
    }
    if (expect.get("access") != null) {
      assertThat(p.access().id()).as(describe).isEqualTo(String.valueOf(expect.get("access")));
    }
    if (expect.get("verb") != null) {
      assertThat(p.verb()).as(describe).isEqualTo(String.valueOf(expect.get("verb")));
    }
    if (expect.get("reason") != null) {
      assertThat(p.reason()).as(describe).contains(String.valueOf(expect.get("reason")));
    }
    if (expect.get("evidence") != null) {
      assertThat(p.evidence().text()).as(describe).contains(String.valueOf(expect.get("evidence")));
    }
    if (expect.get("field") != null) {
      assertThat(p.evidence().source()).as(describe).isEqualTo(String.valueOf(expect.get("field")));
    }
    if (expect.get("findings") != null) {
      assertThat(o.findings()).as(describe).hasSize(((Number) expect.get("findings")).intValue());
    }
    if (expect.get("trace") != null) {
      assertThat(String.join("\n", o.trace()))
          .as(describe)
          .contains(String.valueOf(expect.get("trace")));
    }
  }

  static Json toJson(@Nullable Object o) {
    return switch (o) {
      case null -> Json.NULL;
      case String s -> Json.of(s);
      case Boolean b -> b ? Json.TRUE : Json.FALSE;
      case Number n -> new Json.Num(n.toString());
      case Map<?, ?> m -> {
        LinkedHashMap<String, Json> members = new LinkedHashMap<>();
        m.forEach((k, v) -> members.put(String.valueOf(k), toJson(v)));
        yield new Json.Obj(members);
      }
      case List<?> l -> new Json.Arr(l.stream().map(HttpCase::toJson).toList());
      default -> Json.of(o.toString());
    };
  }
}
