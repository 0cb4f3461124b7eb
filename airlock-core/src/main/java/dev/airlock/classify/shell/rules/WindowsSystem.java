package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Windows backup, boot and system tools for the Windows pack: {@code vssadmin delete shadows},
 * {@code wmic shadowcopy delete} and {@code wbadmin delete} destroy the backups and restore points
 * that would undo anything else; {@code bcdedit /delete} and turning recovery off break booting and
 * recovery; {@code cipher /w} makes deleted files unrecoverable; {@code robocopy /MIR} deletes what
 * the source lacks; {@code reg delete} removes registry keys. Disk tools are in {@link
 * WindowsDisks}.
 */
final class WindowsSystem {

  private WindowsSystem() {}

  private static final Set<String> OWN =
      Set.of(
          "vssadmin",
          "wmic",
          "wbadmin",
          "bcdedit",
          "cipher",
          "stop-computer",
          "restart-computer",
          "robocopy",
          "reg");

  /** The programs of this class and of {@link WindowsDisks}. */
  static final Set<String> PROGRAMS = union(OWN, WindowsDisks.PROGRAMS);

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static final Severity CAT = Severity.CATASTROPHIC;
  private static final Severity DES = Severity.DESTRUCTIVE;

  static void classify(Invocation inv, ShellContext ctx) {
    List<Arg> windows = WindowsWords.of(inv);
    int before = ctx.analysis().findings().size();
    classify(inv, ctx, windows);
    if (windows != inv.args() && !heldSince(ctx, before)) {
      // A backslash splits differently on Windows and in a POSIX shell (bcdedit \/set);
      // which one runs the line is not known, so the POSIX reading is judged too.
      classify(inv, ctx, inv.args());
    }
  }

  private static boolean heldSince(ShellContext ctx, int before) {
    var all = ctx.analysis().findings();
    for (int i = before; i < all.size(); i++) {
      if (all.get(i).severity() != Severity.SAFE) {
        return true;
      }
    }
    return false;
  }

  private static void classify(Invocation inv, ShellContext ctx, List<Arg> args) {
    String p = inv.program();
    List<String> words = new ArrayList<>();
    for (Arg a : args) {
      words.add(a.value().toLowerCase(Locale.ROOT));
    }
    if (!p.equals("format")
        && !p.equals("robocopy")
        && !p.equals("reg")
        && (words.contains("-whatif") || words.contains("/?"))) {
      return;
    }
    if (WindowsDisks.PROGRAMS.contains(p)) {
      WindowsDisks.classify(inv, ctx, args, words);
      return;
    }
    String w0 = words.isEmpty() ? "" : words.getFirst();
    String w1 = words.size() > 1 ? words.get(1) : "";
    switch (p) {
      case "vssadmin" -> {
        if (w0.equals("delete") && w1.equals("shadows")) {
          shadows(inv, ctx);
        } else if (w0.equals("resize") && w1.equals("shadowstorage")) {
          report(
              inv,
              ctx,
              "shadow-resize",
              DES,
              "shadow copy storage",
              "vssadmin resize shadowstorage shrinks the space for shadow copies, deleting the"
                  + " oldest restore points to fit");
        } else if (w0.equals("list")) {
          read(inv, ctx, "vssadmin list only lists shadow copies");
        }
      }
      case "wmic" -> wmic(inv, ctx, args, words);
      case "wbadmin" -> {
        if (w0.equals("delete")) {
          report(
              inv,
              ctx,
              "backup-delete",
              CAT,
              "Windows backups",
              "wbadmin delete "
                  + w1
                  + " deletes Windows backups or their catalog: the copies"
                  + " that could restore this machine are gone");
        } else if (w0.equals("start") && w1.contains("recovery")) {
          report(
              inv,
              ctx,
              "backup-restore",
              DES,
              "this machine",
              "wbadmin start " + w1 + " restores a backup over the current files and system");
        } else if (w0.equals("get")) {
          read(inv, ctx, "wbadmin get only reads backup information");
        }
      }
      case "bcdedit" -> bcdedit(inv, ctx, words);
      case "cipher" -> {
        for (String w : words) {
          if (w.startsWith("/w")) {
            report(
                inv,
                ctx,
                "cipher-wipe",
                DES,
                w.length() > 3 ? w.substring(3) : "a drive",
                "cipher /w overwrites the free space of the drive: files deleted earlier can"
                    + " no longer be recovered by any tool");
            return;
          }
        }
      }
      case "stop-computer", "restart-computer" -> {
        String target = WindowsDisks.psValue(inv, "computername", "cn");
        ctx.finding(inv, "shell.windows.power-off")
            .verb("power-off")
            .resource(target == null ? "this machine" : target)
            .severity(DES)
            .detected(EnvironmentMarkers.of(target == null ? "" : target))
            .reason(
                inv.name()
                    + " shuts down or restarts the machine: every service on it goes"
                    + " down and unsaved work is lost")
            .addTo(ctx.analysis());
      }
      case "robocopy" -> robocopy(inv, ctx, args, words);
      case "reg" -> reg(inv, ctx, args, words);
      default -> {}
    }
  }

  private static void shadows(Invocation inv, ShellContext ctx) {
    report(
        inv,
        ctx,
        "shadow-delete",
        CAT,
        "volume shadow copies",
        inv.program()
            + " deletes Volume Shadow Copies, the restore points Windows keeps of"
            + " every file: whatever goes wrong next cannot be rolled back (ransomware does this"
            + " first)");
  }

