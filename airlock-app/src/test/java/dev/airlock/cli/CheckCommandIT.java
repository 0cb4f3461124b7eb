package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.engine.ActionJson;
import dev.airlock.engine.Gate;
import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import dev.airlock.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock check} as a process: exit codes, output forms and the batch contract. */
class CheckCommandIT {

  private static Json.Obj json(String line) {
    try {
      return (Json.Obj) JsonReader.standard().read(line);
    } catch (JsonException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  @Test
  void check_rootWipe_deniesWithRuleAndExit4() {
    Cli.Result r = Cli.run("check", "--", "rm", "-rf", "/");
    assertThat(r.exit()).isEqualTo(ExitCodes.DENY);
    assertThat(r.out()).startsWith("DENY").contains("catastrophic-in-production").contains("rm");
  }

  @Test
  void check_safeCommand_allowsWithExit0() {
    Cli.Result r = Cli.run("check", "--env", "development", "--", "ls -la");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).startsWith("ALLOW");
  }

  @Test
  void check_json_printsOneVerdictObject() {
    Cli.Result r = Cli.run("check", "--json", "--env", "development", "--", "git reset --hard");
    assertThat(r.exit()).isEqualTo(ExitCodes.ASK);
    Json.Obj o = json(r.out().strip());
    assertThat(o.string("decision")).isEqualTo("ask");
    assertThat(o.get("rules")).isInstanceOf(Json.Arr.class);
    assertThat(o.get("findings")).isInstanceOf(Json.Arr.class);
  }

  @Test
  void check_sqlHttpMcp_modes() {
    assertThat(Cli.run("check", "--env", "production", "--sql", "DROP TABLE users;").exit())
        .isEqualTo(ExitCodes.DENY);
    assertThat(
            Cli.run(
                    "check",
                    "--env",
                    "development",
                    "--http",
                    "GET",
                    "https://api.github.com/repos/a/b")
                .exit())
        .isEqualTo(ExitCodes.OK);
    assertThat(
            Cli.run(
                    "check",
                    "--env",
                    "production",
                    "--http",
                    "DELETE",
                    "https://api.github.com/repos/a/b",
                    "-H",
                    "Authorization: Bearer x")
                .exit())
        .isNotEqualTo(ExitCodes.OK);
    assertThat(
            Cli.run(
                    "check",
                    "--env",
                    "development",
                    "--mcp",
                    "run_command",
                    "--server",
                    "shell",
                    "--args",
                    "{\"command\":\"rm -rf ~\"}")
                .exit())
        .isIn(ExitCodes.ASK, ExitCodes.DENY);
  }

  @Test
  void check_usageErrors_exit2WithMessage() {
    Cli.Result r = Cli.run("check", "--env", "prodd", "--", "ls");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--env");
    assertThat(Cli.run("check").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("check", "--mcp", "x", "--args", "{bad").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("check", "--bogus-flag").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void explain_incidentCurl_showsTheMutationInsideTheBody() {
    String curl =
        "curl -X POST https://backboard.railway.com/graphql/v2 -H \"Authorization: Bearer x\" -d \"{\\\"query\\\":\\\"mutation { volumeDelete(volumeId: \\\\\\\"v1\\\\\\\") }\\\"}\"";
    Cli.Result r = Cli.run("check", "--explain", "--", curl);
    assertThat(r.exit()).isEqualTo(ExitCodes.DENY);
    assertThat(r.out()).contains("volumeDelete").contains("explain:");
  }

  @Test
  void batch_starterCorpus_oneVerdictPerLineInOrder_sameAsJavaApi() throws Exception {
    Path starter = Corpus.starterFile();
    Cli.Result r = Cli.run(Files.readAllBytes(starter), "check", "--batch");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    List<Corpus.Case> cases = Corpus.starter();
    List<String> lines = r.lines();
    assertThat(lines).hasSize(cases.size());
    Gate gate = Gate.standard();
    for (int i = 0; i < cases.size(); i++) {
      Json.Obj v = json(lines.get(i));
      assertThat(v.string("id")).isEqualTo(cases.get(i).id());
      String api = gate.check(ActionJson.read(cases.get(i).json())).decision().id();
      assertThat(v.string("decision")).as(cases.get(i).id()).isEqualTo(api);
    }
  }

  @Test
  void batch_ownCorpus_sameDecisionsAsJavaApi() throws Exception {
    List<Corpus.Case> cases = Corpus.own();
    if (cases.isEmpty()) {
      return;
    }
    StringBuilder in = new StringBuilder();
    for (Corpus.Case c : cases) {
      in.append(c.line()).append('\n');
    }
    Cli.Result r = Cli.run(in.toString().getBytes(StandardCharsets.UTF_8), "check", "--batch");
    List<String> lines = r.lines();
    assertThat(lines).hasSize(cases.size());
    Gate gate = Gate.standard();
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Json.Obj v = json(lines.get(i));
      String api = gate.check(ActionJson.read(cases.get(i).json())).decision().id();
      if (!api.equals(v.string("decision")) || !cases.get(i).id().equals(v.string("id"))) {
        mismatches.add(cases.get(i).id());
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void batch_badLines_getErrorDenyAndTheRunGoesOn() {
    String big =
        "{\"id\":\"big\",\"kind\":\"shell\",\"input\":\""
            + "x".repeat(CheckCommand.MAX_BATCH_LINE)
            + "\"}";
    String input =
        String.join(
                "\n",
                "{\"id\":\"a\",\"kind\":\"shell\",\"input\":\"ls\",\"env\":\"development\"}",
                "{not json",
                "",
                "[1,2,3]",
                "{\"id\":\"k\",\"kind\":\"ftp\",\"input\":\"x\"}",
                "{\"id\":\"m\",\"kind\":\"shell\"}",
                "{\"id\":\"dup\",\"id\":\"again\",\"kind\":\"shell\",\"input\":\"ls\"}",
                big,
                "{\"id\":\"z\",\"kind\":\"sql\",\"input\":\"DROP TABLE t\",\"env\":\"production\"}")
            + "\n";
    Cli.Result r = Cli.run(input.getBytes(StandardCharsets.UTF_8), "check", "--batch");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    List<String> lines = r.lines();
    assertThat(lines).hasSize(9);
    assertThat(json(lines.get(0)).string("decision")).isEqualTo("allow");
    for (int i = 1; i <= 7; i++) {
      Json.Obj o = json(lines.get(i));
      assertThat(o.string("decision")).as(lines.get(i)).isEqualTo("deny");
      assertThat(o.string("error")).as(lines.get(i)).isNotBlank();
    }
    assertThat(json(lines.get(4)).string("id")).isEqualTo("k");
    assertThat(json(lines.get(7)).string("error")).contains("over the limit");
    assertThat(json(lines.get(8)).string("id")).isEqualTo("z");
    assertThat(json(lines.get(8)).string("decision")).isEqualTo("deny");
  }

  @Test
  void batch_binaryInput_neverCrashes() {
    byte[] junk = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(junk);
    Cli.Result r = Cli.run(junk, "check", "--batch");
    assertThat(r.exit()).isEqualTo(ExitCodes.OK);
    for (String line : r.lines()) {
      assertThat(json(line).string("decision")).isEqualTo("deny");
    }
  }

  @Test
  void policyLint_badFile_exit5WithCodes(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("bad.yaml");
    Files.writeString(p, "version: 1\ndefault: allow\nrules:\n  - id: x\n    decison: ask\n");
    Cli.Result r = Cli.run("policy", "lint", p.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(r.out())
        .contains("bad.yaml:2:")
        .contains("[default-allow]")
        .contains("[unknown-key]");
    assertThat(Cli.run("policy", "lint", dir.resolve("missing.yaml").toString()).exit())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void policyShow_thenLint_isClean(@TempDir Path dir) throws Exception {
    Cli.Result show = Cli.run("policy", "show");
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, show.out());
    Cli.Result lint = Cli.run("policy", "lint", p.toString());
    assertThat(lint.exit()).isEqualTo(ExitCodes.OK);
    assertThat(lint.out()).contains("0 errors, 0 warnings");
  }

  @Test
  void policyTest_starter_passesAndReportsBySeverity() {
    Cli.Result r = Cli.run("policy", "test", Corpus.starterFile().toString());
    assertThat(r.out()).contains("catastrophic").contains("246 cases");
    assertThat(r.exit())
        .as(r.out())
        .isEqualTo(r.out().contains("MISS") ? ExitCodes.CHECK_FAILED : ExitCodes.OK);
  }

  @Test
  void policyTest_strictPolicy_printsMisses(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("deny-all.yaml");
    Files.writeString(p, "version: 1\ndefault: deny\nrules: []\n");
    Cli.Result r =
        Cli.run("policy", "test", "--policy", p.toString(), Corpus.starterFile().toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(r.out()).contains("MISS sh-safe-001: expected allow, got deny");
  }
}
