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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The disk and volume pack: tools that write raw data, filesystems, partition tables or volume
 * metadata onto devices ({@code dd}, {@code mkfs*}, {@code wipefs}, {@code fdisk}, {@code parted},
 * {@code blkdiscard}, {@code hdparm}, {@code badblocks -w}, {@code nvme format}) and the volume
 * managers ({@code zpool}, {@code zfs}, LVM, {@code mdadm}, {@code cryptsetup}, {@code diskutil},
 * in {@link VolumeTools}). Writing onto a disk device is catastrophic; onto an image file
 * destructive, onto a temporary one safe. A target only known at run time counts as a disk: these
 * tools are made for disks. Listing and reading forms ({@code fdisk -l}, {@code dd of=/tmp/x}) are
 * safe.
 */
final class DiskRules implements CommandRules {

  static final Set<String> MKFS =
      Set.of(
          ("mkfs mkfs.ext2 mkfs.ext3 mkfs.ext4 mkfs.xfs mkfs.btrfs mkfs.vfat "
                  + "mkfs.fat mkfs.msdos mkfs.ntfs mkfs.exfat mkfs.f2fs mkfs.minix mkfs.bfs "
                  + "mkfs.cramfs mkfs.jfs mkfs.reiserfs mkfs.hfsplus mkfs.udf mkfs.nilfs2 "
                  + "mkfs.bcachefs mkfs.erofs mkfs.gfs2 mkfs.ocfs2 mke2fs mkswap mkntfs "
                  + "mkdosfs mkexfatfs mkudffs newfs newfs_hfs newfs_apfs newfs_msdos "
                  + "newfs_exfat")
              .split(" "));

  private static final Set<String> PARTITION =
      Set.of("fdisk", "cfdisk", "gdisk", "cgdisk", "sfdisk", "sgdisk", "parted");

  @Override
  public String name() {
    return "disk";
  }

  @Override
  public Set<String> programs() {
    Set<String> all = new HashSet<>(MKFS);
    all.addAll(PARTITION);
    all.addAll(VolumeTools.PROGRAMS);
    all.addAll(List.of("dd", "wipefs", "blkdiscard", "hdparm", "badblocks", "nvme"));
    return Set.copyOf(all);
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    if (MKFS.contains(p)) {
      mkfs(inv, ctx);
    } else if (PARTITION.contains(p)) {
      Partitions.classify(inv, ctx);
    } else if (VolumeTools.PROGRAMS.contains(p)) {
      VolumeTools.classify(inv, ctx);
    } else {
      switch (p) {
        case "dd" -> dd(inv, ctx);
        case "wipefs" -> wipefs(inv, ctx);
        case "blkdiscard" ->
            devices(
                inv,
                ctx,
                inv.view("-o", "--offset", "-l", "--length", "-p", "--step").positionals(),
                "shell.disk.blkdiscard",
                "blkdiscard tells the drive to drop every block of ",
                "on an SSD the data is gone at once and nothing can recover it");
        case "hdparm" -> hdparm(inv, ctx);
        case "badblocks" -> badblocks(inv, ctx);
        case "nvme" -> nvme(inv, ctx);
        default -> {}
      }
    }
  }

  /**
   * What writing over a target of a disk tool risks: a device or a value only known at run time is
   * catastrophic, a temporary file safe, any other file destructive.
   */
  static Risk deviceRisk(Arg a) {
    Category c = PathRisk.category(a);
    Severity s =
        switch (c) {
          case DEVICE, DYNAMIC, ROOT -> Severity.CATASTROPHIC;
          case REGENERABLE, SPECIAL -> Severity.SAFE;
          default -> Severity.DESTRUCTIVE;
        };
    return new Risk(c, s, a.value());
  }

  /**
   * Reports a tool writing onto each target; {@code does} starts the reason, {@code loss} ends it.
   */
  static void devices(
      Invocation inv,
      ShellContext ctx,
      List<Arg> targets,
      String rulePrefix,
      String does,
      String loss) {
    PathFindings.report(
        inv,
        ctx,
        targets,
        DiskRules::deviceRisk,
        rulePrefix,
        "wipe",
        (r, a) ->
            does
                + r.path()
                + switch (r.category()) {
                  case DEVICE -> "";
                  case DYNAMIC -> ", a device only known when the command runs";
                  default -> " (" + PathRisk.describe(r.category()) + ")";
                }
                + ": "
                + loss,
        new PathFindings.Safe(rulePrefix + "-temporary", "wipe", "only touches temporary files"));
  }

