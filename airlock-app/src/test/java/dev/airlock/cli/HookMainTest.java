package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook process around the protocols: options, standard input and failing closed. */
class HookMainTest {

  record Run(int exit, String out, String err) {}

  static Run run(InputStream in, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        HookMain.run(
            args,
            in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run run(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  static String bash(String command) {
    return "{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":"
        + dev.airlock.json.JsonWriter.write(dev.airlock.json.Json.of(command))
        + "}}";
  }

  @Test
  void internalFailure_blocksWithExitTwo() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() {
            throw new IllegalStateException("disk on fire");
          }

          @Override
          public int read(byte[] b, int off, int len) {
            throw new IllegalStateException("disk on fire");
          }
        };
    for (String runtime : new String[] {"claude-code", "cursor", "codex", "gemini"}) {
      Run r = run(broken, runtime);
      assertThat(r.exit()).as(runtime).isEqualTo(2);
      assertThat(r.err())
          .as(runtime)
          .startsWith(
              "Airlock could not check this tool call, so it is blocked: internal error"
                  + " (IllegalStateException: disk on fire)");
    }
  }

  @Test
  void missingOrUnknownRuntime_blocks() {
    assertThat(run(bash("ls")).exit()).isEqualTo(2);
    Run r = run(bash("ls"), "vim");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("claude-code|cursor|codex|gemini");
  }

  @Test
  void emptyBinaryAndOversizedInput_block() {
    assertThat(run("", "claude-code").err()).contains("standard input is empty");
    Run binary =
        run(new ByteArrayInputStream(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}), "claude-code");
    assertThat(binary.exit()).isEqualTo(2);
    assertThat(binary.err()).contains("not UTF-8");
    byte[] big = new byte[HookMain.MAX_PAYLOAD_BYTES + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    Run huge = run(new ByteArrayInputStream(big), "claude-code");
    assertThat(huge.exit()).isEqualTo(2);
    assertThat(huge.err()).contains("larger than").contains("limit JsonLimits");
  }

  @Test
  void unknownOptionsAndBadEnvironments_block() {
    assertThat(run(bash("ls"), "claude-code", "--yolo").err()).contains("unknown hook option");
    assertThat(run(bash("ls"), "claude-code", "--env", "prodd").err()).contains("unknown --env");
    assertThat(run(bash("ls"), "claude-code", "--env").err()).contains("--env needs a value");
  }

  @Test
  void envOption_isTheEnvironmentClaim() {
    // A narrow SQL write is held in production (or an unknown environment) but not in development.
    String insert = bash("psql -c \"insert into notes(body) values ('x')\"");
    assertThat(run(insert, "claude-code").out()).contains("\"permissionDecision\":\"ask\"");
    assertThat(run(insert, "claude-code", "--env", "development")).isEqualTo(new Run(0, "", ""));
    assertThat(run(insert, "claude-code", "--env=development").exit()).isZero();
  }

  @Test
  void policyOption_judgesByThatPolicy(@TempDir Path dir) throws Exception {
    Path strict = dir.resolve("strict.yaml");
    Files.writeString(
        strict,
        """
        version: 1
        default: ask
        rules:
          - id: no-git-at-all
            match:
              program: git
            decision: deny
          - id: safe
            match:
              severity: safe
            decision: allow
        """);
    Run r = run(bash("git status"), "claude-code", "--policy", strict.toString());
    assertThat(r.out()).contains("\"permissionDecision\":\"deny\"").contains("no-git-at-all");
    Run missing = run(bash("ls"), "claude-code", "--policy", dir.resolve("nope.yaml").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read");
  }

  @Test
  void emitAllow_saysAllowOutLoud() {
    assertThat(run(bash("ls"), "claude-code", "--emit-allow").out())
        .contains("\"permissionDecision\":\"allow\"");
  }
}
