package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Windows disk and volume tools for the Windows pack: {@code Format-Volume}, {@code Clear-Disk},
 * {@code Remove-Partition}, {@code Remove-VirtualDisk}, {@code Remove-StoragePool} and {@code
 * format} destroy volumes and everything on them; {@code Initialize-Disk} writes a partition table
 * onto a raw disk; {@code diskpart} is judged by the script it reads, and held when it is not seen.
 */
final class WindowsDisks {

  private WindowsDisks() {}

  static final Set<String> PROGRAMS =
      Set.of(
          "format",
          "format-volume",
          "clear-disk",
          "initialize-disk",
          "remove-partition",
          "remove-virtualdisk",
          "remove-storagepool",
          "diskpart");

  private static final Severity CAT = Severity.CATASTROPHIC;
  private static final Severity DES = Severity.DESTRUCTIVE;

  static void classify(Invocation inv, ShellContext ctx, List<Arg> args, List<String> words) {
    String p = inv.program();
    switch (p) {
      case "format-volume" ->
          report(
              inv,
              ctx,
              "format-volume",
              CAT,
              volume(inv),
              "Format-Volume writes a new, empty filesystem onto "
                  + volume(inv)
                  + ": every file on it is gone");
      case "clear-disk" ->
          report(
              inv,
              ctx,
              "clear-disk",
              CAT,
              disk(inv),
              "Clear-Disk removes every partition and volume from "
                  + disk(inv)
                  + ", and the data on them with them");
      case "remove-partition" ->
          report(
              inv,
              ctx,
              "remove-partition",
              CAT,
              disk(inv),
              "Remove-Partition deletes a partition of " + disk(inv) + " and the data on it");
      case "remove-virtualdisk", "remove-storagepool" ->
          report(
              inv,
              ctx,
              p,
              CAT,
              disk(inv),
              inv.name() + " deletes the storage space and every volume and file on it");
      case "initialize-disk" ->
          report(
              inv,
              ctx,
              "initialize-disk",
              DES,
              disk(inv),
              "Initialize-Disk writes a new partition table onto "
                  + disk(inv)
                  + "; anything on a raw disk is overwritten");
      case "format" -> {
        for (Arg a : args) {
          if (!a.value().startsWith("/") && !a.value().startsWith("-")) {
            report(
                inv,
                ctx,
                "format",
                CAT,
                a.value(),
                "format writes a new, empty filesystem"
                    + " onto drive "
                    + a.value()
                    + ": every file on it is gone");
            return;
          }
        }
      }
      case "diskpart" -> diskpart(inv, ctx, words);
      default -> {}
    }
  }

  private static void diskpart(Invocation inv, ShellContext ctx, List<String> words) {
    Invocation.Input in = inv.input();
    if (words.contains("/s")
        || in == null
        || in.dynamic()
        || in.kind() == Invocation.InputKind.FILE) {
      report(
          inv,
          ctx,
          "diskpart-script",
          Severity.UNKNOWN,
          "disks",
          "diskpart runs commands from a script or its console that Airlock cannot see; they"
              + " can wipe any disk");
      return;
    }
    boolean wipes = false;
    boolean reads = true;
    for (String line : in.text().toLowerCase(Locale.ROOT).lines().toList()) {
      String l = line.strip();
      int space = 0;
      while (space < l.length() && !Character.isWhitespace(l.charAt(space))) {
        space++;
      }
      String cmd = l.substring(0, space);
      wipes |= Set.of("clean", "delete", "format", "convert", "override").contains(cmd);
      reads &=
          cmd.isEmpty()
              || Set.of("list select sel detail exit rescan help rem".split(" ")).contains(cmd);
    }
    if (wipes) {
      report(
          inv,
          ctx,
          "diskpart-clean",
          CAT,
          "disks",
          "the diskpart script cleans, deletes, formats or converts disks or partitions: the"
              + " data on them is gone");
    } else if (reads) {
      read(inv, ctx, "the diskpart script only lists and selects disks");
    } else {
      report(
          inv,
          ctx,
          "diskpart-change",
          DES,
          "disks",
          "the diskpart script changes partitions or volumes");
    }
  }

  private static String volume(Invocation inv) {
    String letter = psValue(inv, "driveletter");
    if (letter != null) {
      return "volume " + letter.toUpperCase(Locale.ROOT) + ":";
    }
    String label = psValue(inv, "filesystemlabel");
    return label != null ? "volume " + label : "a volume";
  }

  private static String disk(Invocation inv) {
    String n = psValue(inv, "number", "disknumber");
    if (n != null) {
      String part = psValue(inv, "partitionnumber");
      return (part == null ? "" : "partition " + part + " of ") + "disk " + n;
    }
    String letter = psValue(inv, "driveletter");
    if (letter != null) {
      return "the partition of drive " + letter.toUpperCase(Locale.ROOT) + ":";
    }
    String name = psValue(inv, "friendlyname");
    return name != null ? "disk " + name : "a disk";
  }

  /** The value of a PowerShell parameter given by one of its names (or a prefix of it). */
  static @Nullable String psValue(Invocation inv, String... names) {
    List<Arg> args = inv.args();
    for (int i = 0; i + 1 < args.size(); i++) {
      String v = args.get(i).value().toLowerCase(Locale.ROOT);
      if (v.length() < 3 || v.charAt(0) != '-') {
        continue;
      }
      for (String n : names) {
        if (n.startsWith(v.substring(1))) {
          return args.get(i + 1).value();
        }
      }
    }
    return null;
  }

  private static void report(
      Invocation inv, ShellContext ctx, String rule, Severity s, String resource, String reason) {
    WindowsSystem.report(inv, ctx, rule, s, resource, reason);
  }

  private static void read(Invocation inv, ShellContext ctx, String reason) {
    WindowsSystem.read(inv, ctx, reason);
  }
}
