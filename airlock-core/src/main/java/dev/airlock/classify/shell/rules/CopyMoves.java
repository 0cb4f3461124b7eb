package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Category;
import dev.airlock.classify.shell.rules.PathRisk.Risk;
import java.util.List;

/**
 * {@code mv}, {@code cp}, {@code ln -f} and {@code install} for the filesystem pack: what the
 * destination held is lost when it is written over ({@code cp /dev/null db.sqlite3}, {@code mv x
 * .env}), and moving the system or a home directory away breaks everything that looks for it
 * ({@code mv /usr /usr.old}); moving onto {@code /dev/null} discards the source.
 */
final class CopyMoves {

  private CopyMoves() {}

  private static final String[] VALUE_OPTIONS = {
    "-t",
    "--target-directory",
    "-S",
    "--suffix",
    "-m",
    "--mode",
    "-o",
    "--owner",
    "-g",
    "--group",
    "--strip-program"
  };

  static void classify(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    ArgView v =
        p.equals("install")
            ? inv.view(VALUE_OPTIONS)
            : inv.view("-t", "--target-directory", "-S", "--suffix");
    Arg update = v.value("--update");
    boolean keepsOld =
        v.flag("-n", "--no-clobber", "-b", "--backup")
            || (update != null && update.value().equals("none"));
    Arg targetDir = v.value("-t", "--target-directory");
    List<Arg> pos = v.positionals();
    if (p.equals("install") && v.flag("-d", "--directory")) {
      return;
    }
    if (p.equals("ln")) {
      if (!v.flag("-f", "--force") || keepsOld || targetDir != null || pos.isEmpty()) {
        return;
      }
      if (pos.size() == 1) {
        Arg only = pos.getFirst();
        String base = only.value().substring(only.value().lastIndexOf('/') + 1);
        over(inv, ctx, p, pos, only.withValue(base.isEmpty() ? only.value() : base));
      } else if (pos.size() == 2) {
        over(inv, ctx, p, pos.subList(0, 1), pos.get(1));
      }
      return;
    }
    List<Arg> sources;
    Arg dest;
    if (targetDir != null) {
      sources = pos;
      dest = targetDir;
    } else if (pos.size() >= 2) {
      sources = pos.subList(0, pos.size() - 1);
      dest = pos.getLast();
    } else {
      return;
    }
    if (p.equals("mv")) {
      moveAway(inv, ctx, sources);
      Category destCategory = PathRisk.category(PathRisk.windowsSource(inv, dest));
      if (destCategory == Category.SPECIAL || destCategory == Category.DEVICE) {
        discard(inv, ctx, sources, dest);
        return;
      }
    }
    if (targetDir == null && sources.size() == 1 && !keepsOld) {
      over(inv, ctx, p, sources, dest);
    }
  }

  private static void over(
      Invocation inv, ShellContext ctx, String p, List<Arg> sources, Arg dest) {
    boolean emptying = false;
    for (Arg s : sources) {
      String v = s.value();
      emptying |= v.equals("/dev/null") || v.equals("/dev/zero");
    }
    boolean fromNothing = emptying;
    PathFindings.report(
        inv,
        ctx,
        List.of(dest),
        a -> {
          Risk r = PathRisk.clobber(a);
          return r.severity() == Severity.UNKNOWN && !fromNothing
              ? new Risk(r.category(), Severity.SAFE, r.path())
              : r;
        },
        "shell.fs." + p + "-over",
        "overwrite",
        (r, a) ->
            p
                + (fromNothing ? " empties " : " writes over ")
                + r.path()
                + " ("
                + PathRisk.describe(r.category())
                + "): "
                + clobberLoss(r.category()),
        null);
  }

  static String clobberLoss(Category c) {
    return switch (c) {
      case DEVICE -> "the filesystem and every file on the disk are destroyed";
      case SYSTEM -> "logins, boot or the programs that rely on it break until it is restored";
      case DYNAMIC -> "what the file held is lost, and which file it is is only known at run time";
      default -> "what it held is lost unless it is backed up somewhere else";
    };
  }

  private static void moveAway(Invocation inv, ShellContext ctx, List<Arg> sources) {
    PathFindings.report(
        inv,
        ctx,
        sources,
        a -> {
          Risk d = PathRisk.delete(a, true);
          Severity s =
              switch (d.category()) {
                case ROOT, SYSTEM -> Severity.CATASTROPHIC;
                case HOME, DEVICE -> Severity.DESTRUCTIVE;
                case DATA ->
                    d.severity() == Severity.CATASTROPHIC ? Severity.DESTRUCTIVE : Severity.SAFE;
                default -> Severity.SAFE;
              };
          return new Risk(d.category(), s, d.path());
        },
        "shell.fs.mv-away",
        "move",
        (r, a) ->
            "moves "
                + r.path()
                + " ("
                + PathRisk.describe(r.category())
                + ") away: "
                + (r.severity() == Severity.CATASTROPHIC
                    ? "the programs and libraries the system runs on are no longer where it looks"
                        + " for them, and the machine stops working (mv itself may be gone)"
                    : "everything that looks for it there breaks until it is moved back"),
        null);
  }

  private static void discard(Invocation inv, ShellContext ctx, List<Arg> sources, Arg dest) {
    PathFindings.report(
        inv,
        ctx,
        sources,
        a -> {
          Risk d = PathRisk.delete(a, true);
          return new Risk(
              d.category(), Severity.worst(Severity.DESTRUCTIVE, d.severity()), d.path());
        },
        "shell.fs.mv-discard",
        "delete",
        (r, a) ->
            "moves "
                + r.path()
                + " onto "
                + dest.value()
                + ", which throws it away (and, run as root, replaces the device): "
                + PathFindings.deleteLoss(r.category(), r.path(), true),
        null);
  }
}
