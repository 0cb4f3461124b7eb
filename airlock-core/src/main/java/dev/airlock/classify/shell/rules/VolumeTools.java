package dev.airlock.classify.shell.rules;

import dev.airlock.classify.FindingBuilder;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Volume managers for the disk pack: ZFS ({@code zpool}, {@code zfs}), LVM ({@code lvremove},
 * {@code vgremove}, {@code pvremove}, {@code lvreduce}, {@code lvresize}), software RAID ({@code
 * mdadm}), LUKS ({@code cryptsetup}) and macOS {@code diskutil}. Each subcommand has a severity:
 * destroying a pool, a dataset, a volume or an encryption header is catastrophic; rolling back,
 * shrinking or taking devices out of an array destructive; listing a read. A subcommand Airlock
 * does not know is unknown. Pool, dataset and volume names are searched for environment markers.
 */
final class VolumeTools {

  private VolumeTools() {}

  static final Set<String> PROGRAMS =
      Set.of(
          ("zpool zfs lvremove vgremove pvremove lvreduce lvresize mdadm " + "cryptsetup diskutil")
              .split(" "));

  private static final Severity CAT = Severity.CATASTROPHIC;
  private static final Severity DES = Severity.DESTRUCTIVE;
  private static final Severity SAFE = Severity.SAFE;

  /** A subcommand's severity and what it does, for the reason. */
  record Verb(Severity severity, String does, boolean read) {
    static Verb of(Severity s, String does) {
      return new Verb(s, does, false);
    }

    static Verb read(String does) {
      return new Verb(SAFE, does, true);
    }
  }

  private static final Map<String, Verb> ZPOOL =
      Map.ofEntries(
          Map.entry(
              "destroy",
              Verb.of(CAT, "deletes the pool and every dataset, snapshot and" + " file in it")),
          Map.entry(
              "labelclear",
              Verb.of(
                  CAT,
                  "erases the ZFS labels on the device, so the pool"
                      + " on it can no longer be imported")),
          Map.entry(
              "create",
              Verb.of(
                  CAT,
                  "overwrites the devices it is given with a new pool;"
                      + " what they held is gone")),
          Map.entry("add", Verb.of(CAT, "adds devices to the pool for good, overwriting them")),
          Map.entry("attach", Verb.of(CAT, "overwrites the new device with a copy of the pool")),
          Map.entry("replace", Verb.of(CAT, "overwrites the new device with the pool's data")),
          Map.entry("remove", Verb.of(DES, "takes a device out of the pool")),
          Map.entry("detach", Verb.of(DES, "takes a mirror side out, losing that redundancy")),
          Map.entry("offline", Verb.of(DES, "takes a device offline, losing its redundancy")),
          Map.entry("split", Verb.of(DES, "splits mirrors off into a new pool")),
          Map.entry("status", Verb.read("shows pool health")),
          Map.entry("list", Verb.read("lists pools")),
          Map.entry("iostat", Verb.read("shows pool I/O")),
          Map.entry("get", Verb.read("reads pool properties")),
          Map.entry("history", Verb.read("shows pool history")),
          Map.entry("events", Verb.read("shows pool events")),
          Map.entry("wait", Verb.read("waits for pool activity")),
          Map.entry("version", Verb.read("prints the version")),
          Map.entry("help", Verb.read("prints help")),
          Map.entry("export", Verb.of(SAFE, "exports the pool; it can be imported again")),
          Map.entry("import", Verb.of(SAFE, "imports a pool")),
          Map.entry("upgrade", Verb.of(SAFE, "enables new pool features")),
          Map.entry("clear", Verb.of(SAFE, "clears device errors")),
          Map.entry("online", Verb.of(SAFE, "brings a device online")),
          Map.entry("scrub", Verb.of(SAFE, "verifies the pool's data")),
          Map.entry("trim", Verb.of(SAFE, "trims unused space")),
          Map.entry("initialize", Verb.of(SAFE, "writes to unallocated space")),
          Map.entry("resilver", Verb.of(SAFE, "restarts a resilver")),
          Map.entry("reguid", Verb.of(SAFE, "changes the pool's id")),
          Map.entry("set", Verb.of(SAFE, "sets a pool property")),
          Map.entry("sync", Verb.of(SAFE, "flushes pending writes")),
          Map.entry("checkpoint", Verb.of(SAFE, "takes a checkpoint")),
          Map.entry("reopen", Verb.of(SAFE, "reopens the devices")));

