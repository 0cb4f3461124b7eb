package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Trace;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.rules.HttpClientRules;
import dev.airlock.classify.shell.rules.RulePacks;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The http-client pack is registered for its programs and hands requests to the classifier. */
class HttpClientRulesTest {

  @Test
  void rulePacks_routeEveryHttpClientToThePack() {
    Map<String, CommandRules> index = RulePacks.index();
    for (String program : HttpClientArgs.PROGRAMS) {
      assertThat(index.get(program)).as(program).isInstanceOf(HttpClientRules.class);
    }
  }

  @Test
  void pack_handsEachRequestToTheClassifier_andNotesWhenNoneIsSent() {
    Analysis out = new Analysis(Limits.DEFAULT, Trace.recording());
    TestShellContext ctx =
        new TestShellContext(Scope.root("command", Environment.UNKNOWN), out, new HttpClassifier());
    new HttpClientRules()
        .classify(
            Invocation.ofWords("curl", "-X", "DELETE", "https://a.dev/x/1", "https://a.dev/x/2"),
            ctx);
    assertThat(ctx.requests).hasSize(2);
    assertThat(out.findings()).hasSize(2).allMatch(f -> f.via().contains("curl"));
    new HttpClientRules().classify(Invocation.ofWords("wget", "--version"), ctx);
    assertThat(ctx.requests).hasSize(2);
  }

  @Test
  void pack_readsAHeredocAsTheBody() {
    Analysis out = new Analysis(Limits.DEFAULT, Trace.OFF);
    TestShellContext ctx =
        new TestShellContext(Scope.root("command", Environment.UNKNOWN), out, new HttpClassifier());
    Invocation inv =
        new Invocation(
            "curl",
            Invocation.ofWords(
                    "curl", "--data-binary", "@-", "https://backboard.railway.app/graphql/v2")
                .args(),
            0,
            60,
            "curl --data-binary @- https://backboard.railway.app/graphql/v2 <<EOF",
            new Invocation.Input(
                Invocation.InputKind.HEREDOC,
                "{\"query\":\"mutation { projectDelete(id: \\\"p\\\") }\"}\n",
                false,
                0,
                0));
    new HttpClientRules().classify(inv, ctx);
    assertThat(out.findings())
        .extracting(f -> f.ruleId())
        .containsExactly("http.graphql.railway.project-delete");
  }
}
