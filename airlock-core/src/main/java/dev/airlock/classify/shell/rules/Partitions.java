package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Partition table editors for the disk pack: {@code fdisk}, {@code gdisk}, {@code sfdisk}, {@code
 * sgdisk}, {@code parted} and their curses siblings. Listing and printing are reads; anything else
 * may write a new partition table, which makes every filesystem on the disk unreachable. The
 * interactive editors are judged by what they can do once opened on a disk.
 */
final class Partitions {

  private Partitions() {}

  private static final Set<String> FDISK_READ =
      Set.of("-l --list -s --getsz -v -V --version -h --help".split(" "));

  private static final Set<String> SFDISK_READ =
      Set.of(
          ("-l --list -d --dump -J --json -s --show-size -g --show-geometry -V "
                  + "--verify -F --list-free -n --no-act -v --version -h --help")
              .split(" "));

  private static final Set<String> SGDISK_READ =
      Set.of(
          ("-p --print -i --info -v --verify -O --print-mbr -L --list-types -b "
                  + "--backup -P --pretend -? --help -V --version --usage")
              .split(" "));

  private static final Set<String> PARTED_READ =
      Set.of(
          ("print p help version unit quit free all list devices s b kb mb gb tb "
                  + "kib mib gib tib % cyl chs compact")
              .split(" "));

  static void classify(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    switch (p) {
      case "fdisk", "gdisk" -> {
        ArgView v =
            inv.view(
                "-b",
                "--sector-size",
                "-c",
                "-u",
                "-C",
                "-H",
                "-S",
                "-L",
                "-o",
                "--output",
                "-w",
                "--wipe",
                "-W",
                "--wipe-partitions",
                "-t",
                "--type",
                "--lock");
        if (anyOption(v, FDISK_READ)) {
          read(inv, ctx, p + " " + "-l only lists partition tables");
          return;
        }
        edit(inv, ctx, v.positionals());
      }
      case "cfdisk", "cgdisk" -> edit(inv, ctx, inv.view("-L", "--color").positionals());
      case "sfdisk" -> {
        ArgView v =
            inv.view(
                "-N",
                "--partno",
                "-O",
                "--backup-file",
                "-o",
                "--output",
                "-X",
                "--label",
                "-Y",
                "--label-nested",
                "-w",
                "--wipe",
                "-W",
                "--wipe-partitions",
                "--lock",
                "-u",
                "--unit");
        if (!v.flag("--delete", "--move-data", "-A", "--activate", "--reorder", "--relocate")
            && anyOption(v, SFDISK_READ)) {
          read(inv, ctx, "sfdisk only lists, dumps or checks partition tables here");
          return;
        }
        edit(inv, ctx, v.positionals());
      }
      case "sgdisk" -> {
        boolean writes = false;
        for (Arg a : inv.args()) {
          String v = a.value();
          if (v.startsWith("-") && v.length() > 1) {
            String name = v.startsWith("--") ? before(v, '=') : v.substring(0, 2);
            writes |= !SGDISK_READ.contains(name);
          }
        }
        if (!writes
            || inv.args().stream()
                .anyMatch(a -> a.value().equals("-P") || a.value().equals("--pretend"))) {
          read(inv, ctx, "sgdisk only prints, checks or backs up the partition table here");
          return;
        }
        edit(inv, ctx, positionals(inv));
      }
      case "parted" -> parted(inv, ctx);
      default -> {}
    }
  }

  private static void parted(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view("-a", "--align");
    if (v.flag("-l", "--list", "-h", "--help", "-v", "--version")) {
      read(inv, ctx, "parted -l only lists partition tables");
      return;
    }
    List<Arg> pos = v.positionals();
    if (pos.isEmpty()) {
      edit(inv, ctx, List.of(new Arg("the first disk", Arg.DYNAMIC, 0, 0)));
      return;
    }
    boolean reads = pos.size() > 1;
    for (Arg a : pos.subList(1, pos.size())) {
      reads &= PARTED_READ.contains(a.value().toLowerCase(Locale.ROOT));
    }
    if (reads) {
      read(inv, ctx, "parted only prints the partition table here");
      return;
    }
    edit(inv, ctx, pos.subList(0, 1));
  }

  private static void edit(Invocation inv, ShellContext ctx, List<Arg> devices) {
    if (devices.isEmpty()) {
      return;
    }
    DiskRules.devices(
        inv,
        ctx,
        devices,
        "shell.disk.partition",
        inv.program() + " rewrites the partition table of ",
        "a new or deleted partition table makes every filesystem on the disk unreachable");
  }

  private static void read(Invocation inv, ShellContext ctx, String reason) {
    ctx.finding(inv, "shell.disk.partition-read")
        .verb("read")
        .severity(Severity.SAFE)
        .read()
        .reason(reason)
        .addTo(ctx.analysis());
  }

  private static boolean anyOption(ArgView v, Set<String> names) {
    for (ArgView.Option o : v.options()) {
      if (names.contains(o.name())) {
        return true;
      }
    }
    return false;
  }

  private static List<Arg> positionals(Invocation inv) {
    return inv.args().stream().filter(a -> !a.isOption()).toList();
  }

  private static String before(String v, char c) {
    int i = v.indexOf(c);
    return i < 0 ? v : v.substring(0, i);
  }
}