  private static final Map<String, Verb> ZFS =
      Map.ofEntries(
          Map.entry("destroy", Verb.of(CAT, "deletes the dataset and every file in it")),
          Map.entry("rollback", Verb.of(DES, "throws away every change made since the snapshot")),
          Map.entry(
              "program",
              Verb.of(
                  Severity.UNKNOWN, "runs a channel program whose effect" + " Airlock cannot see")),
          Map.entry("list", Verb.read("lists datasets")),
          Map.entry("get", Verb.read("reads properties")),
          Map.entry("send", Verb.read("streams a snapshot out")),
          Map.entry("diff", Verb.read("shows changes since a snapshot")),
          Map.entry("holds", Verb.read("lists holds")),
          Map.entry("userspace", Verb.read("shows space use")),
          Map.entry("groupspace", Verb.read("shows space use")),
          Map.entry("projectspace", Verb.read("shows space use")),
          Map.entry("version", Verb.read("prints the version")),
          Map.entry("wait", Verb.read("waits for activity")),
          Map.entry("help", Verb.read("prints help")));

  private static final Set<String> ZFS_SAFE =
      Set.of(
          ("create snapshot snap clone promote rename set inherit mount unmount "
                  + "umount share unshare hold release allow unallow bookmark upgrade "
                  + "load-key unload-key change-key redact jail unjail receive recv")
              .split(" "));

  private static final Map<String, Verb> CRYPTSETUP =
      Map.ofEntries(
          Map.entry("luksformat", Verb.of(CAT, "writes a new encryption header over")),
          Map.entry("erase", Verb.of(CAT, "wipes every key slot of")),
          Map.entry("lukserase", Verb.of(CAT, "wipes every key slot of")),
          Map.entry(
              "reencrypt",
              Verb.of(DES, "re-encrypts the device in place, losing data if" + " interrupted")),
          Map.entry("lukskillslot", Verb.of(DES, "wipes a key slot, and the passphrase in it")),
          Map.entry("luksremovekey", Verb.of(DES, "removes a passphrase for good")),
          Map.entry(
              "luksheaderrestore", Verb.of(DES, "writes a saved header over the current" + " one")),
          Map.entry("repair", Verb.of(DES, "rewrites the encryption metadata")),
          Map.entry("convert", Verb.of(DES, "converts the header format in place")),
          Map.entry("status", Verb.read("shows a mapping")),
          Map.entry("luksdump", Verb.read("prints a header")),
          Map.entry("isluks", Verb.read("checks for a header")),
          Map.entry("luksuuid", Verb.read("reads a uuid")),
          Map.entry("benchmark", Verb.read("benchmarks ciphers")),
          Map.entry("tcryptdump", Verb.read("prints a header")),
          Map.entry("bitlkdump", Verb.read("prints a header")),
          Map.entry("fvault2dump", Verb.read("prints a header")));

  private static final Set<String> CRYPTSETUP_SAFE =
      Set.of(
          ("open luksopen close luksclose remove luksaddkey lukschangekey "
                  + "luksconvertkey luksheaderbackup lukssuspend luksresume resize refresh "
                  + "token config plainopen loopaesopen tcryptopen bitlkopen fvault2open "
                  + "create")
              .split(" "));

  static void classify(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    switch (p) {
      case "zpool" -> zpool(inv, ctx);
      case "zfs" -> zfs(inv, ctx);
      case "lvremove", "vgremove", "pvremove", "lvreduce", "lvresize" -> lvm(inv, ctx);
      case "mdadm" -> mdadm(inv, ctx);
      case "cryptsetup" -> cryptsetup(inv, ctx);
      case "diskutil" -> Diskutil.classify(inv, ctx);
      default -> {}
    }
  }

