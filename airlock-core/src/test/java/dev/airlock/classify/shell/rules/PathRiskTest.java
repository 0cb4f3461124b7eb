package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.rules.PathRisk.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathRiskTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "/, ROOT",
    "/*, ROOT",
    "//, ROOT",
    "/., ROOT",
    "/tmp/.., ROOT",
    "C:\\, ROOT",
    "C:/, ROOT",
    "C:\\*, ROOT",
    "c:, ROOT",
    "D:\\*.*, ROOT",
    "/etc, SYSTEM",
    "/usr/lib, SYSTEM",
    "/var, SYSTEM",
    "/boot/vmlinuz, SYSTEM",
    "C:\\Windows, SYSTEM",
    "C:\\Program Files, SYSTEM",
    "%SystemRoot%\\System32, SYSTEM",
    "/etc/nginx/sites-enabled, SYSTEM_PART",
    "/usr/local/lib/node_modules/x, SYSTEM_PART",
    "~, HOME",
    "~/, HOME",
    "~/*, HOME",
    "/home/alice, HOME",
    "/Users/bob, HOME",
    "/root, HOME",
    "%USERPROFILE%, HOME",
    "$env:USERPROFILE, HOME",
    "C:\\Users\\alice, HOME",
    "~/.ssh, HOME_SECRETS",
    "~/.ssh/id_ed25519, HOME_SECRETS",
    "~/.aws/credentials, HOME_SECRETS",
    "~/.gnupg, HOME_SECRETS",
    "~/.kube/config, HOME_SECRETS",
    "~/.config/gcloud, HOME_SECRETS",
    "~/.docker/config.json, HOME_SECRETS",
    "~/.netrc, HOME_SECRETS",
    "/home/alice/.ssh, HOME_SECRETS",
    "~/.bashrc, HOME_CONFIG",
    "~/.config, HOME_CONFIG",
    "/var/lib/postgresql, DATA",
    "/var/lib/mysql/ibdata1, DATA",
    "/var/lib/docker, DATA",
    "/srv, DATA",
    "/data, DATA",
    "/mnt/usb, DATA",
    "/media/disk, DATA",
    "/backup, DATA",
    "db.sqlite3, DATA",
    "prod.db, DATA",
    "pgdata, DATA",
    "docker/volumes/pg, DATA",
    ".git, PROJECT_CRITICAL",
    ".git/config, PROJECT_CRITICAL",
    ".env, PROJECT_CRITICAL",
    ".env.production, PROJECT_CRITICAL",
    "server.pem, PROJECT_CRITICAL",
    "tls.key, PROJECT_CRITICAL",
    "id_rsa, PROJECT_CRITICAL",
    "credentials.json, PROJECT_CRITICAL",
    "secrets.yaml, PROJECT_CRITICAL",
    "terraform.tfstate, PROJECT_CRITICAL",
    "., CWD_ALL",
    "./, CWD_ALL",
    "*, CWD_ALL",
    "./*, CWD_ALL",
    ".., CWD_ALL",
    "../*, CWD_ALL",
    "node_modules, REGENERABLE",
    "./dist, REGENERABLE",
    "build/, REGENERABLE",
    "target, REGENERABLE",
    ".next, REGENERABLE",
    "__pycache__, REGENERABLE",
    "app/x.pyc, REGENERABLE",
    ".venv, REGENERABLE",
    "/tmp/x, REGENERABLE",
    "/var/tmp/build, REGENERABLE",
    ".git/index.lock, REGENERABLE",
    "~/.cache, REGENERABLE",
    "/dev/sda, DEVICE",
    "/dev/nvme0n1p1, DEVICE",
    "/dev/disk2, DEVICE",
    "/dev/mapper/vg-data, DEVICE",
    "/dev/xvda, DEVICE",
    "\\\\.\\PhysicalDrive0, DEVICE",
    "/dev/null, SPECIAL",
    "/dev/stdout, SPECIAL",
    "/tmp, OTHER",
    "/tmp/*, OTHER",
    "src/app.ts, OTHER",
    ".env.example, OTHER",
    "credentials.ts, OTHER"
  })
  void category_ofLiteralPaths(String path, String expected) {
    Arg a =
        new Arg(path, (path.startsWith("~") ? Arg.HOME : 0) | (glob(path) ? Arg.GLOB : 0), 0, 0);
    assertThat(PathRisk.category(a)).isEqualTo(Category.valueOf(expected.strip()));
  }

  @Test
  void category_quotedTildeOrStar_isALiteralName() {
    assertThat(PathRisk.category(new Arg("~", Arg.QUOTED, 0, 0))).isEqualTo(Category.OTHER);
    assertThat(PathRisk.category(new Arg("*", Arg.QUOTED, 0, 0))).isEqualTo(Category.OTHER);
  }

  private static boolean glob(String p) {
    return p.indexOf('*') >= 0 || p.indexOf('?') >= 0;
  }

  @Test
  void category_dynamicValues_areDynamicUnlessTheirNameTellsMore() {
    assertThat(PathRisk.category(new Arg("$DIR", Arg.DYNAMIC, 0, 0))).isEqualTo(Category.DYNAMIC);
    assertThat(PathRisk.category(new Arg("$(pwd)/x", Arg.DYNAMIC | Arg.SUBST, 0, 0)))
        .isEqualTo(Category.DYNAMIC);
    assertThat(PathRisk.category(new Arg("$APP/.env", Arg.DYNAMIC, 0, 0)))
        .isEqualTo(Category.PROJECT_CRITICAL);
    assertThat(PathRisk.category(new Arg("node_modules/$PKG", Arg.DYNAMIC, 0, 0)))
        .isEqualTo(Category.REGENERABLE);
    assertThat(PathRisk.category(new Arg("{items from standard input}", Arg.INPUT, 0, 0)))
        .isEqualTo(Category.DYNAMIC);
  }

  @Test
  void category_braceExpansion_takesTheWorstAlternative() {
    assertThat(PathRisk.category(new Arg("{dist,build}", Arg.BRACE, 0, 0)))
        .isEqualTo(Category.REGENERABLE);
    assertThat(PathRisk.category(new Arg("/{tmp/x,etc}", Arg.BRACE, 0, 0)))
        .isEqualTo(Category.SYSTEM);
  }

  @ParameterizedTest(name = "> {0} is {1}")
  @CsvSource({
    ".env, DESTRUCTIVE",
    "/dev/sda, CATASTROPHIC",
    "/dev/nvme0n1, CATASTROPHIC",
    "/etc/passwd, CATASTROPHIC",
    "/etc/sudoers, CATASTROPHIC",
    "/etc/nginx/nginx.conf, DESTRUCTIVE",
    "/tmp/x, SAFE",
    "~/.bashrc, DESTRUCTIVE",
    "~/.ssh/authorized_keys, DESTRUCTIVE",
    "src/app.ts, SAFE",
    "README.md, SAFE",
    "db.sqlite3, DESTRUCTIVE",
    "terraform.tfstate, DESTRUCTIVE",
    ".git/HEAD, DESTRUCTIVE",
    "/dev/null, SAFE",
    "/dev/stderr, SAFE",
    "/usr/local/bin/tool, SAFE",
    "dist/app.js, SAFE"
  })
  void clobber_judgesWritingOverAFile(String path, String expected) {
    Arg a = new Arg(path, path.startsWith("~") ? Arg.HOME : 0, 0, 0);
    assertThat(PathRisk.clobber(a).severity()).isEqualTo(Severity.valueOf(expected.strip()));
  }

  @Test
  void clobber_ofAPathOnlyKnownAtRunTime_isUnknown() {
    assertThat(PathRisk.clobber(new Arg("$OUT", Arg.DYNAMIC, 0, 0)).severity())
        .isEqualTo(Severity.UNKNOWN);
  }

  @Test
  void append_toWhatDecidesLoginsAndPrivileges_isDestructive() {
    assertThat(PathRisk.append(Arg.literal("/etc/sudoers")).severity())
        .isEqualTo(Severity.DESTRUCTIVE);
    assertThat(PathRisk.append(new Arg("~/.ssh/authorized_keys", Arg.HOME, 0, 0)).severity())
        .isEqualTo(Severity.DESTRUCTIVE);
    assertThat(PathRisk.append(Arg.literal("build.log")).severity()).isEqualTo(Severity.SAFE);
    assertThat(PathRisk.append(Arg.literal("/dev/sda")).severity())
        .isEqualTo(Severity.CATASTROPHIC);
  }

  @Test
  void delete_recursiveAndNot_differForHomeAndOrdinaryFiles() {
    Arg home = new Arg("~", Arg.HOME, 0, 0);
    assertThat(PathRisk.delete(home, true).severity()).isEqualTo(Severity.CATASTROPHIC);
    assertThat(PathRisk.delete(home, false).severity()).isEqualTo(Severity.DESTRUCTIVE);
    Arg file = Arg.literal("src/old.ts");
    assertThat(PathRisk.delete(file, false).severity()).isEqualTo(Severity.SAFE);
    assertThat(PathRisk.delete(file, true).severity()).isEqualTo(Severity.DESTRUCTIVE);
    Arg input = new Arg(".", Arg.INPUT, 0, 0);
    assertThat(PathRisk.delete(input, false).severity()).isEqualTo(Severity.DESTRUCTIVE);
  }

  @Test
  void windowsSource_recoversBackslashesTheParserRemoved() {
    Invocation inv =
        new Invocation(
            "rd",
            java.util.List.of(new Arg("C:Windows", 0, 3, 13), new Arg("x", 0, 14, 15)),
            0,
            15,
            "rd C:\\Windows x",
            null);
    assertThat(PathRisk.windowsSource(inv, inv.args().get(0)).value()).isEqualTo("C:\\Windows");
    assertThat(PathRisk.windowsSource(inv, inv.args().get(1)).value()).isEqualTo("x");
    Arg unix = new Arg("my dir", 0, 3, 10);
    Invocation escaped = new Invocation("rm", java.util.List.of(unix), 0, 10, "rm my\\ dir", null);
    assertThat(PathRisk.windowsSource(escaped, unix)).isSameAs(unix);
  }
}