  private static void dd(Invocation inv, ShellContext ctx) {
    Arg of = null;
    String from = "its input";
    for (Arg a : inv.args()) {
      String v = a.value();
      if (v.startsWith("of=")) {
        String raw = PathFindings.source(inv, a);
        String path = v.substring(3);
        if (raw.startsWith("of=")
            && raw.indexOf('\\') >= 0
            && PathRisk.looksWindows(raw.substring(3))) {
          path = raw.substring(3);
        }
        of = new Arg(path, a.flags() & ~Arg.HOME, a.start(), a.end());
      } else if (v.startsWith("if=")) {
        String in = v.substring(3);
        from =
            in.equals("/dev/zero")
                ? "zeros"
                : in.equals("/dev/urandom") || in.equals("/dev/random")
                    ? "random data"
                    : "the contents of " + in;
      }
    }
    if (of == null) {
      ctx.finding(inv, "shell.disk.dd-read")
          .verb("read")
          .severity(Severity.SAFE)
          .read()
          .reason("dd without of= writes to standard output; it only reads its input")
          .addTo(ctx.analysis());
      return;
    }
    Risk r = PathRisk.clobber(of);
    String what = from;
    String rule =
        switch (r.category()) {
          case DEVICE -> "shell.disk.dd-device";
          case DYNAMIC -> "shell.disk.dd-dynamic";
          default ->
              r.severity() == Severity.SAFE
                  ? "shell.disk.dd-copy"
                  : "shell.disk.dd-over-" + PathFindings.slug(r.category());
        };
    String reason =
        switch (r.category()) {
          case DEVICE ->
              "dd writes "
                  + what
                  + " straight onto the disk device "
                  + r.path()
                  + ": its partition table, filesystems and every file on it are destroyed";
          case DYNAMIC ->
              "dd writes "
                  + what
                  + " onto "
                  + r.path()
                  + ", only known when it runs; if that is a disk, everything on it is destroyed";
          default ->
              r.severity() == Severity.SAFE
                  ? "dd copies " + what + " into " + r.path() + ", which loses nothing"
                  : "dd writes "
                      + what
                      + " over "
                      + r.path()
                      + " ("
                      + PathRisk.describe(r.category())
                      + "): "
                      + CopyMoves.clobberLoss(r.category());
        };
    PathFindings.evidence(
            ctx.finding(inv, rule)
                .verb(r.severity() == Severity.SAFE ? "copy" : "wipe")
                .resource(r.path())
                .severity(r.category() == Category.DYNAMIC ? Severity.UNKNOWN : r.severity())
                .reason(reason),
            inv,
            of)
        .addTo(ctx.analysis());
  }

