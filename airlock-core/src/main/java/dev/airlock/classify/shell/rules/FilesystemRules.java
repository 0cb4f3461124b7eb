package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Category;
import dev.airlock.classify.shell.rules.PathRisk.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The filesystem pack: deleting ({@code rm}, {@code rmdir}, {@code unlink}, {@code find -delete}),
 * destroying ({@code shred}, {@code srm}, {@code wipe}, {@code scrub}), emptying ({@code
 * truncate}), writing over ({@code mv}, {@code cp}, {@code ln -f}, {@code install}, {@code tee}),
 * changing permissions ({@code chmod}, {@code chown}, {@code chgrp}) and mirroring ({@code rsync
 * --delete}). What is at stake is decided by {@link PathRisk}; {@code find -exec} hands its command
 * back to the classifier.
 *
 * <p>{@code rm} also reads the PowerShell spelling ({@code rm -Recurse -Force C:\}, where {@code
 * rm} is an alias of {@code Remove-Item}) and {@code rmdir} the cmd spelling ({@code rmdir /s /q
 * C:\}).
 */
final class FilesystemRules implements CommandRules {

  @Override
  public String name() {
    return "fs";
  }

  @Override
  public Set<String> programs() {
    return Set.of(
        ("rm rmdir unlink shred srm wipe scrub truncate mv cp ln install tee "
                + "chmod chown chgrp rsync find rimraf del-cli")
            .split(" "));
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    switch (inv.program()) {
      case "rm" -> rm(inv, ctx);
      case "rmdir" -> rmdir(inv, ctx);
      case "unlink" -> delete(inv, ctx, inv.view().positionals(), false, "shell.fs.unlink", "");
      case "shred", "srm", "wipe", "scrub" -> shred(inv, ctx);
      case "truncate" -> truncate(inv, ctx);
      case "tee" -> tee(inv, ctx);
      case "mv", "cp", "ln", "install" -> CopyMoves.classify(inv, ctx);
      case "chmod", "chown", "chgrp" -> Permissions.classify(inv, ctx);
      case "rsync" -> RsyncCommand.classify(inv, ctx);
      case "find" -> FindCommand.classify(inv, ctx);
      case "rimraf", "del-cli" -> nodeDelete(inv, ctx);
      default -> {}
    }
  }

  /**
   * {@code rimraf} and {@code del-cli}: the npm packages that delete paths and globs recursively.
   */
  private static void nodeDelete(Invocation inv, ShellContext ctx) {
    List<Arg> targets = new ArrayList<>();
    for (Arg a : inv.args()) {
      if (!a.value().startsWith("-") && !a.value().startsWith("!")) {
        targets.add(a);
      }
    }
    delete(inv, ctx, targets, true, "shell.fs." + inv.program(), "");
  }

  // ---- rm

  /** The PowerShell parameters of Remove-Item, for {@code rm -Recurse -Force}. */
  private static final List<String> PS_PARAMS =
      List.of(
          ("recurse force path literalpath whatif include exclude filter "
                  + "credential stream confirm verbose")
              .split(" "));

