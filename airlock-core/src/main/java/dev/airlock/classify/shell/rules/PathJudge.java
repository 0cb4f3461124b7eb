package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import java.util.Locale;

/**
 * How bad deleting or overwriting a literal path named inside interpreter code is. (Interim: to be
 * folded into the filesystem pack's path categories.)
 */
final class PathJudge {

  private PathJudge() {}

  static Severity delete(String path, boolean recursive) {
    String p = path.strip().toLowerCase(Locale.ROOT);
    if (p.equals("/")
        || p.equals("/*")
        || p.matches("[a-z]:[\\\\/]?\\*?")
        || p.equals("~")
        || p.equals("~/")) {
      return Severity.CATASTROPHIC;
    }
    if (p.matches(
        "/(etc|usr|bin|sbin|lib|lib64|boot|var|opt|srv|data|home|root|system|windows)(/.*)?")) {
      return recursive ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE;
    }
    if (clobber(p) != Severity.SAFE) {
      return Severity.DESTRUCTIVE;
    }
    if (regenerable(p)) {
      return Severity.SAFE;
    }
    return recursive ? Severity.DESTRUCTIVE : Severity.SAFE;
  }

  static Severity clobber(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    String base = p.substring(p.lastIndexOf('/') + 1);
    if (base.equals(".env")
        || base.startsWith(".env.")
        || base.endsWith(".pem")
        || base.endsWith(".key")
        || base.startsWith("id_rsa")
        || base.startsWith("id_ed25519")
        || base.equals("credentials")
        || base.endsWith(".sqlite")
        || base.endsWith(".sqlite3")
        || base.endsWith(".db")
        || base.endsWith(".tfstate")
        || p.equals(".git")
        || p.contains(".git/")
        || p.startsWith("/etc/")
        || p.contains("/.ssh")
        || p.startsWith("~/.")) {
      return Severity.DESTRUCTIVE;
    }
    return Severity.SAFE;
  }

  private static boolean regenerable(String p) {
    String t = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    if (t.startsWith("./")) {
      t = t.substring(2);
    }
    return t.startsWith("/tmp/")
        || t.startsWith("/var/tmp/")
        || t.equals("node_modules")
        || t.equals("dist")
        || t.equals("build")
        || t.equals("target")
        || t.equals(".next")
        || t.equals("__pycache__")
        || t.equals(".cache")
        || t.equals("coverage")
        || t.equals(".pytest_cache")
        || t.endsWith("/node_modules")
        || t.endsWith("/__pycache__");
  }
}
