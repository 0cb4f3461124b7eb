package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.VolumeTools.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * macOS {@code diskutil} for the disk pack: erasing, partitioning and deleting containers or
 * volumes is catastrophic, resizing and deleting snapshots destructive, listing a read. The grouped
 * verbs ({@code apfs}, {@code cs}, {@code appleRAID}) are read with their second word.
 */
final class Diskutil {

  private Diskutil() {}

  private static final String ERASE = "erases the disk or volume, and every file on it";

  private static final Map<String, Verb> VERBS =
      Map.ofEntries(
          Map.entry("erasedisk", Verb.of(Severity.CATASTROPHIC, ERASE)),
          Map.entry("erasevolume", Verb.of(Severity.CATASTROPHIC, ERASE)),
          Map.entry("reformat", Verb.of(Severity.CATASTROPHIC, ERASE)),
          Map.entry("zerodisk", Verb.of(Severity.CATASTROPHIC, "overwrites the disk with zeros")),
          Map.entry(
              "randomdisk",
              Verb.of(Severity.CATASTROPHIC, "overwrites the disk with" + " random data")),
          Map.entry(
              "secureerase",
              Verb.of(Severity.CATASTROPHIC, "securely erases the disk or" + " its free space")),
          Map.entry(
              "partitiondisk",
              Verb.of(
                  Severity.CATASTROPHIC, "repartitions the disk," + " erasing every volume on it")),
          Map.entry(
              "splitpartition",
              Verb.of(Severity.CATASTROPHIC, "splits a partition," + " erasing it")),
          Map.entry(
              "mergepartitions",
              Verb.of(Severity.CATASTROPHIC, "merges partitions," + " erasing all but the first")),
          Map.entry("erasecd", Verb.of(Severity.CATASTROPHIC, "erases the disc")),
          Map.entry(
              "apfs deletecontainer",
              Verb.of(
                  Severity.CATASTROPHIC, "deletes the APFS" + " container and every volume in it")),
          Map.entry(
              "apfs deletevolume",
              Verb.of(Severity.CATASTROPHIC, "deletes the APFS" + " volume and every file on it")),
          Map.entry("apfs erasevolume", Verb.of(Severity.CATASTROPHIC, ERASE)),
          Map.entry(
              "apfs deletevolumegroup",
              Verb.of(Severity.CATASTROPHIC, "deletes the" + " volume group and its volumes")),
          Map.entry(
              "apfs createcontainer",
              Verb.of(
                  Severity.CATASTROPHIC, "turns the disk into" + " a new container, erasing it")),
          Map.entry("appleraid delete", Verb.of(Severity.CATASTROPHIC, "deletes the RAID set")),
          Map.entry(
              "cs delete", Verb.of(Severity.CATASTROPHIC, "deletes the Core Storage" + " group")),
          Map.entry(
              "cs deletevolume",
              Verb.of(Severity.CATASTROPHIC, "deletes the Core" + " Storage volume")),
          Map.entry(
              "resizevolume",
              Verb.of(
                  Severity.DESTRUCTIVE,
                  "resizes the volume, which" + " can delete the partitions after it")),
          Map.entry(
              "apfs resizecontainer",
              Verb.of(
                  Severity.DESTRUCTIVE,
                  "resizes the" + " container, which can delete the partitions after it")),
          Map.entry(
              "apfs deletesnapshot",
              Verb.of(
                  Severity.DESTRUCTIVE,
                  "deletes a snapshot," + " a recovery point that cannot be made again")),
          Map.entry("list", Verb.read("lists disks")),
          Map.entry("info", Verb.read("describes a disk")),
          Map.entry("information", Verb.read("describes a disk")),
          Map.entry("activity", Verb.read("shows disk activity")),
          Map.entry("listfilesystems", Verb.read("lists filesystems")),
          Map.entry("verifyvolume", Verb.read("verifies a volume")),
          Map.entry("verifydisk", Verb.read("verifies a disk")),
          Map.entry("apfs list", Verb.read("lists APFS containers")),
          Map.entry("apfs listsnapshots", Verb.read("lists snapshots")),
          Map.entry("apfs listcryptousers", Verb.read("lists crypto users")),
          Map.entry("apfs listvolumegroups", Verb.read("lists volume groups")),
          Map.entry("cs list", Verb.read("lists Core Storage groups")),
          Map.entry("appleraid list", Verb.read("lists RAID sets")));

  private static final List<String> SAFE =
      List.of(
          "mount",
          "mountdisk",
          "unmount",
          "umount",
          "unmountdisk",
          "umountdisk",
          "eject",
          "rename",
          "renamevolume",
          "enablejournal",
          "disablejournal",
          "enableownership",
          "disableownership",
          "repairvolume",
          "repairdisk",
          "addpartition",
          "apfs addvolume",
          "apfs unlockvolume",
          "apfs lockvolume",
          "apfs encryptvolume",
          "apfs decryptvolume",
          "apfs changepassphrase",
          "apfs setrole",
          "apfs addvolumetogroup",
          "appleraid add",
          "appleraid create",
          "image");

  static void classify(Invocation inv, ShellContext ctx) {
    List<Arg> pos = new ArrayList<>();
    for (Arg a : inv.args()) {
      if (!a.isOption()) {
        pos.add(a);
      }
    }
    if (pos.isEmpty()) {
      return;
    }
    String verb = pos.getFirst().value().toLowerCase(Locale.ROOT);
    if (verb.equals("ar")) {
      verb = "appleraid";
    } else if (verb.equals("corestorage")) {
      verb = "cs";
    }
    int nameAt = 1;
    if ((verb.equals("apfs") || verb.equals("cs") || verb.equals("appleraid")) && pos.size() > 1) {
      verb = verb + " " + pos.get(1).value().toLowerCase(Locale.ROOT);
      nameAt = 2;
    }
    @Nullable Verb v = VERBS.get(verb);
    if (v == null && SAFE.contains(verb)) {
      v = Verb.of(Severity.SAFE, "manages a disk");
    }
    Arg target = pos.size() > nameAt ? pos.getLast() : null;
    VolumeTools.report(inv, ctx, "diskutil", verb.replace(' ', '-'), "diskutil " + verb, v, target);
  }
}
