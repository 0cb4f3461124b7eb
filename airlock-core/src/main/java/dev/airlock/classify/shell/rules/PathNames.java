package dev.airlock.classify.shell.rules;

import java.util.Set;

/**
 * The name tables {@link PathRisk} judges paths by: system directories, data directories, secret
 * and configuration files in a home directory, files a project cannot recreate, and things a build
 * or an install recreates. All names are lower case; paths are compared after {@link PathRisk}
 * lower-cases them.
 */
final class PathNames {

  private PathNames() {}

  /** First components of absolute paths that belong to the operating system. */
  static final Set<String> SYSTEM_TOPS =
      Set.of(
          ("etc usr bin sbin lib lib32 lib64 libx32 boot var opt sys proc dev run "
                  + "snap nix system library applications private efi lost+found cores")
              .split(" "));

  /** First components of drive paths ({@code C:\Windows}) that belong to the operating system. */
  static final Set<String> WINDOWS_SYSTEM_TOPS =
      Set.of(
          "windows",
          "program files",
          "program files (x86)",
          "programdata",
          "system volume information",
          "$recycle.bin",
          "recovery",
          "boot",
          "bootmgr",
          "pagefile.sys",
          "hiberfil.sys",
          "swapfile.sys");

  /** System files whose loss or corruption stops logins or booting. */
  static final Set<String> CRITICAL_SYSTEM_FILES =
      Set.of(
          ("/etc/passwd /etc/shadow /etc/group /etc/gshadow /etc/sudoers "
                  + "/etc/fstab /etc/crypttab /etc/hosts /etc/resolv.conf "
                  + "/etc/ld.so.preload /etc/ld.so.conf /etc/pam.conf /etc/login.defs "
                  + "/etc/inittab /etc/default/grub")
              .split(" "));

  /** Absolute directories that hold databases, volumes, mounts or backups. */
  static final Set<String> DATA_PREFIXES =
      Set.of(
          ("/srv /data /mnt /media /volumes /var/lib/postgresql /var/lib/pgsql "
                  + "/var/lib/mysql /var/lib/mariadb /var/lib/mongodb /var/lib/mongo "
                  + "/var/lib/redis /var/lib/docker /var/lib/containerd "
                  + "/var/lib/elasticsearch /var/lib/opensearch /var/lib/clickhouse "
                  + "/var/lib/cassandra /var/lib/etcd /var/lib/influxdb /var/lib/rabbitmq "
                  + "/var/lib/minio /var/lib/couchdb /var/lib/neo4j /var/lib/kafka "
                  + "/var/lib/zookeeper /var/lib/libvirt /var/lib/lxd /var/lib/mailman "
                  + "/var/opt/mssql /var/www /var/mail /var/vmail /var/backups "
                  + "/var/spool/mail /opt/data")
              .split(" "));

  /** Directory names that hold a database's or a volume's data, or backups, wherever they are. */
  static boolean isDataDir(String seg) {
    return DATA_DIRS.contains(seg) || seg.startsWith("backup");
  }

  private static final Set<String> DATA_DIRS =
      Set.of(
          ("pgdata postgres-data postgresql-data postgres_data mysql-data "
                  + "mysql_data mongo-data mongodb-data mongo_data redis-data db-data "
                  + "db_data dbdata volumes backups")
              .split(" "));

  /** File names that are a database or a dump of one. */
  static boolean isDataFile(String base) {
    if (base.equals("thumbs.db")) {
      return false;
    }
    return base.endsWith(".sqlite")
        || base.endsWith(".sqlite3")
        || base.endsWith(".sqlitedb")
        || base.endsWith(".db")
        || base.endsWith(".db3")
        || base.endsWith(".mdb")
        || base.endsWith(".accdb")
        || base.endsWith(".rdb")
        || base.endsWith(".aof")
        || base.endsWith(".dump")
        || base.endsWith(".ibd")
        || base.startsWith("backup");
  }

