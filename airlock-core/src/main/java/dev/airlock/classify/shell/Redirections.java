package dev.airlock.classify.shell;

import dev.airlock.action.Kind;
import dev.airlock.classify.FilePaths;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.syntax.Redirect;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Output redirections: writing over a disk, a secret or a database file is destructive. */
final class Redirections {

  private Redirections() {}

  static void judge(ShellWalk walk, Redirect r, Arg target, @Nullable Arg command) {
    String op = r.operator();
    boolean append = op.startsWith(">>") || op.equals("&>>");
    String v = target.value();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("/dev/null")
        || lower.equals("/dev/stdout")
        || lower.equals("/dev/stderr")
        || lower.equals("/dev/tty")
        || lower.startsWith("/dev/fd/")
        || lower.startsWith("/dev/pts/")) {
      return;
    }
    Severity sev = null;
    String why = null;
    if (target.dynamic() && !append) {
      sev = Severity.UNKNOWN;
      why = "writes over a file named by " + v + ", only known when it runs";
    } else if (lower.matches(
        "/dev/(sd|hd|vd|xvd|nvme|mmcblk|disk|rdisk|md|dm-|mapper/|loop|sr).*")) {
      sev = Severity.CATASTROPHIC;
      why = "writes straight onto the disk device " + v + ", destroying its filesystem";
    } else if (!append && FilePaths.important(lower, target.home())) {
      sev = Severity.DESTRUCTIVE;
      why = "overwrites " + v + ", whose contents (secrets, keys, data or history) are lost";
    } else if (append && sensitiveAppend(lower, target.home())) {
      sev = Severity.DESTRUCTIVE;
      why = "appends to " + v + ", changing who can log in or what runs with privileges";
    }
    if (sev == null || why == null) {
      return;
    }
    walk.scope()
        .finding(Kind.SHELL, append ? "shell.redirect.append-sensitive" : "shell.redirect.clobber")
        .program(command == null ? "sh" : Invocation.normalize(command.value()))
        .verb(append ? "append" : "overwrite")
        .resource(v)
        .severity(sev)
        .reason(why)
        .evidence(r.span().start(), r.span().end(), r.span().of(walk.text()))
        .addTo(walk.analysis());
  }

  private static boolean sensitiveAppend(String p, boolean home) {
    return p.startsWith("/etc/sudoers")
        || p.startsWith("/etc/passwd")
        || p.startsWith("/etc/shadow")
        || p.startsWith("/etc/cron")
        || p.endsWith("authorized_keys")
        || p.startsWith("/etc/ld.so.preload");
  }
}
