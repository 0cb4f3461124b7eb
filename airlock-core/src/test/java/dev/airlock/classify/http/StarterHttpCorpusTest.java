package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.rules.HttpClientRules;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import dev.airlock.json.Json;
import dev.airlock.policy.Decision;
import dev.airlock.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every HTTP case of the shared starter corpus ({@code airlock.shared}) through the whole gate:
 * {@code allow} cases are allowed, {@code hold} cases are asked or denied. The incident's curl
 * command (sh-cat-060) goes through the HTTP client pack.
 */
class StarterHttpCorpusTest {

  private static final Gate GATE = Gate.standard();

  static List<Corpus.Case> httpCases() {
    return Corpus.starter().stream().filter(c -> "http".equals(c.json().string("kind"))).toList();
  }

  static HttpAction action(Json.Obj o) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (o.get("headers") instanceof Json.Obj h) {
      h.members()
          .forEach((k, v) -> headers.add(Map.entry(k, v instanceof Json.Str(String s) ? s : "")));
    }
    return new HttpAction(
        String.valueOf(o.string("method")),
        String.valueOf(o.string("url")),
        headers,
        o.string("body") == null ? "" : String.valueOf(o.string("body")),
        Context.of(Environment.parse(o.string("env"))));
  }

  @TestFactory
  Stream<DynamicTest> starterHttpCases_meetTheirExpectation() {
    List<Corpus.Case> cases = httpCases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.id(),
                    () -> {
                      Verdict v = GATE.check(action(c.json()));
                      assertThat(c.met(v.decision()))
                          .as(
                              c.id()
                                  + " expected "
                                  + c.expect()
                                  + " got "
                                  + v.decision().id()
                                  + ": "
                                  + v.ruling().reason()
                                  + " "
                                  + v.classification().findings())
                          .isTrue();
                      if (!c.severity().equals("safe")) {
                        assertThat(v.classification().severity().id()).isEqualTo(c.severity());
                      }
                    }));
  }

  @Test
  void incident_isDeniedByTheRailwayCatalogAsProduction() {
    Corpus.Case incident =
        httpCases().stream().filter(c -> c.id().equals("http-cat-001")).findFirst().orElseThrow();
    Verdict v = GATE.check(action(incident.json()));
    assertThat(v.decision()).isEqualTo(Decision.DENY);
    Finding f = Objects.requireNonNull(v.classification().primary());
    assertThat(f.ruleId()).isEqualTo("http.graphql.railway.volume-delete");
    assertThat(f.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(f.reason()).contains("every environment");
  }

  @Test
  void incidentCurl_shCat060_isCatastrophicInProduction() {
    Corpus.Case c =
        Corpus.starter().stream()
            .filter(x -> x.id().equals("sh-cat-060"))
            .findFirst()
            .orElseThrow();
    List<String> words = split(String.valueOf(c.json().string("input")));
    assertThat(words.get(0)).isEqualTo("curl");
    List<Arg> args = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      args.add(Arg.literal(w));
    }
    String input = String.valueOf(c.json().string("input"));
    Invocation inv = new Invocation("curl", args, 0, input.length(), input, null);
    Analysis out = new Analysis(Limits.DEFAULT, Trace.OFF);
    TestShellContext ctx =
        new TestShellContext(
            Scope.root("command", Environment.parse(c.json().string("env"))),
            out,
            new HttpClassifier());
    new HttpClientRules().classify(inv, ctx);
    assertThat(ctx.requests).hasSize(1);
    assertThat(ctx.requests.get(0).normalizedMethod()).isEqualTo("POST");
    Finding f = Objects.requireNonNull(HttpCase.primary(out.findings()));
    assertThat(f.kind()).isEqualTo(Kind.HTTP);
    assertThat(f.ruleId()).isEqualTo("http.graphql.railway.volume-delete");
    assertThat(f.severity()).isEqualTo(Severity.CATASTROPHIC);
    assertThat(f.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(f.resource()).isEqualTo("volume 3a4b5c6d-7e8f-4091-a2b3-c4d5e6f70819");
    assertThat(f.via()).containsExactly("curl");
  }

  /** Splits a command line into words the way sh does for quotes (enough for the corpus). */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean in = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'') {
        int close = s.indexOf('\'', i + 1);
        w.append(s, i + 1, close);
        i = close + 1;
        in = true;
      } else if (c == '"') {
        i++;
        while (s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
            i++;
          }
          w.append(s.charAt(i++));
        }
        i++;
        in = true;
      } else if (c == ' ') {
        if (in) {
          out.add(w.toString());
          w.setLength(0);
          in = false;
        }
        i++;
      } else {
        w.append(c);
        in = true;
        i++;
      }
    }
    if (in) {
      out.add(w.toString());
    }
    return out;
  }
}
