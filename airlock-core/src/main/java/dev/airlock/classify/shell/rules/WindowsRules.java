package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Windows pack: PowerShell and cmd commands that delete files ({@code Remove-Item}, {@code
 * del}, {@code rd}, {@code Clear-Content}, {@code sdelete}, {@code robocopy /MIR}), disks and
 * volumes ({@code Format-Volume}, {@code Clear-Disk}, {@code format}, {@code diskpart}), backups
 * and recovery ({@code vssadmin delete shadows}, {@code wbadmin delete}, {@code bcdedit}), and the
 * shells themselves ({@code powershell -Command}, {@code -EncodedCommand}, {@code cmd /c}), whose
 * code goes back to the classifier. Names and parameters are matched without regard to case;
 * PowerShell parameters may be abbreviated ({@code -rec}, {@code -fo}).
 *
 * <p>Windows paths: the bash parser removes the backslashes of unquoted words ({@code C:\Windows}
 * arrives as {@code C:Windows}), so paths are read from the command's source text when it shows a
 * Windows path ({@link PathRisk#windowsSource}). {@code rm} and {@code rmdir} belong to the
 * filesystem pack, which reads their Windows spellings too.
 */
final class WindowsRules implements CommandRules {

  private static final Set<String> DELETE = Set.of("remove-item", "ri", "del", "erase", "rd");

  @Override
  public String name() {
    return "windows";
  }

  @Override
  public Set<String> programs() {
    Set<String> all = new java.util.HashSet<>(DELETE);
    all.addAll(WindowsSystem.PROGRAMS);
    all.addAll(WindowsShells.PROGRAMS);
    all.addAll(List.of("clear-content", "clc", "clear-recyclebin", "sdelete", "sdelete64"));
    all.addAll(List.of("set-content", "out-file"));
    return Set.copyOf(all);
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    if (DELETE.contains(p)) {
      delete(inv, ctx);
    } else if (WindowsShells.PROGRAMS.contains(p)) {
      WindowsShells.classify(inv, ctx);
    } else if (WindowsSystem.PROGRAMS.contains(p)) {
      WindowsSystem.classify(inv, ctx);
    } else {
      switch (p) {
        case "clear-content", "clc" -> clearContent(inv, ctx);
        case "set-content", "out-file" -> setContent(inv, ctx);
        case "clear-recyclebin" -> {
          if (!parse(inv).dryRun()) {
            ctx.finding(inv, "shell.windows.recycle-bin-clear")
                .verb("delete")
                .resource("the recycle bin")
                .severity(Severity.DESTRUCTIVE)
                .reason(
                    "Clear-RecycleBin deletes everything in the recycle bin for good: files"
                        + " deleted earlier can no longer be restored")
                .addTo(ctx.analysis());
          }
        }
        case "sdelete", "sdelete64" -> sdelete(inv, ctx);
        default -> {}
      }
    }
  }

  /** Parameters of a PowerShell or cmd delete, read in either spelling. */
  record Parsed(List<Arg> targets, List<String> include, boolean recursive, boolean dryRun) {}

  /**
   * Reads a delete's arguments: cmd switches ({@code /s}, {@code /q}, {@code /f}) and PowerShell
   * parameters ({@code -Recurse}, {@code -Force}, {@code -Path}, {@code -Include}, {@code -WhatIf},
   * abbreviated or with {@code :$true}); other words are paths, comma lists split.
   */
  static Parsed parse(Invocation inv) {
    boolean recursive = false;
    boolean dry = false;
    List<Arg> targets = new ArrayList<>();
    List<String> include = new ArrayList<>();
    List<Arg> args = WindowsWords.of(inv);
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      String lower = v.toLowerCase(Locale.ROOT);
      if (v.startsWith("/")
          && v.length() >= 2
          && "pfsqa".indexOf(lower.charAt(1)) >= 0
          && (v.length() == 2 || lower.charAt(2) == ':')) {
        recursive |= lower.equals("/s");
        continue;
      }
      int colon = v.indexOf(':');
      String head = colon > 0 ? v.substring(0, colon) : v;
      if (head.length() > 1 && v.charAt(0) == '-' && head.indexOf('$') < 0) {
        boolean off = lower.endsWith(":$false") || lower.endsWith(":0");
        String name = param(lower.substring(1));
        Arg next = i + 1 < args.size() ? args.get(i + 1) : null;
        switch (name) {
          case "recurse" -> recursive |= !off;
          case "whatif" -> dry |= !off;
          case "path", "literalpath" -> {
            if (next != null) {
              split(inv, next, targets);
              i++;
            }
          }
          case "include", "filter" -> {
            if (next != null) {
              include.add(next.value());
              i++;
            }
          }
          case "exclude",
              "credential",
              "stream",
              "erroraction",
              "warningaction",
              "informationaction",
              "errorvariable",
              "outvariable",
              "drive",
              "number",
              "driveletter" ->
              i++;
          default -> {}
        }
        continue;
      }
      split(inv, a, targets);
    }
    return new Parsed(targets, include, recursive, dry);
  }

  private static final List<String> PARAMS =
      List.of(
          ("recurse force path literalpath whatif include filter exclude confirm "
                  + "credential stream verbose erroraction warningaction informationaction "
                  + "errorvariable outvariable")
              .split(" "));

  /** The PowerShell parameter an abbreviation names; {@code lp} and {@code pspath} as aliases. */
  static String param(String name) {
    int colon = name.indexOf(':');
    String n = colon >= 0 ? name.substring(0, colon) : name;
    if (n.equals("lp") || n.equals("pspath")) {
      return "literalpath";
    }
    if (n.equals("ea")) {
      return "erroraction";
    }
    if (n.equals("wi")) {
      return "whatif";
    }
    if (n.equals("cf")) {
      return "confirm";
    }
    if (n.isEmpty()) {
      return "";
    }
    for (String p : PARAMS) {
      if (p.startsWith(n)) {
        return p;
      }
    }
    return n;
  }

  /** Adds a path argument, read from the source text, split at commas (PowerShell lists). */
  private static void split(Invocation inv, Arg a, List<Arg> out) {
    Arg w = PathRisk.windowsSource(inv, a);
    String v = w.value();
    if (v.indexOf(',') < 0 || w.brace()) {
      out.add(w);
      return;
    }
    int from = 0;
    while (from <= v.length()) {
      int comma = v.indexOf(',', from);
      int to = comma < 0 ? v.length() : comma;
      String part = v.substring(from, to).strip();
      if (!part.isEmpty()) {
        out.add(w.withValue(part));
      }
      from = to + 1;
    }
  }

  private static void delete(Invocation inv, ShellContext ctx) {
    Parsed p = parse(inv);
    String prog = inv.program().equals("ri") ? "remove-item" : inv.program();
    if (p.dryRun()) {
      ctx.finding(inv, "shell.windows." + prog + "-dry-run")
          .verb("delete")
          .severity(Severity.SAFE)
          .read()
          .reason("-WhatIf only reports what would be deleted")
          .addTo(ctx.analysis());
      return;
    }
    boolean dirs = !prog.equals("del") && !prog.equals("erase");
    List<Arg> targets = narrowed(p);
    FilesystemRules.delete(
        inv,
        ctx,
        targets,
        p.recursive(),
        "shell.windows." + prog + (p.recursive() ? "-recursive" : ""),
        p.recursive() && !dirs ? " (every matching file in every subdirectory)" : "");
  }

  /** The targets narrowed by -Include or -Filter patterns, as find's names narrow its roots. */
  private static List<Arg> narrowed(Parsed p) {
    if (p.include().isEmpty()) {
      return p.targets();
    }
    List<Arg> roots = p.targets().isEmpty() ? List.of(new Arg(".", 0, 0, 0)) : p.targets();
    List<Arg> out = new ArrayList<>();
    for (Arg r : roots) {
      for (String pattern : p.include()) {
        String base = r.value().replace('\\', '/');
        base =
            base.endsWith("/") || base.endsWith("*") ? base.substring(0, base.length() - 1) : base;
        out.add(r.withValue(base + (base.endsWith("/") ? "" : "/") + "**/" + pattern));
      }
    }
    List<Arg> globbed = new ArrayList<>();
    for (Arg a : out) {
      globbed.add(new Arg(a.value(), a.flags() | Arg.GLOB, a.start(), a.end()));
    }
    return globbed;
  }

  private static void clearContent(Invocation inv, ShellContext ctx) {
    Parsed p = parse(inv);
    if (p.dryRun()) {
      return;
    }
    PathFindings.report(
        inv,
        ctx,
        narrowed(p),
        PathRisk::clobber,
        "shell.windows.clear-content",
        "truncate",
        (r, a) ->
            "Clear-Content empties "
                + r.path()
                + " ("
                + PathRisk.describe(r.category())
                + "): "
                + CopyMoves.clobberLoss(r.category()),
        null);
  }

  /**
   * {@code Set-Content} and {@code Out-File}: they replace the file named by {@code -Path} (or
   * {@code -FilePath}, or the first positional argument) unless {@code -Append} or {@code
   * -NoClobber} is given.
   */
  private static void setContent(Invocation inv, ShellContext ctx) {
    List<Arg> targets = new ArrayList<>();
    List<Arg> args = WindowsWords.of(inv);
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String lower = a.value().toLowerCase(Locale.ROOT);
      if (lower.startsWith("-") && lower.length() > 1 && !a.dynamic()) {
        String name = lower.substring(1);
        if (name.startsWith("ap") || name.startsWith("noc") || name.startsWith("wh")) {
          return; // -Append, -NoClobber, -WhatIf: nothing is written over
        }
        if (i + 1 < args.size()
            && (name.equals("path")
                || name.equals("filepath")
                || name.equals("literalpath")
                || name.equals("lp")
                || name.equals("pspath"))) {
          targets.add(args.get(++i));
        } else if (i + 1 < args.size() && !name.startsWith("force") && !name.startsWith("pass")) {
          i++; // -Value, -Encoding, -InputObject, -Width ... take a value
        }
        continue;
      }
      if (targets.isEmpty()) {
        targets.add(a);
      }
    }
    PathFindings.report(
        inv,
        ctx,
        targets,
        PathRisk::clobber,
        "shell.windows.set-content",
        "overwrite",
        (r, a) ->
            inv.program()
                + " writes over "
                + r.path()
                + " ("
                + PathRisk.describe(r.category())
                + "): "
                + CopyMoves.clobberLoss(r.category()),
        null);
  }

  private static void sdelete(Invocation inv, ShellContext ctx) {
    boolean recursive = false;
    boolean freeSpace = false;
    List<Arg> targets = new ArrayList<>();
    List<Arg> args = WindowsWords.of(inv);
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value().toLowerCase(Locale.ROOT);
      if (v.equals("-s") || v.equals("-r") || v.equals("/s")) {
        recursive = true;
      } else if (v.equals("-c") || v.equals("-z") || v.equals("/c") || v.equals("/z")) {
        freeSpace = true;
      } else if (v.equals("-p") || v.equals("/p")) {
        i++;
      } else if (!v.startsWith("-") && !v.startsWith("/")) {
        targets.add(args.get(i));
      }
    }
    if (freeSpace) {
      ctx.finding(inv, "shell.windows.sdelete-free-space")
          .verb("wipe")
          .resource(PathFindings.shown(targets))
          .severity(Severity.DESTRUCTIVE)
          .reason(
              "sdelete overwrites the drive's free space: files deleted earlier can no longer"
                  + " be recovered")
          .addTo(ctx.analysis());
      return;
    }
    boolean rec = recursive;
    PathFindings.report(
        inv,
        ctx,
        targets,
        a -> FilesystemRules.shredRisk(a, rec),
        "shell.windows.sdelete",
        "shred",
        (r, a) ->
            "sdelete overwrites and deletes "
                + r.path()
                + " ("
                + PathRisk.describe(r.category())
                + ") so that no undelete tool can bring it back: "
                + PathFindings.deleteLoss(r.category(), r.path(), rec),
        new PathFindings.Safe(
            "shell.windows.sdelete-temporary", "shred", "sdelete destroys only temporary files"));
  }

  /** The worst of the risks, for reasons that need one. */
  static Risk worst(List<Risk> risks) {
    Risk w = risks.getFirst();
    for (Risk r : risks) {
      if (r.severity().rank() > w.severity().rank()) {
        w = r;
      }
    }
    return w;
  }
}