  /**
   * File names a project holds that git does not keep or cannot recreate: secrets ({@code .env},
   * private keys, credential files) and infrastructure state ({@code *.tfstate}).
   */
  static boolean isCritical(String base) {
    if (base.endsWith(".env")) {
      return true;
    }
    if (base.startsWith(".env")) {
      return !(base.endsWith(".example")
          || base.endsWith(".sample")
          || base.endsWith(".template")
          || base.endsWith(".dist")
          || base.endsWith(".defaults")
          || base.endsWith(".schema"));
    }
    if (base.endsWith(".pem")
        || base.endsWith(".key")
        || base.endsWith(".p12")
        || base.endsWith(".pfx")
        || base.endsWith(".jks")
        || base.endsWith(".keystore")
        || base.endsWith(".kdbx")
        || base.endsWith(".ppk")
        || base.endsWith(".tfstate")
        || base.endsWith(".tfstate.backup")) {
      return true;
    }
    if (base.startsWith("id_rsa")
        || base.startsWith("id_dsa")
        || base.startsWith("id_ecdsa")
        || base.startsWith("id_ed25519")) {
      return true;
    }
    if (CRITICAL_NAMES.contains(base)) {
      return true;
    }
    if (base.startsWith("credentials") || base.startsWith("secrets")) {
      int dot = base.lastIndexOf('.');
      return dot < 0 || !CODE_EXTENSIONS.contains(base.substring(dot + 1));
    }
    return false;
  }

  private static final Set<String> CRITICAL_NAMES =
      Set.of(
          (".netrc .pgpass .htpasswd .npmrc .pypirc .git-credentials .vault-token "
                  + "master.key .secrets .credentials")
              .split(" "));

  /** Extensions of source code: {@code credentials.ts} is code, not a credential file. */
  static final Set<String> CODE_EXTENSIONS =
      Set.of(
          ("ts tsx js jsx mjs cjs py rb go rs java kt kts scala cs c h cpp hpp php "
                  + "swift m md rst vue svelte ex exs erl clj dart lua pl sh html css scss "
                  + "snap")
              .split(" "));

  /** Directory names whose contents a build, an install or a tool recreates. */
  static final Set<String> REGENERABLE_DIRS =
      Set.of(
          ("node_modules bower_components jspm_packages dist build target out "
                  + ".next .nuxt .output .svelte-kit .angular .turbo .vite .parcel-cache "
                  + ".rollup.cache .swc .docusaurus storybook-static .expo .cache "
                  + "__pycache__ .pytest_cache .mypy_cache .ruff_cache .hypothesis .tox "
                  + ".nox .eggs .venv venv htmlcov coverage .nyc_output .gradle .terraform "
                  + ".dart_tool .stack-work dist-newstyle elm-stuff _build obj "
                  + "cmake-build-debug cmake-build-release .sass-cache .pnpm-store tmp temp "
                  + ".tmp .temp pods vendor")
              .split(" "));

  /** File names a build or a tool recreates, or leftovers nothing needs. */
  static boolean isRegenerableFile(String base) {
    return base.endsWith(".pyc")
        || base.endsWith(".pyo")
        || base.endsWith(".class")
        || base.endsWith(".o")
        || base.endsWith(".tsbuildinfo")
        || base.endsWith(".orig")
        || base.endsWith(".rej")
        || base.endsWith(".swp")
        || base.endsWith(".tmp")
        || base.endsWith(".egg-info")
        || (base.length() > 1 && base.endsWith("~"))
        || base.equals(".ds_store")
        || base.equals("thumbs.db")
        || base.equals(".eslintcache")
        || base.equals(".coverage");
  }

  /** Entries directly in a home directory that hold keys, tokens or passwords. */
  static final Set<String> HOME_SECRETS =
      Set.of(
          (".ssh .gnupg .aws .kube .azure .oci .password-store .docker "
                  + ".terraform.d .kaggle .boto .s3cfg .netrc .pgpass .git-credentials "
                  + ".npmrc .pypirc .vault-token .my.cnf .dockercfg .gem .config/gcloud "
                  + ".config/gh .config/op .config/hub .config/doctl .config/rclone "
                  + ".config/sops .config/heroku .config/stripe .local/share/keyrings")
              .split(" "));

  /** Entries under a home directory that are caches: tools download them again. */
  static final Set<String> HOME_CACHES =
      Set.of(
          (".cache .npm .pnpm-store .yarn/cache .bun/install .m2/repository "
                  + ".gradle/caches .gradle/wrapper .cargo/registry .cargo/git .ivy2/cache "
                  + ".nuget/packages .local/share/trash go/pkg library/caches "
                  + "appdata/local/temp library/developer/xcode/deriveddata")
              .split(" "));
}