  private static void mkfs(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    boolean ext = p.equals("mke2fs") || p.startsWith("mkfs.ext");
    List<Arg> targets = new ArrayList<>();
    List<Arg> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.equals("--help")
          || v.equals("--version")
          || (ext && v.equals("-n"))
          || (p.equals("mkfs.xfs") && v.equals("-N"))) {
        ctx.finding(inv, "shell.disk.mkfs-dry-run")
            .verb("read")
            .severity(Severity.SAFE)
            .read()
            .reason(p + " " + v + " only reports what it would do")
            .addTo(ctx.analysis());
        return;
      }
      if (v.equals("-d") || v.equals("-r") || v.equals("--rootdir") || v.equals("-J")) {
        i++;
        continue;
      }
      if (v.startsWith("-") && !a.dynamic()) {
        continue;
      }
      if (a.dynamic() || v.indexOf('/') >= 0 || PathRisk.looksWindows(v) || imageFile(v)) {
        targets.add(a);
      }
    }
    if (targets.isEmpty()) {
      ctx.finding(inv, "shell.disk.mkfs-unknown-target")
          .verb("format")
          .severity(args.isEmpty() ? Severity.SAFE : Severity.UNKNOWN)
          .reason(
              args.isEmpty()
                  ? p + " without a device only prints its usage"
                  : p + " formats something Airlock cannot identify as a device or a file")
          .addTo(ctx.analysis());
      return;
    }
    devices(
        inv,
        ctx,
        targets,
        "shell.disk.mkfs",
        p + " writes a new, empty filesystem onto ",
        "every file it held is gone");
  }

  private static boolean imageFile(String v) {
    String l = v.toLowerCase(Locale.ROOT);
    return l.endsWith(".img")
        || l.endsWith(".iso")
        || l.endsWith(".raw")
        || l.endsWith(".qcow2")
        || l.endsWith(".vhd")
        || l.endsWith(".vhdx")
        || l.endsWith(".vmdk")
        || l.endsWith(".dmg")
        || l.endsWith(".bin");
  }

  private static void wipefs(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view("-o", "--offset", "-t", "--types", "-O", "--output", "--lock");
    boolean erase = v.flag("-a", "--all") || v.value("-o", "--offset") != null;
    if (!erase || v.flag("-n", "--no-act")) {
      ctx.finding(inv, "shell.disk.wipefs-list")
          .verb("read")
          .resource(PathFindings.shown(v.positionals()))
          .severity(Severity.SAFE)
          .read()
          .reason("wipefs without -a or -o only lists the signatures it finds")
          .addTo(ctx.analysis());
      return;
    }
    devices(
        inv,
        ctx,
        v.positionals(),
        "shell.disk.wipefs",
        "wipefs erases the filesystem, RAID and partition-table signatures on ",
        "nothing can find or mount the data on it any more without expert recovery");
  }

  private static final Set<String> HDPARM_ERASE =
      Set.of(
          ("--security-erase --security-erase-enhanced --trim-sector-ranges "
                  + "--trim-sector-ranges-stdin --write-sector --make-bad-sector "
                  + "--dco-restore --dco-setmax --fwdownload --fwdownload-mode3 "
                  + "--fwdownload-mode3-max --fwdownload-mode7")
              .split(" "));

  private static void hdparm(Invocation inv, ShellContext ctx) {
    String erase = null;
    List<Arg> devs = new ArrayList<>();
    for (Arg a : inv.args()) {
      String v = a.value();
      if (HDPARM_ERASE.contains(v) || v.equals("-N")) {
        erase = v;
      } else if (v.startsWith("/dev/") || a.dynamic()) {
        devs.add(a);
      }
    }
    if (erase == null) {
      return;
    }
    devices(
        inv,
        ctx,
        devs.isEmpty() ? List.of(new Arg("a disk", Arg.DYNAMIC, 0, 0)) : devs,
        "shell.disk.hdparm",
        "hdparm " + erase + " rewrites the drive ",
        "its data (or the sectors it can reach) is destroyed by the drive itself");
  }

  private static void badblocks(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view("-b", "-c", "-e", "-d", "-i", "-o", "-p", "-t");
    if (!v.flag("-w") || v.positionals().isEmpty()) {
      return;
    }
    devices(
        inv,
        ctx,
        v.positionals().subList(0, 1),
        "shell.disk.badblocks",
        "badblocks -w writes test patterns over all of ",
        "every byte on it is overwritten");
  }

  private static void nvme(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view("-n", "--namespace-id", "-s", "--ses", "-a", "--sanact", "-l", "--lbaf");
    String sub = v.word(0).toLowerCase(Locale.ROOT);
    boolean wipe = sub.equals("format") || sub.equals("sanitize") || sub.equals("delete-ns");
    boolean damage =
        sub.equals("detach-ns")
            || sub.equals("write-zeroes")
            || sub.equals("write-uncor")
            || sub.equals("dsm");
    if (!wipe && !damage) {
      return;
    }
    List<Arg> rest = v.positionals().subList(1, v.positionals().size());
    Arg dev = rest.isEmpty() ? new Arg("an NVMe device", Arg.DYNAMIC, 0, 0) : rest.getFirst();
    PathFindings.evidence(
            ctx.finding(inv, "shell.disk.nvme-" + sub)
                .verb("wipe")
                .resource(dev.value())
                .severity(wipe ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE)
                .reason(
                    "nvme "
                        + sub
                        + (wipe
                            ? " erases the namespace on " + dev.value() + ": every byte is gone"
                            : " changes or drops data on "
                                + dev.value()
                                + " below the filesystem, which loses what was there")),
            inv,
            dev)
        .addTo(ctx.analysis());
  }
}
