package dev.airlock.classify.shell;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.FilePaths;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import java.util.Locale;
import java.util.Set;

/**
 * What Airlock says about programs that have no rule pack: read-only tools are reads, code-carrying
 * builtins ({@code trap}, {@code alias}) have their code judged, and any other program whose
 * subcommand is named like a destruction ({@code foo delete}, {@code bar apps:destroy}, {@code make
 * nuke}) is held. Everything else is recorded as a safe, unrecognised program.
 */
final class GenericRules {

  private GenericRules() {}

  static final Set<String> READ_ONLY =
      Set.of(
          "ls",
          "ll",
          "la",
          "dir",
          "cat",
          "bat",
          "batcat",
          "less",
          "more",
          "most",
          "head",
          "tail",
          "grep",
          "egrep",
          "fgrep",
          "rg",
          "ag",
          "ack",
          "wc",
          "sort",
          "uniq",
          "cut",
          "tr",
          "diff",
          "colordiff",
          "cmp",
          "comm",
          "file",
          "stat",
          "du",
          "df",
          "pwd",
          "echo",
          "printf",
          "which",
          "type",
          "select-string",
          "get-content",
          "get-childitem",
          "get-item",
          "whereis",
          "whoami",
          "id",
          "groups",
          "date",
          "cal",
          "uname",
          "hostname",
          "uptime",
          "ps",
          "pgrep",
          "top",
          "htop",
          "btop",
          "free",
          "vmstat",
          "iostat",
          "lsof",
          "netstat",
          "ss",
          "jq",
          "yq",
          "gojq",
          "tree",
          "realpath",
          "readlink",
          "dirname",
          "basename",
          "sha1sum",
          "sha256sum",
          "sha512sum",
          "md5sum",
          "md5",
          "shasum",
          "cksum",
          "b2sum",
          "xxd",
          "od",
          "hexdump",
          "strings",
          "nl",
          "fold",
          "fmt",
          "column",
          "paste",
          "join",
          "expand",
          "unexpand",
          "seq",
          "true",
          "false",
          "test",
          "[",
          "[[",
          "sleep",
          "man",
          "info",
          "help",
          "history",
          "printenv",
          "locale",
          "nproc",
          "lscpu",
          "lsblk",
          "blkid",
          "findmnt",
          "tldr",
          "apropos",
          "whatis",
          "zcat",
          "zgrep",
          "zless",
          "bzcat",
          "xzcat",
          "zstdcat",
          "tac",
          "rev",
          "look",
          "clear",
          "tput",
          "cd",
          "pushd",
          "popd",
          "dirs",
          "export",
          "unset",
          "declare",
          "typeset",
          "local",
          "readonly",
          "read",
          "shift",
          "wait",
          "exit",
          "return",
          "set",
          "shopt",
          "ulimit",
          "umask",
          "getconf",
          "hash",
          "jobs",
          "fg",
          "bg",
          "disown",
          "times",
          "let",
          ":",
          "fd",
          "fdfind",
          "locate",
          "mlocate",
          "exa",
          "eza",
          "lsd",
          "fzf",
          "wget2",
          "ping",
          "dig",
          "nslookup",
          "host",
          "traceroute",
          "tracepath",
          "whois",
          "openssl",
          "gpg",
          "ssh-keygen",
          "ssh-add",
          "tokei",
          "cloc",
          "nvidia-smi",
          "lspci",
          "lsusb",
          "dmesg",
          "journalctl",
          "last",
          "w",
          "who",
          "env2",
          "arch",
          "sw_vers",
          "python-config",
          "java",
          "javac",
          "node-gyp",
          "cowsay",
          "figlet",
          "tee-check");

  /** Package managers: their remove/uninstall subcommands remove packages, not data. */
  static final Set<String> PACKAGE_MANAGERS =
      Set.of(
          "npm",
          "pnpm",
          "yarn",
          "bun",
          "pip",
          "pip3",
          "pipx",
          "poetry",
          "uv",
          "cargo",
          "go",
          "gem",
          "composer",
          "brew",
          "apt",
          "apt-get",
          "aptitude",
          "dnf",
          "yum",
          "zypper",
          "pacman",
          "apk",
          "port",
          "snap",
          "flatpak",
          "conda",
          "mamba",
          "micromamba",
          "nix-env",
          "choco",
          "scoop",
          "winget",
          "rustup",
          "sdk",
          "asdf",
          "mise",
          "pdm",
          "hatch",
          "rye",
          "pipenv",
          "deno",
          "dotnet",
          "nuget",
          "mvn",
          "gradle",
          "sbt",
          "lein",
          "opam",
          "cabal",
          "stack",
          "mix",
          "rebar3",
          "vcpkg",
          "conan",
          "helmfile-deps",
          "bower",
          "jspm",
          "ncu");

  private static final Set<String> DESTROY_WORDS =
      Set.of(
          "delete",
          "destroy",
          "drop",
          "purge",
          "wipe",
          "nuke",
          "erase",
          "truncate",
          "terminate",
          "obliterate",
          "flush",
          "flushall",
          "flushdb",
          "rm",
          "remove",
          "rb",
          "prune",
          "teardown",
          "uninstall",
          "rmdir",
          "del",
          "deregister",
          "decommission",
          "shred",
          "zap",
          "annihilate");