  private static void zpool(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view("-o", "-O", "-R", "-m", "-t", "-d", "-c", "-T", "-s");
    String sub = v.word(0).toLowerCase(Locale.ROOT);
    Arg pool = v.positional(1);
    @Nullable Verb verb = ZPOOL.get(sub);
    if (verb != null
        && v.flag("-n")
        && (sub.equals("create")
            || sub.equals("add")
            || sub.equals("remove")
            || sub.equals("split"))) {
      verb = Verb.read("only shows what it would do");
    }
    if (sub.equals("import") && v.flag("-F", "-X")) {
      verb = Verb.of(DES, "rewinds the pool, discarding its last transactions,");
    }
    if (sub.equals("checkpoint") && v.flag("-d", "--discard")) {
      verb = Verb.of(DES, "discards the checkpoint, the pool's way back,");
    }
    report(inv, ctx, "zpool", sub, "zpool " + sub, verb, pool);
  }

  private static void zfs(Invocation inv, ShellContext ctx) {
    ArgView v = inv.view("-o", "-t", "-s", "-S", "-d", "-x");
    String sub = v.word(0).toLowerCase(Locale.ROOT);
    Arg target = v.positional(1);
    String t = target == null ? "" : target.value();
    @Nullable Verb verb = ZFS.get(sub);
    if (verb == null && ZFS_SAFE.contains(sub)) {
      verb = Verb.of(SAFE, "changes the dataset; nothing is lost");
      if ((sub.equals("receive") || sub.equals("recv")) && v.flag("-F")) {
        verb = Verb.of(DES, "rolls the target back and overwrites it with the stream,");
      }
    }
    if (sub.equals("destroy")) {
      if (v.flag("-n")) {
        verb = Verb.read("only shows what it would destroy");
      } else if (t.indexOf('@') >= 0) {
        verb = Verb.of(DES, "deletes snapshots, recovery points that cannot be made again,");
        sub = "destroy-snapshot";
      } else if (t.indexOf('#') >= 0) {
        verb = Verb.of(SAFE, "deletes a bookmark");
      } else if (v.flag("-r", "-R")) {
        verb =
            Verb.of(
                CAT,
                "deletes the dataset, every child dataset and snapshot, and every"
                    + " file in them");
      }
    }
    report(inv, ctx, "zfs", sub, "zfs " + v.word(0), verb, target);
  }

  private static void lvm(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    ArgView v =
        inv.view(
            "-S",
            "--select",
            "--config",
            "-L",
            "--size",
            "-l",
            "--extents",
            "--reportformat",
            "--driverloaded");
    if (v.flag("-t", "--test", "-h", "--help", "--version")) {
      return;
    }
    Verb verb;
    if (p.equals("lvreduce") || p.equals("lvresize")) {
      Arg size = v.value("-L", "--size", "-l", "--extents");
      boolean shrink = p.equals("lvreduce") || size == null || !size.value().startsWith("+");
      verb =
          shrink
              ? Verb.of(
                  DES,
                  "shrinks the logical volume; data past its new end is lost, and the"
                      + " filesystem on it breaks unless it was shrunk first,")
              : Verb.of(SAFE, "grows the logical volume");
    } else {
      String what =
          p.equals("lvremove")
              ? "logical volume"
              : p.equals("vgremove")
                  ? "volume group and every logical volume in it"
                  : "physical volume's LVM label";
      verb = Verb.of(CAT, "deletes the " + what + ", and the data in it with it");
    }
    Arg target = v.positional(0);
    report(inv, ctx, p, "", p, verb, target);
  }

