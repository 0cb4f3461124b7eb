package dev.airlock.classify.shell.rules;

import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Every rule pack Airlock ships, and the index from program name to pack. */
public final class RulePacks {

  private RulePacks() {}

  /** Every pack, in no particular order. Add new packs here. */
  public static List<CommandRules> all() {
    return List.of(
        new SystemRules(),
        new InterpreterRules(),
        new DatabaseCliRules(),
        new DatabaseAdminRules(),
        new MongoRules(),
        new RedisRules(),
        new MigrationRules(),
        new FrameworkRules(),
        new SupabaseRules(),
        new ContainerRules(),
        new KubernetesRules(),
        new HelmRules(),
        new GithubCliRules(),
        new HttpClientRules(),
        new InfraAsCodeRules(),
        new AwsRules(),
        new GcpAzureRules(),
        new PlatformRules(),
        new FilesystemRules(),
        new DiskRules(),
        new GitRules(),
        new WindowsRules());
  }

  /**
   * The programs of every pack, written out so that a pack is built (its tables initialised) only
   * when a command names one of its programs: the hook starts a process per tool call, and building
   * all 22 packs there cost more than classifying the command. {@code RulePacksTest} holds this
   * table equal to what the packs themselves declare.
   */
  private static final List<LazyPack> LAZY =
      List.of(
          pack(
              SystemRules::new,
              "crontab",
              "delgroup",
              "deluser",
              "groupdel",
              "halt",
              "init",
              "ip6tables",
              "iptables",
              "kill",
              "killall",
              "launchctl",
              "nft",
              "passwd",
              "pkill",
              "poweroff",
              "reboot",
              "sc",
              "service",
              "shutdown",
              "systemctl",
              "telinit",
              "ufw",
              "userdel"),
          pack(
              InterpreterRules::new,
              "bun",
              "deno",
              "lua",
              "luajit",
              "node",
              "nodejs",
              "perl",
              "php",
              "py",
              "pypy",
              "pypy3",
              "python",
              "python2",
              "python3",
              "python3.10",
              "python3.11",
              "python3.12",
              "python3.13",
              "python3.14",
              "python3.8",
              "python3.9",
              "ruby"),
          pack(DatabaseCliRules::new, "mariadb", "mysql", "mysqlsh", "psql", "sqlite", "sqlite3"),
          pack(
              DatabaseAdminRules::new,
              "createdb",
              "createuser",
              "dropdb",
              "dropuser",
              "mariadb-admin",
              "mariadb-dump",
              "mysqladmin",
              "mysqldump",
              "mysqlpump",
              "pg_ctl",
              "pg_ctlcluster",
              "pg_dropcluster",
              "pg_dump",
              "pg_dumpall",
              "pg_resetwal",
              "pg_resetxlog",
              "pg_restore"),
          pack(
              MongoRules::new,
              "mongo",
              "mongodump",
              "mongoexport",
              "mongofiles",
              "mongoimport",
              "mongorestore",
              "mongosh"),
          pack(RedisRules::new, "keydb-cli", "redis-cli", "valkey-cli"),
          pack(
              MigrationRules::new,
              "alembic",
              "dbmate",
              "diesel",
              "drizzle-kit",
              "flyway",
              "goose",
              "knex",
              "liquibase",
              "migrate",
              "prisma",
              "sequelize",
              "sequelize-cli",
              "sqlx",
              "typeorm",
              "typeorm-ts-node-commonjs",
              "typeorm-ts-node-esm"),
          pack(FrameworkRules::new, "artisan", "django-admin", "dotnet", "mix", "rails", "rake"),
          pack(SupabaseRules::new, "supabase"),
          pack(
              ContainerRules::new,
              "docker",
              "docker-compose",
              "nerdctl",
              "podman",
              "podman-compose"),
          pack(
              KubernetesRules::new,
              "k3s",
              "kubecolor",
              "kubectl",
              "microk8s",
              "microk8s.kubectl",
              "oc"),
          pack(HelmRules::new, "helm", "helm3"),
          pack(GithubCliRules::new, "gh"),
          pack(HttpClientRules::new, "curl", "http", "https", "wget", "xh", "xhs"),
          pack(
              InfraAsCodeRules::new,
              "ansible",
              "cdk",
              "cdktf",
              "copilot",
              "pulumi",
              "sam",
              "serverless",
              "sls",
              "terraform",
              "terragrunt",
              "tofu"),
          pack(AwsRules::new, "aws"),
          pack(GcpAzureRules::new, "az", "bq", "gcloud", "gsutil"),
          pack(
              PlatformRules::new,
              "doctl",
              "firebase",
              "fly",
              "flyctl",
              "heroku",
              "neon",
              "neonctl",
              "netlify",
              "pscale",
              "railway",
              "vercel",
              "wrangler"),
          pack(
              FilesystemRules::new,
              "chgrp",
              "chmod",
              "chown",
              "cp",
              "del-cli",
              "find",
              "install",
              "ln",
              "mv",
              "rimraf",
              "rm",
              "rmdir",
              "rsync",
              "scrub",
              "shred",
              "srm",
              "tee",
              "truncate",
              "unlink",
              "wipe"),
          pack(
              DiskRules::new,
              "badblocks",
              "blkdiscard",
              "cfdisk",
              "cgdisk",
              "cryptsetup",
              "dd",
              "diskutil",
              "fdisk",
              "gdisk",
              "hdparm",
              "lvreduce",
              "lvremove",
              "lvresize",
              "mdadm",
              "mkdosfs",
              "mke2fs",
              "mkexfatfs",
              "mkfs",
              "mkfs.bcachefs",
              "mkfs.bfs",
              "mkfs.btrfs",
              "mkfs.cramfs",
              "mkfs.erofs",
              "mkfs.exfat",
              "mkfs.ext2",
              "mkfs.ext3",
              "mkfs.ext4",
              "mkfs.f2fs",
              "mkfs.fat",
              "mkfs.gfs2",
              "mkfs.hfsplus",
              "mkfs.jfs",
              "mkfs.minix",
              "mkfs.msdos",
              "mkfs.nilfs2",
              "mkfs.ntfs",
              "mkfs.ocfs2",
              "mkfs.reiserfs",
              "mkfs.udf",
              "mkfs.vfat",
              "mkfs.xfs",
              "mkntfs",
              "mkswap",
              "mkudffs",
              "newfs",
              "newfs_apfs",
              "newfs_exfat",
              "newfs_hfs",
              "newfs_msdos",
              "nvme",
              "parted",
              "pvremove",
              "sfdisk",
              "sgdisk",
              "vgremove",
              "wipefs",
              "zfs",
              "zpool"),
          pack(GitRules::new, "git", "git-filter-repo"),
          pack(
              WindowsRules::new,
              "bcdedit",
              "cipher",
              "clc",
              "clear-content",
              "clear-disk",
              "clear-recyclebin",
              "cmd",
              "del",
              "diskpart",
              "erase",
              "format",
              "format-volume",
              "initialize-disk",
              "out-file",
              "powershell",
              "powershell_ise",
              "pwsh",
              "rd",
              "reg",
              "remove-item",
              "remove-partition",
              "remove-storagepool",
              "remove-virtualdisk",
              "restart-computer",
              "ri",
              "robocopy",
              "sdelete",
              "sdelete64",
              "set-content",
              "stop-computer",
              "vssadmin",
              "wbadmin",
              "wmic"));