  private static final Set<String> RESET_WORDS = Set.of("reset", "fresh", "wipeout", "clear");

  static boolean isKnown(String program) {
    return READ_ONLY.contains(program) || PACKAGE_MANAGERS.contains(program);
  }

  static void classify(Invocation inv, ShellWalk walk) {
    String p = inv.program();
    if (p.equals("trap")
        && !inv.args().isEmpty()
        && !inv.args().getFirst().value().startsWith("-")) {
      walk.shell(inv, inv.args().getFirst(), "trap", Environment.UNKNOWN);
      return;
    }
    if (p.equals("alias")) {
      for (Arg a : inv.args()) {
        int eq = a.value().indexOf('=');
        if (eq > 0) {
          walk.shellText(
              inv,
              a.value().substring(eq + 1),
              "alias " + a.value().substring(0, eq),
              Environment.UNKNOWN);
        }
      }
      return;
    }
    if (p.equals("awk") || p.equals("gawk") || p.equals("mawk") || p.equals("nawk")) {
      Awk.classify(inv, walk);
      return;
    }
    if (p.equals("sed") || p.equals("gsed")) {
      sed(inv, walk);
      return;
    }
    if (READ_ONLY.contains(p)) {
      walk.finding(inv, "shell.read-only")
          .verb("read")
          .severity(Severity.SAFE)
          .read()
          .reason(p + " only reads or prints")
          .addTo(walk.analysis());
      return;
    }
    if (!PACKAGE_MANAGERS.contains(p) && destructiveSubcommand(inv, walk)) {
      return;
    }
    walk.finding(inv, "shell.no-rule")
        .verb("run")
        .severity(Severity.SAFE)
        .reason("no rule for " + p + "; nothing destructive recognised in how it is called")
        .addTo(walk.analysis());
  }

  /**
   * {@code sed}: its script is text, not a subcommand. Without {@code -i} it only prints; with it
   * it edits the named files in place, which is a change git or an editor's undo can take back.
   */
  private static void sed(Invocation inv, ShellWalk walk) {
    boolean inPlace = false;
    for (Arg a : inv.args()) {
      String v = a.value();
      if (v.equals("--in-place")
          || v.startsWith("--in-place=")
          || v.startsWith("-") && !v.startsWith("--") && v.indexOf('i') > 0) {
        inPlace = true;
      }
    }
    if (inPlace) {
      for (Arg a : inv.args()) {
        if (FilePaths.agentGuard(a.value())) {
          walk.finding(inv, "shell.sed.agent-guard")
              .verb("edit")
              .resource(a.value())
              .severity(Severity.DESTRUCTIVE)
              .reason(
                  "sed -i edits "
                      + a.value()
                      + ", the agent runtime's hook settings where Airlock is installed: an agent"
                      + " must not edit its own guard rails")
              .addTo(walk.analysis());
          return;
        }
      }
    }
    walk.finding(inv, inPlace ? "shell.sed.in-place" : "shell.read-only")
        .verb(inPlace ? "edit" : "read")
        .severity(Severity.SAFE)
        .access(inPlace ? Access.WRITE : Access.READ)
        .reason(inPlace ? "sed -i edits the named files in place" : "sed without -i only prints")
        .addTo(walk.analysis());
  }

  private static boolean destructiveSubcommand(Invocation inv, ShellWalk walk) {
    int seen = 0;
    boolean force = false;
    for (Arg a : inv.args()) {
      String v = a.value().toLowerCase(Locale.ROOT);
      if (v.equals("--force")
          || v.equals("-f")
          || v.equals("--yes")
          || v.equals("-y")
          || v.equals("--confirm")
          || v.equals("--hard")) {
        force = true;
      }
    }
    for (Arg a : inv.args()) {
      if (a.isOption() || a.dynamic()) {
        continue;
      }
      if (++seen > 3) {
        break;
      }
      String v = a.value().toLowerCase(Locale.ROOT);
      for (String w : v.split("[^a-z0-9]+")) {
        boolean destroy = DESTROY_WORDS.contains(w);
        boolean reset =
            RESET_WORDS.contains(w) && (force || v.contains("db") || v.contains("data"));
        if (destroy || reset) {
          Environment env = Environment.UNKNOWN;
          for (Arg x : inv.args()) {
            if (!x.dynamic()) {
              env = env.combine(EnvironmentMarkers.of(x.value()));
            }
          }
          walk.finding(inv, "shell.generic.destructive-subcommand")
              .verb(w)
              .resource(a.value())
              .severity(Severity.DESTRUCTIVE)
              .detected(env)
              .reason(
                  "runs `"
                      + inv.program()
                      + " "
                      + a.value()
                      + "`: Airlock has no rules for "
                      + inv.program()
                      + ", and a subcommand named '"
                      + w
                      + "' may delete things"
                      + (force ? ", here without a prompt" : ""))
              .evidence(a.start(), a.end(), a.value())
              .addTo(walk.analysis());
          return true;
        }
      }
    }
    return false;
  }
}