  private static void mdadm(Invocation inv, ShellContext ctx) {
    ArgView v =
        inv.view(
            "-l",
            "--level",
            "-n",
            "--raid-devices",
            "-x",
            "--spare-devices",
            "-c",
            "--chunk",
            "-e",
            "--metadata",
            "-N",
            "--name",
            "-b",
            "--bitmap",
            "-z",
            "--size",
            "-p",
            "--layout",
            "--homehost",
            "--config",
            "-m",
            "--super-minor",
            "-u",
            "--uuid");
    boolean create = v.flag("--create", "-C", "--build", "-B");
    @Nullable Verb verb = null;
    String rule = "";
    if (create) {
      verb = Verb.of(CAT, "builds an array over the devices given, overwriting what they held,");
      rule = "create";
    } else if (v.flag("--zero-superblock")) {
      verb = Verb.of(CAT, "erases the RAID superblocks, so the array cannot be assembled again,");
      rule = "zero-superblock";
    } else if (v.flag("--add", "-a", "--replace")) {
      verb = Verb.of(CAT, "adds a device to the array, which overwrites it,");
      rule = "add";
    } else if (v.flag("--fail", "-f", "--remove", "-r", "--grow", "-G")) {
      verb =
          Verb.of(
              DES,
              "fails, removes or reshapes array members, losing redundancy or data"
                  + " if anything else goes wrong,");
      rule = "manage";
    }
    if (verb == null) {
      return;
    }
    report(inv, ctx, "mdadm", rule, "mdadm", verb, v.positional(0));
  }

  private static void cryptsetup(Invocation inv, ShellContext ctx) {
    ArgView v =
        inv.view(
            "-c",
            "--cipher",
            "-s",
            "--key-size",
            "-h",
            "--hash",
            "-d",
            "--key-file",
            "-S",
            "--key-slot",
            "--type",
            "--header",
            "-i",
            "--iter-time",
            "--pbkdf",
            "--label",
            "--subsystem",
            "--uuid",
            "--offset",
            "-o",
            "--skip",
            "-p",
            "--size",
            "-b",
            "--keyfile-size",
            "-l",
            "--keyfile-offset",
            "--volume-key-file",
            "--master-key-file",
            "--token-id",
            "--sector-size",
            "--integrity",
            "-T",
            "--tries",
            "--timeout",
            "-t");
    String action = v.word(0).toLowerCase(Locale.ROOT);
    @Nullable Verb verb = CRYPTSETUP.get(action);
    if (verb == null && CRYPTSETUP_SAFE.contains(action)) {
      verb = Verb.of(SAFE, "opens, closes or manages keys");
    }
    Arg device = v.positional(1);
    if (verb != null && verb.severity() == CAT && device != null) {
      DiskRules.devices(
          inv,
          ctx,
          List.of(device),
          "shell.disk.luks-" + action,
          "cryptsetup " + v.word(0) + " " + verb.does() + " ",
          "the encrypted data on it can never be decrypted again");
      return;
    }
    report(inv, ctx, "cryptsetup", action, "cryptsetup " + v.word(0), verb, device);
  }

  /**
   * Reports one subcommand of a tool ({@code shell.disk.<tool>-<sub>}): its verb's severity, or
   * unknown when there is none; safe verbs that are not reads report nothing.
   */
  static void report(
      Invocation inv,
      ShellContext ctx,
      String tool,
      String sub,
      String what,
      @Nullable Verb verb,
      @Nullable Arg target) {
    String name = target == null ? "" : target.value();
    String prefix = "shell.disk." + tool;
    if (verb == null) {
      ctx.finding(inv, prefix + "-unknown")
          .verb("run")
          .resource(name)
          .severity(Severity.UNKNOWN)
          .detected(EnvironmentMarkers.of(name))
          .reason(what + " is not a subcommand Airlock knows, so what it does cannot be judged")
          .addTo(ctx.analysis());
      return;
    }
    if (verb.severity() == SAFE && !verb.read()) {
      return;
    }
    FindingBuilder b =
        ctx.finding(
                inv, verb.read() ? prefix + "-read" : sub.isEmpty() ? prefix : prefix + "-" + sub)
            .verb(verb.read() ? "read" : sub.isEmpty() ? tool : sub)
            .resource(name)
            .severity(verb.severity())
            .detected(EnvironmentMarkers.of(name))
            .reason(what + (name.isEmpty() ? "" : " " + name) + " " + verb.does());
    if (verb.read()) {
      b.read();
    }
    PathFindings.evidence(b, inv, target).addTo(ctx.analysis());
  }
}
