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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planted secrets — bearer tokens, live Stripe keys, basic auth, {@code -u user:pass}, passwords in
 * URLs, secret GraphQL arguments — never appear in any finding field or trace line.
 */
class HttpSecretLeakTest {

  private static final String BEARER = "f3b9c2d1-0e4a-4b7c-9d8e-1a2b3c4d5e6f";
  private static final String STRIPE = "sk_live_51HsecretQQQQQQQQQQQQQQQQQQQQ";
  private static final String PASSWORD = "hunter2-Plover-77";
  private static final String GQL_SECRET = "zz-graphql-secret-value-991";

  static Stream<Arguments> requests() {
    String railway = "https://backboard.railway.app/graphql/v2";
    return Stream.of(
        Arguments.of(
            "bearer on the incident",
            new HttpAction(
                "POST",
                railway,
                List.of(Map.entry("Authorization", "Bearer " + BEARER)),
                "{\"query\":\"mutation { volumeDelete(volumeId: \\\"v1\\\") }\"}",
                Context.of(Environment.STAGING)),
            BEARER),
        Arguments.of(
            "stripe live key",
            new HttpAction(
                "DELETE",
                "https://api.stripe.com/v1/customers/cus_1",
                List.of(Map.entry("Authorization", "Bearer " + STRIPE)),
                "",
                Context.UNKNOWN),
            STRIPE),
        Arguments.of(
            "password in URL",
            new HttpAction(
                "DELETE",
                "https://admin:" + PASSWORD + "@api.example.com/v1/databases/db_1",
                List.of(),
                "",
                Context.UNKNOWN),
            PASSWORD),
        Arguments.of(
            "token in URL user part",
            new HttpAction(
                "GET",
                "https://" + BEARER + "@git.example.com/repo.git",
                List.of(),
                "",
                Context.UNKNOWN),
            BEARER),
        Arguments.of(
            "token in query string",
            new HttpAction(
                "DELETE",
                "https://api.example.com/v1/items/4?access_token=" + BEARER,
                List.of(),
                "",
                Context.UNKNOWN),
            BEARER),
        Arguments.of(
            "malformed URL with password",
            new HttpAction(
                "DELETE",
                "https://admin:" + PASSWORD + "@exa mple.com/x",
                List.of(),
                "",
                Context.UNKNOWN),
            PASSWORD),
        Arguments.of(
            "secret GraphQL argument in a safe write",
            new HttpAction(
                "POST",
                railway,
                List.of(Map.entry("Content-Type", "application/json")),
                "{\"query\":\"mutation { variableUpsert(input: {name: \\\"DB_URL\\\", value: \\\""
                    + GQL_SECRET
                    + "\\\"}) }\"}",
                Context.UNKNOWN),
            GQL_SECRET),
        Arguments.of(
            "secret GraphQL variable in a destructive write",
            new HttpAction(
                "POST",
                railway,
                List.of(Map.entry("Content-Type", "application/json")),
                "{\"query\":\"mutation($i: VariableCollectionUpsertInput!) {"
                    + " variableCollectionUpsert(input: $i) }\",\"variables\":{\"i\":{\"replace\":true,"
                    + "\"variables\":{\"PASSWORD\":\""
                    + GQL_SECRET
                    + "\"}}}}",
                Context.UNKNOWN),
            GQL_SECRET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void plantedSecret_appearsInNoFindingOrTrace(String name, HttpAction action, String secret) {
    Trace.Recording trace = Trace.recording();
    Classification c = new ActionClassifier(Limits.DEFAULT).classify(action, trace);
    assertThat(c.findings()).isNotEmpty();
    assertNoLeak(c.findings(), trace.lines(), secret);
  }

  static Stream<Arguments> commandLines() {
    return Stream.of(
        Arguments.of(
            List.of(
                "curl",
                "-u",
                "deploy:" + PASSWORD,
                "-X",
                "DELETE",
                "https://api.example.com/v1/apps/a1"),
            PASSWORD),
        Arguments.of(
            List.of(
                "curl",
                "-H",
                "Authorization: Bearer " + BEARER,
                "-d",
                "{\"query\":\"mutation { projectDelete(id: \\\"p\\\") }\"}",
                "https://backboard.railway.app/graphql/v2"),
            BEARER),
        Arguments.of(
            List.of(
                "curl",
                "https://api.stripe.com/v1/customers/cus_1",
                "-u",
                STRIPE + ":",
                "-X",
                "DELETE"),
            STRIPE),
        Arguments.of(
            List.of("curl", "--oauth2-bearer", BEARER, "https://api.example.com/v1/x"), BEARER),
        Arguments.of(
            List.of(
                "wget", "--user=deploy", "--password=" + PASSWORD, "https://api.example.com/v1/x"),
            PASSWORD),
        Arguments.of(
            List.of("http", "-a", "deploy:" + PASSWORD, "DELETE", "api.example.com/v1/x"),
            PASSWORD),
        Arguments.of(
            List.of("xh", "--bearer", BEARER, "DELETE", "api.example.com/v1/projects/p"), BEARER),
        Arguments.of(
            List.of("curl", "-X", "DELETE", "https://admin:" + PASSWORD + "@api.example.com/v1/x"),
            PASSWORD));
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void plantedSecretOnACommandLine_appearsInNoFindingOrTrace(List<String> argv, String secret) {
    List<Arg> args = new ArrayList<>();
    for (String a : argv.subList(1, argv.size())) {
      args.add(Arg.literal(a));
    }
    Invocation inv = new Invocation(argv.get(0), args, 0, 0, "", null);
    Trace.Recording trace = Trace.recording();
    Analysis out = new Analysis(Limits.DEFAULT, trace);
    TestShellContext ctx =
        new TestShellContext(Scope.root("command", Environment.UNKNOWN), out, new HttpClassifier());
    new HttpClientRules().classify(inv, ctx);
    assertThat(out.findings()).isNotEmpty();
    assertNoLeak(out.findings(), trace.lines(), secret);
    boolean inUrlArgument = argv.stream().anyMatch(a -> a.contains("@") && a.contains(secret));
    for (HttpRequest r : ctx.requests) {
      if (!inUrlArgument) {
        assertThat(r.url() + r.body()).as("credentials go to a header only").doesNotContain(secret);
      }
    }
  }

  private static void assertNoLeak(List<Finding> findings, List<String> trace, String secret) {
    for (Finding f : findings) {
      String all =
          String.join(
              "\n",
              f.ruleId(),
              f.program(),
              f.verb(),
              f.resource(),
              f.reason(),
              f.evidence().text(),
              f.evidence().source(),
              String.join(",", f.via()));
      assertThat(all).as(f.toString()).doesNotContain(secret);
    }
    for (String line : trace) {
      assertThat(line).doesNotContain(secret);
    }
  }
}
