package dev.airlock.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Doctor's process plumbing against small fake hook scripts (the real {@code airlock hook} is
 * tested where it is built). Each script answers in one runtime's format.
 */
class DoctorTest {

  @TempDir Path tmp;

  final Doctor doctor = new Doctor(Duration.ofSeconds(20));

  Path script(String name, String body) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, "#!/bin/sh\ninput=$(cat)\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  /** A fake hook that holds any payload mentioning rm -rf and is silent otherwise. */
  Path fake(String heldOutput, int heldExit) throws Exception {
    return script(
        "fake-" + heldExit + "-" + Math.abs(heldOutput.hashCode()),
        "case \"$input\" in *'rm -rf'*) printf '%s' '"
            + heldOutput
            + "'; echo 'held by test' >&2; exit "
            + heldExit
            + ";; esac\nexit 0");
  }

  @Test
  void check_claudeCodeDenyJson_isOk() throws Exception {
    Path hook =
        fake(
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
                + "\"permissionDecisionReason\":\"held\"}}",
            0);
    Doctor.Check c = doctor.check(Runtime.CLAUDE_CODE, hook.toString(), tmp);
    assertThat(c.executable()).isTrue();
    assertThat(c.probes())
        .extracting(Doctor.Probe::detail)
        .containsExactly("silent (exit 0)", "deny: held (exit 0)");
    assertThat(c.ok()).isTrue();
  }

  @Test
  void check_exitTwoWithReason_isOkForEveryRuntime() throws Exception {
    Path hook = fake("", 2);
    for (Runtime rt : Runtime.values()) {
      assertThat(doctor.check(rt, hook.toString(), tmp).ok()).as(rt.id()).isTrue();
    }
  }

  @Test
  void check_askInCodex_failsBecauseCodexIgnoresAsk() throws Exception {
    Path hook =
        fake(
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\","
                + "\"permissionDecisionReason\":\"held\"}}",
            0);
    assertThat(doctor.check(Runtime.CLAUDE_CODE, hook.toString(), tmp).ok()).isTrue();
    assertThat(doctor.check(Runtime.CODEX, hook.toString(), tmp).ok()).isFalse();
  }

  @Test
  void check_cursorAndGeminiFormats_areRead() throws Exception {
    Path cursor = fake("{\"permission\":\"deny\",\"agent_message\":\"stop\"}", 0);
    assertThat(doctor.check(Runtime.CURSOR, cursor.toString(), tmp).probes().get(1).detail())
        .isEqualTo("deny: stop (exit 0)");
    Path gemini = fake("{\"decision\":\"block\",\"reason\":\"stop\"}", 0);
    assertThat(doctor.check(Runtime.GEMINI, gemini.toString(), tmp).ok()).isTrue();
    // a Claude-format answer means nothing to Gemini: the held command would run
    assertThat(
            doctor
                .check(
                    Runtime.GEMINI,
                    fake("{\"hookSpecificOutput\":{\"permissionDecision\":\"deny\"}}", 0)
                        .toString(),
                    tmp)
                .ok())
        .isFalse();
  }

  @Test
  void check_hookThatAllowsEverything_orCrashes_fails() throws Exception {
    Path silent = script("silent", "exit 0");
    assertThat(doctor.check(Runtime.CLAUDE_CODE, silent.toString(), tmp).ok()).isFalse();
    Path crash = script("crash", "echo boom >&2; exit 1");
    Doctor.Check c = doctor.check(Runtime.CURSOR, crash.toString(), tmp);
    assertThat(c.ok()).isFalse();
    assertThat(c.probes().get(0).detail()).contains("exit 1");
    Path blocksAll = script("blocks-all", "echo no >&2; exit 2");
    assertThat(doctor.check(Runtime.GEMINI, blocksAll.toString(), tmp).probes().get(0).ok())
        .isFalse();
  }

  @Test
  void check_missingCommand_failsAsNotExecutable() {
    Doctor.Check c = doctor.check(Runtime.CODEX, tmp.resolve("gone/airlock") + " hook codex", tmp);
    assertThat(c.executable()).isFalse();
    assertThat(c.ok()).isFalse();
  }

  @Test
  void find_installedInUserAndProjectFiles_reportsBoth() throws Exception {
    HookInstaller installer = new HookInstaller(Clock.systemUTC());
    Path home = tmp.resolve("home");
    Path project = tmp.resolve("project");
    String cmd = "/x/airlock hook cursor";
    installer.install(Runtime.CURSOR, Runtime.CURSOR.userFile(home, Map.of()), cmd);
    installer.install(Runtime.CURSOR, Runtime.CURSOR.projectFile(project), cmd);
    List<Doctor.Install> found =
        doctor.find(
            Runtime.CURSOR,
            Runtime.CURSOR.userFile(home, Map.of()),
            Runtime.CURSOR.projectFile(project));
    assertThat(found).extracting(Doctor.Install::scope).containsExactly("user", "project");
    assertThat(found.get(0).commands()).containsExactly(cmd);
    assertThat(
            doctor.find(
                Runtime.GEMINI,
                Runtime.GEMINI.userFile(home, Map.of()),
                Runtime.GEMINI.projectFile(project)))
        .isEmpty();
  }
}
