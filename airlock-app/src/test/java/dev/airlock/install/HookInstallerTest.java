package dev.airlock.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookInstallerTest {

  @TempDir Path tmp;

  final HookInstaller installer =
      new HookInstaller(Clock.fixed(Instant.parse("2026-05-04T03:02:01Z"), ZoneOffset.UTC));

  static final String CMD = "/opt/airlock/airlock hook ";

  @Test
  void install_existingFile_writesABackupOfTheOriginalBytes() throws Exception {
    Path file = Runtime.CLAUDE_CODE.projectFile(tmp);
    Files.createDirectories(file.getParent());
    byte[] original = SettingsEditTest.CLAUDE.getBytes(StandardCharsets.UTF_8);
    Files.write(file, original);

    HookInstaller.Outcome o = installer.install(Runtime.CLAUDE_CODE, file, CMD + "claude-code");

    assertThat(o.change()).isEqualTo(HookInstaller.Change.UPDATED);
    assertThat(o.backup())
        .isEqualTo(file.resolveSibling("settings.json.airlock-backup-20260504T030201Z"));
    assertThat(Files.readAllBytes(java.util.Objects.requireNonNull(o.backup())))
        .isEqualTo(original);
    assertThat(Files.readString(file)).contains(CMD + "claude-code");
  }

  @Test
  void installTwiceThenUninstall_existingFile_restoresTheBytesAndKeepsBackupsApart()
      throws Exception {
    for (Runtime rt : Runtime.values()) {
      Path dir = Files.createDirectories(tmp.resolve(rt.id()));
      Path file = rt.projectFile(dir);
      Files.createDirectories(file.getParent());
      byte[] original = SettingsEditTest.CLAUDE_TABS_CRLF.getBytes(StandardCharsets.UTF_8);
      Files.write(file, original);

      installer.install(rt, file, CMD + rt.id());
      byte[] once = Files.readAllBytes(file);
      assertThat(installer.install(rt, file, CMD + rt.id()).change())
          .isEqualTo(HookInstaller.Change.UNCHANGED);
      assertThat(Files.readAllBytes(file)).isEqualTo(once);
      HookInstaller.Outcome u = installer.uninstall(rt, file, CMD + rt.id());

      assertThat(u.change()).isEqualTo(HookInstaller.Change.UPDATED);
      assertThat(Files.readAllBytes(file)).as(rt.id()).isEqualTo(original);
      try (Stream<Path> s = Files.list(file.getParent())) {
        assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
            .hasSize(3)
            .anyMatch(n -> n.endsWith(".airlock-backup-20260504T030201Z"))
            .anyMatch(n -> n.endsWith(".airlock-backup-20260504T030201Z-1"));
      }
    }
  }

  @Test
  void installThenUninstall_absentFile_leavesNoSettingsFile() throws Exception {
    Path file = Runtime.CURSOR.projectFile(tmp);
    assertThat(installer.install(Runtime.CURSOR, file, CMD + "cursor").change())
        .isEqualTo(HookInstaller.Change.CREATED);
    assertThat(installer.uninstall(Runtime.CURSOR, file, CMD + "cursor").change())
        .isEqualTo(HookInstaller.Change.DELETED);
    assertThat(file).doesNotExist();
  }

  @Test
  void install_malformedFile_isRefusedAndLeftUntouched() throws Exception {
    Path file = Runtime.GEMINI.projectFile(tmp);
    Files.createDirectories(file.getParent());
    byte[] bad = "{ \"ui\": { \"theme\": \"GitHub\" }, }\n".getBytes(StandardCharsets.UTF_8);
    Files.write(file, bad);

    assertThatThrownBy(() -> installer.install(Runtime.GEMINI, file, CMD + "gemini"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("refusing to change " + file)
        .hasMessageContaining("line 1")
        .hasMessageContaining("nothing was written");
    assertThat(Files.readAllBytes(file)).isEqualTo(bad);
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertThat(s.toList()).containsExactly(file);
    }
  }

  @Test
  void install_notUtf8_isRefusedAndLeftUntouched() throws Exception {
    Path file = Runtime.CODEX.projectFile(tmp);
    Files.createDirectories(file.getParent());
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
    Files.write(file, bad);
    assertThatThrownBy(() -> installer.install(Runtime.CODEX, file, CMD + "codex"))
        .hasMessageContaining("not UTF-8");
    assertThat(Files.readAllBytes(file)).isEqualTo(bad);
  }

  @Test
  void install_symlinkedSettings_keepsTheLinkAndItsPermissions() throws Exception {
    Path real = tmp.resolve("dotfiles/claude.json");
    Files.createDirectories(real.getParent());
    Files.writeString(real, "{\"model\": \"opus\"}\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
    Path file = Runtime.CLAUDE_CODE.userFile(tmp.resolve("home"), java.util.Map.of());
    Files.createDirectories(file.getParent());
    Files.createSymbolicLink(file, real);

    installer.install(Runtime.CLAUDE_CODE, file, CMD + "claude-code");

    assertThat(Files.isSymbolicLink(file)).isTrue();
    assertThat(Files.readString(real)).contains(CMD + "claude-code");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-------");
  }

  @Test
  void userFile_codexHome_isHonoured() {
    assertThat(Runtime.CODEX.userFile(Path.of("/h"), java.util.Map.of("CODEX_HOME", "/c")))
        .isEqualTo(Path.of("/c/hooks.json"));
    assertThat(Runtime.GEMINI.userFile(Path.of("/h"), java.util.Map.of()))
        .isEqualTo(Path.of("/h/.gemini/settings.json"));
    assertThat(List.of(Runtime.values()))
        .extracting(Runtime::id)
        .containsExactly("claude-code", "cursor", "codex", "gemini");
  }

  @Test
  void launcher_foundFromAirlockHomeOrFromTheJarLocation() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(home.resolve("airlock"), "#!/bin/sh\n");
    Path jar = Files.createDirectories(home.resolve("airlock-app/target")).resolve("airlock.jar");
    assertThat(Launcher.find(home.toString(), null)).isEqualTo(home.resolve("airlock"));
    assertThat(Launcher.find(null, jar)).isEqualTo(home.resolve("airlock"));
    assertThat(Launcher.find(null, tmp.resolve("x.jar"))).isNull();
    assertThat(Launcher.find(tmp.resolve("nowhere").toString(), jar)).isNull();
  }
}