  private static LazyPack pack(Supplier<CommandRules> factory, String... programs) {
    return new LazyPack(factory, Set.of(programs));
  }

  /**
   * Program name to pack, each pack built on first use: the map the shell classifier uses; the same
   * programs and packs as {@link #index()}.
   */
  public static Map<String, CommandRules> lazyIndex() {
    Map<String, CommandRules> byProgram = new HashMap<>();
    for (LazyPack pack : LAZY) {
      for (String p : pack.programs()) {
        if (byProgram.put(p, pack) != null) {
          throw new IllegalStateException("program " + p + " is listed for two packs");
        }
      }
    }
    return Map.copyOf(byProgram);
  }

  /** A pack that is built the first time one of its programs is classified. */
  public static final class LazyPack implements CommandRules {
    private final Supplier<CommandRules> factory;
    private final Set<String> programs;
    private volatile @Nullable CommandRules pack;

    LazyPack(Supplier<CommandRules> factory, Set<String> programs) {
      this.factory = factory;
      this.programs = programs;
    }

    /** The pack itself, built now if it was not yet (packs are immutable: a race builds twice). */
    public CommandRules pack() {
      CommandRules p = pack;
      if (p == null) {
        p = factory.get();
        pack = p;
      }
      return p;
    }

    @Override
    public String name() {
      return pack().name();
    }

    @Override
    public Set<String> programs() {
      return programs;
    }

    @Override
    public void classify(Invocation invocation, ShellContext context) {
      pack().classify(invocation, context);
    }
  }

  /** Program name to the pack that handles it. Two packs claiming one program is a bug. */
  public static Map<String, CommandRules> index() {
    Map<String, CommandRules> byProgram = new HashMap<>();
    for (CommandRules pack : all()) {
      for (String p : pack.programs()) {
        CommandRules previous = byProgram.put(p, pack);
        if (previous != null) {
          throw new IllegalStateException(
              "program " + p + " claimed by both " + previous.name() + " and " + pack.name());
        }
      }
    }
    return Map.copyOf(byProgram);
  }
}
