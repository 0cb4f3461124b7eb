package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Risk;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code rsync} for the filesystem pack. With {@code --delete} (and its variants) the destination
 * loses everything the source does not have, so the destination decides: {@code rsync -a --delete
 * /tmp/empty/ ~/} empties the home directory. A source written without a trailing slash is copied
 * as a directory, so only that directory inside the destination is mirrored. A remote destination
 * with an empty or relative path ({@code host:}, {@code host:app}) is in the remote home directory;
 * its host name is searched for environment markers. {@code --remove-source-files} deletes the
 * sources once copied, judged like moving them away. Dry runs change nothing.
 */
final class RsyncCommand {

  private RsyncCommand() {}

  private static final String[] VALUE_OPTIONS = {
    "-e",
    "--rsh",
    "--rsync-path",
    "--exclude",
    "--include",
    "--filter",
    "-f",
    "--exclude-from",
    "--include-from",
    "--files-from",
    "--password-file",
    "--log-file",
    "--log-file-format",
    "-T",
    "--temp-dir",
    "--partial-dir",
    "--backup-dir",
    "--suffix",
    "--chmod",
    "--chown",
    "--usermap",
    "--groupmap",
    "--max-size",
    "--min-size",
    "--max-delete",
    "--bwlimit",
    "--timeout",
    "--contimeout",
    "--port",
    "--compare-dest",
    "--copy-dest",
    "--link-dest",
    "-M",
    "--remote-option",
    "--out-format",
    "--info",
    "--debug",
    "-B",
    "--block-size",
    "--modify-window",
    "--compress-choice",
    "--checksum-choice",
    "--iconv",
    "--skip-compress",
    "--sockopts",
    "--outbuf",
    "--stop-after",
    "--stop-at",
    "--write-batch",
    "--read-batch",
    "--only-write-batch",
    "--address",
    "--protocol",
    "--checksum-seed",
    "--early-input"
  };

  static void classify(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view(VALUE_OPTIONS);
    if (v.flag("-n", "--dry-run", "--list-only")) {
      return;
    }
    List<Arg> pos = v.positionals();
    if (pos.size() < 2) {
      return;
    }
    Arg dest = pos.getLast();
    List<Arg> sources = pos.subList(0, pos.size() - 1);
    Environment env = Environment.UNKNOWN;
    for (Arg a : pos) {
      String host = host(a.value());
      if (host != null) {
        env = env.combine(PathFindings.environmentOf(host));
      }
    }
    boolean deletes =
        v.flag(
            "--delete",
            "--del",
            "--delete-before",
            "--delete-during",
            "--delete-delay",
            "--delete-after",
            "--delete-excluded",
            "--delete-missing-args");
    if (deletes) {
      Arg destPath = localPath(dest);
      List<Arg> scopes = new ArrayList<>();
      for (Arg s : sources) {
        String sv = s.value();
        String name = sv.endsWith("/") || s.dynamic() || s.glob() ? "" : baseName(localPath(s));
        scopes.add(
            name.isEmpty() || name.equals(".") || name.equals("..")
                ? destPath
                : destPath.withValue(
                    destPath.value() + (destPath.value().endsWith("/") ? "" : "/") + name));
      }
      PathFindings.report(
          inv,
          ctx,
          scopes,
          a -> PathRisk.delete(a, true),
          "shell.fs.rsync-delete",
          "sync-delete",
          (r, a) ->
              "rsync --delete makes "
                  + r.path()
                  + " ("
                  + PathRisk.describe(r.category())
                  + ") a copy of "
                  + PathFindings.shown(sources)
                  + ", deleting whatever the source lacks: "
                  + PathFindings.deleteLoss(r.category(), r.path(), true),
          null,
          env);
    }
    if (v.flag("--remove-source-files")) {
      List<Arg> local = new ArrayList<>();
      for (Arg s : sources) {
        local.add(localPath(s));
      }
      PathFindings.report(
          inv,
          ctx,
          local,
          a -> {
            Risk d = PathRisk.delete(a, true);
            Severity s =
                switch (d.category()) {
                  case ROOT, SYSTEM -> Severity.CATASTROPHIC;
                  case HOME -> Severity.DESTRUCTIVE;
                  default -> Severity.SAFE;
                };
            return new Risk(d.category(), s, d.path());
          },
          "shell.fs.rsync-remove-source",
          "move",
          (r, a) ->
              "rsync --remove-source-files deletes the files of "
                  + r.path()
                  + " ("
                  + PathRisk.describe(r.category())
                  + ") once copied: everything that expects them there breaks",
          null,
          env);
    }
  }

  /** The host of a remote rsync location ({@code user@host:path}, {@code rsync://host/m}). */
  static @Nullable String host(String v) {
    if (v.startsWith("rsync://")) {
      int end = v.indexOf('/', 8);
      return v.substring(8, end < 0 ? v.length() : end);
    }
    int colon = v.indexOf(':');
    int slash = v.indexOf('/');
    if (colon <= 1 || (slash >= 0 && slash < colon)) {
      return null;
    }
    String host = v.substring(0, colon);
    int at = host.lastIndexOf('@');
    return at >= 0 ? host.substring(at + 1) : host;
  }

  /** The path part of an rsync location; a remote relative path is under the remote home. */
  static Arg localPath(Arg a) {
    String v = a.value();
    String host = host(v);
    if (host == null) {
      return a;
    }
    String path;
    if (v.startsWith("rsync://")) {
      int slash = v.indexOf('/', 8);
      path = slash < 0 ? "" : v.substring(slash + 1);
      return new Arg(path, a.flags() & ~Arg.HOME, a.start(), a.end());
    }
    int colon = v.indexOf(':');
    path = v.substring(colon + 1);
    if (path.startsWith(":")) {
      return new Arg(path.substring(1), a.flags() & ~Arg.HOME, a.start(), a.end());
    }
    if (path.startsWith("/")) {
      return new Arg(path, a.flags() & ~Arg.HOME, a.start(), a.end());
    }
    if (path.startsWith("~")) {
      return new Arg(path, a.flags() | Arg.HOME, a.start(), a.end());
    }
    return new Arg(path.isEmpty() ? "~" : "~/" + path, a.flags() | Arg.HOME, a.start(), a.end());
  }

  private static String baseName(Arg a) {
    String v = a.value();
    return v.substring(v.lastIndexOf('/') + 1);
  }
}