  private static void rm(Invocation inv, ShellContext ctx) {
    boolean recursive = false;
    boolean dryRun = false;
    boolean noPreserveRoot = false;
    boolean operandsOnly = false;
    List<Arg> targets = new ArrayList<>();
    List<Arg> args = WindowsWords.of(inv, false);
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      if (operandsOnly || v.length() < 2 || v.charAt(0) != '-') {
        targets.add(a);
        continue;
      }
      if (v.equals("--")) {
        operandsOnly = true;
        continue;
      }
      if (a.dynamic()) {
        recursive = true;
        continue;
      }
      String lower = v.toLowerCase(Locale.ROOT);
      if (v.startsWith("--")) {
        recursive |= lower.equals("--recursive") || lower.startsWith("--recursive=");
        noPreserveRoot |= lower.equals("--no-preserve-root");
        continue;
      }
      String ps = powerShellParam(v);
      if (ps != null) {
        switch (ps) {
          case "recurse" -> recursive = true;
          case "whatif" -> dryRun = true;
          case "path", "literalpath" -> {
            if (i + 1 < args.size()) {
              targets.add(args.get(++i));
            }
          }
          case "include", "exclude", "filter", "credential", "stream" -> i++;
          default -> {}
        }
        continue;
      }
      for (int j = 1; j < v.length(); j++) {
        char c = v.charAt(j);
        recursive |= c == 'r' || c == 'R';
      }
    }
    if (dryRun) {
      ctx.finding(inv, "shell.fs.rm-dry-run")
          .verb("delete")
          .severity(Severity.SAFE)
          .read()
          .reason("-WhatIf only reports what would be deleted")
          .addTo(ctx.analysis());
      return;
    }
    delete(
        inv,
        ctx,
        targets,
        recursive,
        recursive ? "shell.fs.rm-recursive" : "shell.fs.rm",
        noPreserveRoot ? ", with --no-preserve-root switching off rm's own guard for /" : "");
  }

  /**
   * The PowerShell parameter a single-dash word names ({@code -Recurse}, {@code -rec}, {@code
   * -Fo}), or null when it reads as Unix short options ({@code -rf}).
   */
  static @Nullable String powerShellParam(String v) {
    String name = v.substring(1).toLowerCase(Locale.ROOT);
    int colon = name.indexOf(':');
    if (colon > 0) {
      name = name.substring(0, colon);
    }
    boolean capitalised =
        v.length() >= 3 && Character.isUpperCase(v.charAt(1)) && Character.isLowerCase(v.charAt(2));
    if (name.length() < 2 || (name.length() < 3 && !capitalised)) {
      return null;
    }
    for (String p : PS_PARAMS) {
      if (p.startsWith(name)) {
        return p;
      }
    }
    return null;
  }

  private static void rmdir(Invocation inv, ShellContext ctx) {
    boolean subtree = false;
    List<Arg> targets = new ArrayList<>();
    List<Arg> args = WindowsWords.of(inv, false);
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value().toLowerCase(Locale.ROOT);
      String ps = a.isOption() && !a.dynamic() ? powerShellParam(a.value()) : null;
      if (v.equals("/s") || "recurse".equals(ps)) {
        subtree = true;
      } else if (("path".equals(ps) || "literalpath".equals(ps)) && i + 1 < args.size()) {
        targets.add(args.get(++i));
      } else if (!v.equals("/q") && !a.isOption()) {
        targets.add(a);
      }
    }
    if (subtree) {
      delete(inv, ctx, targets, true, "shell.fs.rmdir-recursive", "");
      return;
    }
    ctx.finding(inv, "shell.fs.rmdir-empty")
        .verb("delete")
        .resource(PathFindings.shown(targets))
        .severity(Severity.SAFE)
        .reason("rmdir removes only empty directories; it refuses anything with files in it")
        .addTo(ctx.analysis());
  }

  /** Reports deleting the targets; {@code how} is appended to the reason when not empty. */
  static void delete(
      Invocation inv,
      ShellContext ctx,
      List<Arg> targets,
      boolean recursive,
      String rulePrefix,
      String how) {
    boolean allRegenerable = true;
    for (Arg t : targets) {
      allRegenerable &= PathRisk.category(PathRisk.windowsSource(inv, t)) == Category.REGENERABLE;
    }
    PathFindings.report(
        inv,
        ctx,
        targets,
        a -> PathRisk.delete(a, recursive),
        rulePrefix,
        recursive ? "delete-recursive" : "delete",
        (r, a) -> deleteReason(r, a, recursive) + how,
        allRegenerable
            ? new PathFindings.Safe(
                rulePrefix + "-regenerable",
                "delete",
                "removes only what a build, an install or a tool recreates")
            : new PathFindings.Safe(
                rulePrefix + "-files",
                "delete",
                "removes individual files that git or a rebuild can bring back; nothing"
                    + " recursive, secret or shared"));
  }

  static String deleteReason(Risk r, Arg a, boolean recursive) {
    boolean many = recursive || (a.flags() & Arg.INPUT) != 0;
    String what;
    if ((a.flags() & Arg.INPUT) != 0) {
      what =
          a.value().startsWith("{")
              ? "files named only at run time " + a.value()
              : "every file handed over at run time from " + a.value();
    } else if (r.category() == Category.OTHER || r.category() == Category.REGENERABLE) {
      what = r.path();
    } else {
      what = r.path() + " (" + PathRisk.describe(r.category()) + ")";
    }
    String verb = recursive ? "recursively deletes " : "deletes ";
    return verb + what + ": " + PathFindings.deleteLoss(r.category(), r.path(), many);
  }

  // ---- shred, truncate, tee

  private static void shred(Invocation inv, ShellContext ctx) {
    ArgView v =
        inv.view("-n", "--iterations", "-s", "--size", "--random-source", "-p", "-b", "--pattern");
    boolean recursive = !inv.program().equals("shred") && v.flag("-r", "-R", "--recursive");
    String p = inv.program();
    PathFindings.report(
        inv,
        ctx,
        v.positionals(),
        a -> shredRisk(a, recursive),
        "shell.fs." + p,
        "shred",
        (r, a) ->
            (r.category() == Category.DEVICE
                    ? p + " overwrites the whole device " + r.path()
                    : p + " overwrites " + r.path() + " (" + PathRisk.describe(r.category()) + ")")
                + " so that no undelete tool or backup of the disk can bring it back"
                + (r.category() == Category.DEVICE
                    ? ": every partition and file on it is destroyed"
                    : ": " + PathFindings.deleteLoss(r.category(), r.path(), recursive)),
        new PathFindings.Safe(
            "shell.fs." + p + "-temporary", "shred", p + " destroys only temporary files"));
  }

  static Risk shredRisk(Arg a, boolean recursive) {
    Risk d = PathRisk.delete(a, true);
    Severity s =
        switch (d.category()) {
          case REGENERABLE, SPECIAL -> Severity.SAFE;
          case DEVICE -> Severity.CATASTROPHIC;
          default -> Severity.worst(Severity.DESTRUCTIVE, PathRisk.delete(a, recursive).severity());
        };
    return new Risk(d.category(), s, d.path());
  }

  private static void truncate(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view("-s", "--size", "-r", "--reference");
    Arg size = v.value("-s", "--size");
    boolean shrinks = v.value("-r", "--reference") != null;
    if (size != null) {
      String s = size.value();
      shrinks |= !(s.startsWith("+") || s.startsWith(">"));
    }
    if (!shrinks) {
      return;
    }
    String to = size == null ? "the size of a reference file" : size.value();
    PathFindings.report(
        inv,
        ctx,
        v.positionals(),
        PathRisk::clobber,
        "shell.fs.truncate",
        "truncate",
        (r, a) ->
            "cuts "
                + r.path()
                + " ("
                + PathRisk.describe(r.category())
                + ") down to "
                + to
                + ": what it held beyond that is lost",
        null);
  }

  private static void tee(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view();
    boolean append = v.flag("-a", "--append");
    PathFindings.report(
        inv,
        ctx,
        v.positionals(),
        append ? PathRisk::append : PathRisk::clobber,
        append ? "shell.fs.tee-append" : "shell.fs.tee-over",
        append ? "append" : "overwrite",
        (r, a) ->
            append
                ? "appends to "
                    + r.path()
                    + ", which decides who may log in or what runs with privileges"
                : r.severity() == Severity.UNKNOWN
                    ? "writes over " + r.path() + ", a file only known when the command runs"
                    : "writes over "
                        + r.path()
                        + " ("
                        + PathRisk.describe(r.category())
                        + "): what it held is replaced by the input",
        null);
  }
}
