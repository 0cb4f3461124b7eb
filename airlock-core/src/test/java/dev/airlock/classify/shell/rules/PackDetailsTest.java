package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the packs report besides severity: resources, evidence, environments, nested calls. */
class PackDetailsTest {

  private static Finding worst(String line) {
    RecordingContext ctx = RecordingContext.classify(line);
    return ctx.findings().stream()
        .filter(f -> f.severity() == ctx.worst())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding for " + line));
  }

  @Test
  void rulePacks_index_mapsEveryProgramOfThesePacksToItsPack() {
    Map<String, CommandRules> index = RulePacks.index();
    assertThat(index.get("rm")).isInstanceOf(FilesystemRules.class);
    assertThat(index.get("rmdir")).isInstanceOf(FilesystemRules.class);
    assertThat(index.get("find")).isInstanceOf(FilesystemRules.class);
    assertThat(index.get("mkfs.ext4")).isInstanceOf(DiskRules.class);
    assertThat(index.get("zpool")).isInstanceOf(DiskRules.class);
    assertThat(index.get("git")).isInstanceOf(GitRules.class);
    assertThat(index.get("remove-item")).isInstanceOf(WindowsRules.class);
    assertThat(index.get("powershell")).isInstanceOf(WindowsRules.class);
    assertThat(index.get("cmd")).isInstanceOf(WindowsRules.class);
  }

  @Test
  void rmRecursiveHome_pointsAtTheArgumentAndNamesWhatIsLost() {
    Finding f = worst("rm -rf ~");
    assertThat(f.ruleId()).isEqualTo("shell.fs.rm-recursive-home");
    assertThat(f.program()).isEqualTo("rm");
    assertThat(f.verb()).isEqualTo("delete-recursive");
    assertThat(f.resource()).isEqualTo("~");
    assertThat(f.evidence().start()).isEqualTo(7);
    assertThat(f.evidence().end()).isEqualTo(8);
    assertThat(f.evidence().text()).isEqualTo("~");
    assertThat(f.reason()).contains("home directory").contains("not backed up");
  }

  @Test
  void gitForcePush_recordsBranchAndRemote() {
    Finding f = worst("git push --force origin main");
    assertThat(f.ruleId()).isEqualTo("shell.git.push-force");
    assertThat(f.resource()).isEqualTo("branch main on origin");
    assertThat(f.evidence().text()).isEqualTo("main");
    assertThat(f.severity()).isEqualTo(Severity.CATASTROPHIC);
  }

  @Test
  void gitForcePush_toAProductionBranch_detectsProduction() {
    Finding f = worst("git push -f heroku-prod main");
    assertThat(f.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(f.resource()).isEqualTo("branch main on heroku-prod");
  }

  @Test
  void gitPush_toADevBranch_doesNotLowerTheEnvironment() {
    RecordingContext ctx = new RecordingContext(Environment.UNKNOWN);
    ctx.dispatch(Words.parse("git push --force origin dev"));
    assertThat(ctx.findings()).allMatch(f -> f.environment() == Environment.UNKNOWN);
  }

  @Test
  void rsyncDelete_toAProductionHost_detectsProduction() {
    Finding f = worst("rsync -az --delete ./site/ prod-web:/var/www/html");
    assertThat(f.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(f.resource()).isEqualTo("/var/www/html");
  }

  @Test
  void gitStatus_isARead() {
    Finding f = worst("git status");
    assertThat(f.access()).isEqualTo(Access.READ);
    assertThat(f.severity()).isEqualTo(Severity.SAFE);
  }

  @Test
  void findExec_handsTheCommandBackWithTheMatchesAsInput() {
    RecordingContext ctx = RecordingContext.classify("find . -name '*.pyc' -exec rm -f {} +");
    assertThat(ctx.calls())
        .containsExactly(new RecordingContext.Call("command", "find -exec", "rm -f ./**/*.pyc"));
    assertThat(ctx.worst()).isEqualTo(Severity.SAFE);
  }

  @Test
  void encodedCommand_isDecodedAndClassified() {
    RecordingContext ctx =
        RecordingContext.classify(
            "powershell -enc UgBlAG0AbwB2AGUALQBJAHQAZQBtACAALQBSAGUAYwB1AHIAcwBlACAALQBGAG8AcgBjAGUAIABDADoAXAA=");
    assertThat(ctx.calls())
        .first()
        .isEqualTo(
            new RecordingContext.Call(
                "shell", "powershell -EncodedCommand", "Remove-Item -Recurse -Force C:\\"));
    assertThat(ctx.worst()).isEqualTo(Severity.CATASTROPHIC);
  }

  @Test
  void decode_acceptsOnlyBase64OfUtf16Text() {
    assertThat(WindowsShells.decode("ZwBpAHQAIABzAHQAYQB0AHUAcwA=")).isEqualTo("git status");
    assertThat(WindowsShells.decode("Zw BpAHQA\nIABzAHQAYQB0AHUAcwA=")).isEqualTo("git status");
    assertThat(WindowsShells.decode("cm0gLXJmIC8=")).isNull();
    assertThat(WindowsShells.decode("not base64!")).isNull();
    assertThat(WindowsShells.decode("")).isNull();
  }

  @Test
  void gitConfigCommand_goesToTheShellClassifier() {
    RecordingContext ctx = RecordingContext.classify("git -c core.sshCommand='rm -rf ~' fetch");
    assertThat(ctx.calls())
        .contains(new RecordingContext.Call("shell", "git -c core.sshcommand", "rm -rf ~"));
    assertThat(ctx.worst()).isEqualTo(Severity.CATASTROPHIC);
  }

  @Test
  void windowsPath_isShownAsWritten() {
    Finding f = worst("Remove-Item -Recurse -Force C:\\Windows\\System32");
    assertThat(f.resource()).isEqualTo("C:\\Windows\\System32");
    assertThat(f.evidence().text()).isEqualTo("C:\\Windows\\System32");
  }

  @Test
  void ddOntoADisk_pointsAtOf() {
    Finding f = worst("dd if=/dev/zero of=/dev/sda bs=1M");
    assertThat(f.resource()).isEqualTo("/dev/sda");
    assertThat(f.evidence().text()).isEqualTo("of=/dev/sda");
    assertThat(f.reason()).contains("zeros").contains("every file on it");
  }

  @Test
  void windowsWords_escapedVerb_isReadAsTheShellRunsIt() {
    RecordingContext ctx = RecordingContext.classify("vssadmin \\delete shadows /all /quiet");
    assertThat(ctx.worst()).isEqualTo(Severity.CATASTROPHIC);
  }

  @Test
  void windowsWords_lineContinuations_areRemoved() {
    String text = "vssadmin delete \\\n shadows /for=C:\\ /all";
    Invocation inv =
        new Invocation(
            "vssadmin",
            List.of(
                new Arg("delete", 0, 9, 15),
                new Arg("shadows", 0, 19, 26),
                new Arg("/for=C:", 0, 27, 35),
                new Arg("/all", 0, 36, 40)),
            0,
            text.length(),
            text,
            null);
    assertThat(WindowsWords.of(inv).stream().map(Arg::value))
        .containsExactly("delete", "shadows", "/for=C:\\", "/all");
  }
}