  private static void wmic(Invocation inv, ShellContext ctx, List<Arg> args, List<String> words) {
    int create = words.indexOf("create");
    if (words.contains("call") && create >= 0 && create + 1 < words.size()) {
      ctx.shell(
          inv,
          args.get(create + 1),
          "wmic process call create",
          dev.airlock.action.Environment.UNKNOWN);
      return;
    }
    if (words.contains("shadowcopy") && words.contains("delete")) {
      shadows(inv, ctx);
    } else if (words.contains("delete")) {
      report(
          inv,
          ctx,
          "wmic-delete",
          DES,
          words.getFirst(),
          "wmic " + words.getFirst() + " delete removes what the query matches");
    } else if (words.contains("get") || words.contains("list")) {
      read(inv, ctx, "wmic only queries system information here");
    }
  }

  private static void bcdedit(Invocation inv, ShellContext ctx, List<String> words) {
    if (words.contains("/delete")) {
      report(
          inv,
          ctx,
          "boot-delete",
          CAT,
          "boot configuration",
          "bcdedit /delete removes a boot entry: the machine may no longer start, and recovery"
              + " environments may be gone");
    } else if (words.contains("/set")
        && ((words.contains("recoveryenabled") && words.contains("no"))
            || words.contains("ignoreallfailures"))) {
      report(
          inv,
          ctx,
          "boot-recovery-off",
          CAT,
          "boot configuration",
          "bcdedit turns off Windows recovery at boot: a failed start can no longer be repaired"
              + " (ransomware does this before encrypting)");
    } else if (words.contains("/set")
        || words.contains("/deletevalue")
        || words.contains("/import")
        || words.contains("/default")) {
      report(
          inv,
          ctx,
          "boot-change",
          DES,
          "boot configuration",
          "bcdedit changes how the machine boots; a wrong value can stop it from starting");
    } else if (words.isEmpty() || words.contains("/enum") || words.contains("/v")) {
      read(inv, ctx, "bcdedit only lists the boot configuration");
    }
  }

  private static void robocopy(
      Invocation inv, ShellContext ctx, List<Arg> args, List<String> words) {
    if (words.contains("/l")) {
      return;
    }
    List<Arg> pos = new ArrayList<>();
    for (Arg a : args) {
      if (!a.value().startsWith("/")) {
        pos.add(PathRisk.windowsSource(inv, a));
      }
    }
    if (pos.size() < 2) {
      return;
    }
    if (words.contains("/mir") || words.contains("/purge")) {
      PathFindings.report(
          inv,
          ctx,
          List.of(pos.get(1)),
          a -> PathRisk.delete(a, true),
          "shell.windows.robocopy-mirror",
          "sync-delete",
          (r, a) ->
              "robocopy /MIR makes "
                  + r.path()
                  + " ("
                  + PathRisk.describe(r.category())
                  + ") a copy of "
                  + pos.getFirst().value()
                  + ", deleting whatever the source lacks: "
                  + PathFindings.deleteLoss(r.category(), r.path(), true),
          null);
    }
    if (words.contains("/mov") || words.contains("/move")) {
      PathFindings.report(
          inv,
          ctx,
          List.of(pos.getFirst()),
          a -> {
            Risk d = PathRisk.delete(a, true);
            Severity s =
                switch (d.category()) {
                  case ROOT, SYSTEM -> CAT;
                  case HOME -> DES;
                  default -> Severity.SAFE;
                };
            return new Risk(d.category(), s, d.path());
          },
          "shell.windows.robocopy-move",
          "move",
          (r, a) ->
              "robocopy /MOVE deletes "
                  + r.path()
                  + " ("
                  + PathRisk.describe(r.category())
                  + ") once copied: everything that expects it there breaks",
          null);
    }
  }

  private static void reg(Invocation inv, ShellContext ctx, List<Arg> args, List<String> words) {
    String verb = words.isEmpty() ? "" : words.getFirst();
    if (verb.equals("query") || verb.equals("export") || verb.equals("compare")) {
      read(inv, ctx, "reg " + verb + " only reads the registry");
      return;
    }
    if (verb.equals("restore")) {
      report(
          inv,
          ctx,
          "reg-restore",
          DES,
          "the registry",
          "reg restore writes a saved hive over"
              + " the current one: every change since it was saved is lost");
      return;
    }
    if (!verb.equals("delete") || args.size() < 2) {
      return;
    }
    String key = args.get(1).value();
    int depth = 0;
    for (int i = 0; i < key.length(); i++) {
      boolean starts = key.charAt(i) != '\\' && (i == 0 || key.charAt(i - 1) == '\\');
      depth += starts ? 1 : 0;
    }
    boolean value = words.contains("/v") || words.contains("/ve");
    boolean wide = !value && depth <= 2;
    report(
        inv,
        ctx,
        "reg-delete",
        wide ? CAT : DES,
        key,
        "reg delete removes "
            + (value ? "a value of " : "the key ")
            + key
            + (wide
                ? " with everything under it: Windows and its programs lose their settings"
                : ", and the settings in it"));
  }

  static void report(
      Invocation inv, ShellContext ctx, String rule, Severity s, String resource, String reason) {
    ctx.finding(inv, "shell.windows." + rule)
        .verb(rule)
        .resource(resource)
        .severity(s)
        .reason(reason)
        .addTo(ctx.analysis());
  }

  static void read(Invocation inv, ShellContext ctx, String reason) {
    ctx.finding(inv, "shell.windows.read")
        .verb("read")
        .severity(Severity.SAFE)
        .read()
        .reason(reason)
        .addTo(ctx.analysis());
  }
}
