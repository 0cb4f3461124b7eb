package dev.airlock.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install, uninstall and doctor commands run as a user runs them, with HOME in a temp dir. */
class InstallCommandIT {

  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  Result airlock(Path home, String... args) throws IOException, InterruptedException {
    String jarProp = System.getProperty("airlock.jar");
    Path jar = jarProp == null ? Path.of("target", "airlock.jar") : Path.of(jarProp);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("CODEX_HOME");
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void installUser_writesUnderHome_andUninstallRestoresTheBytes() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path launcher = tmp.resolve("repo/airlock");
    Path settings = home.resolve(".claude/settings.json");
    Files.createDirectories(settings.getParent());
    byte[] original = SettingsEditTest.CLAUDE.getBytes(StandardCharsets.UTF_8);
    Files.write(settings, original);

    Result r = airlock(home, "install", "claude-code", "--user", "--launcher", launcher.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("installed claude-code hook in " + settings).contains("backup:");
    assertThat(Files.readString(settings)).contains(launcher + " hook claude-code");

    Result again =
        airlock(home, "install", "claude-code", "--user", "--launcher", launcher.toString());
    assertThat(again.out()).startsWith("already installed");

    Result u =
        airlock(home, "uninstall", "claude-code", "--user", "--launcher", launcher.toString());
    assertThat(u.exit()).as(u.err()).isZero();
    assertThat(Files.readAllBytes(settings)).isEqualTo(original);
  }

  @Test
  void install_malformedProjectFile_exitsTwoAndWritesNothing() throws Exception {
    Path project = tmp.resolve("p");
    Path file = project.resolve(".cursor/hooks.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"version\": 1,");
    Result r =
        airlock(
            tmp, "install", "cursor", "--project", project.toString(), "--launcher", "/x/airlock");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("refusing to change").contains("nothing was written");
    assertThat(Files.readString(file)).isEqualTo("{\"version\": 1,");
  }

  @Test
  void install_unknownRuntime_isAUsageError() throws Exception {
    Result r =
        airlock(tmp, "install", "vscode", "--project", tmp.toString(), "--launcher", "/x/airlock");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown runtime 'vscode'");
  }

  @Test
  void doctor_fakeHookInstalled_reportsOkAndNotInstalled() throws Exception {
    Path fake = tmp.resolve("bin/airlock");
    Files.createDirectories(fake.getParent());
    Files.writeString(
        fake,
        "#!/bin/sh\ninput=$(cat)\ncase \"$input\" in *'rm -rf'*) echo 'held' >&2; exit 2;; esac\n");
    fake.toFile().setExecutable(true);
    Path project = tmp.resolve("proj");
    Result i =
        airlock(
            tmp,
            "install",
            "gemini",
            "--project",
            project.toString(),
            "--launcher",
            fake.toString());
    assertThat(i.exit()).as(i.err()).isZero();

    Result d = airlock(tmp, "doctor", "--project", project.toString());
    assertThat(d.exit()).as(d.out()).isZero();
    assertThat(d.out())
        .contains("claude-code: not installed")
        .contains("gemini:\n  project " + project.resolve(".gemini/settings.json"))
        .contains("ok   harmless 'ls -la' -> silent (exit 0)")
        .contains("ok   held 'rm -rf /' -> deny (exit 2)")
        .contains("  OK");
  }
}
