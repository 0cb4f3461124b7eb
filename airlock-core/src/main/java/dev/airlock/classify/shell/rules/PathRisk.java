package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What deleting or writing over a path would lose: a path argument sorted into a {@link Category}
 * (the filesystem root, a system directory, a home directory, secrets, data, a project's critical
 * files, everything in the working directory, something a build recreates, a disk device, a value
 * only known at run time), and the severity of deleting it, writing over it or appending to it.
 *
 * <p>Rule packs use it for every path they see; the shell walk uses {@link #clobber(Arg)} for
 * {@code > file} redirections.
 *
 * <p>Implementation notes: a path is lower-cased, its backslashes read as slashes, Windows
 * variables ({@code %USERPROFILE%}, {@code $env:SystemRoot}) replaced by what they stand for, and
 * {@code .} and {@code ..} resolved lexically. A leading {@code ~} counts as the home directory
 * only when the argument carries {@link Arg#HOME} (a quoted {@code "~"} is a directory named {@code
 * ~}). An unquoted glob whose last component matches everything ({@code *}, {@code .*}, {@code
 * *.*}) names the contents of its directory, so {@code /*} is judged like {@code /}. Brace
 * expansions ({@code /{etc,usr}}) are expanded and the worst alternative wins. The bash parser
 * removes backslashes from unquoted words, so {@code C:\Windows} reaches a pack as {@code
 * C:Windows}; {@link #windowsSource} recovers the word from the command's source text.
 */
public final class PathRisk {

  private PathRisk() {}

  /** What a path names, from the point of view of losing it; declared from worst to mildest. */
  public enum Category {
    /** The filesystem root or a drive root: {@code /}, {@code /*}, {@code C:\}. */
    ROOT,
    /** A disk or partition device: {@code /dev/sda}, {@code \\.\PhysicalDrive0}. */
    DEVICE,
    /**
     * A directory of the operating system or one directly in it: {@code /etc}, {@code /usr/lib}.
     */
    SYSTEM,
    /** A home directory or all of its contents: {@code ~}, {@code ~/*}, {@code /home/alice}. */
    HOME,
    /** Databases, volumes, mounts and backups: {@code /var/lib/postgresql}, {@code app.db}. */
    DATA,
    /** Keys and credentials in a home directory: {@code ~/.ssh}, {@code ~/.aws}. */
    HOME_SECRETS,
    /** Something deeper inside a system directory: {@code /etc/nginx/sites-enabled/app}. */
    SYSTEM_PART,
    /** What a project holds that git cannot give back: {@code .git}, {@code .env}, keys, state. */
    PROJECT_CRITICAL,
    /** Configuration in a home directory: {@code ~/.bashrc}, {@code ~/.config}. */
    HOME_CONFIG,
    /** Everything in the working directory or above it: {@code .}, {@code *}, {@code ..}. */
    CWD_ALL,
    /** A path only known at run time: {@code $DIR}, items read from standard input. */
    DYNAMIC,
    /** A pseudo-device: {@code /dev/null}, {@code /dev/stdout}. */
    SPECIAL,
    /** Anything else: an ordinary file or directory. */
    OTHER,
    /** What a build, an install or a tool recreates: {@code node_modules}, {@code /tmp/x}. */
    REGENERABLE
  }

  /**
   * How an act on a path was judged: the category of the path, the severity of the act, and the
   * path as written.
   */
  public record Risk(Category category, Severity severity, String path) {}

  enum Kind {
    ABSOLUTE,
    DRIVE,
    HOME,
    RELATIVE,
    DEVICE_NAMESPACE,
    UNKNOWN
  }

  /** One path read: the category and what it was decided from. */
  record Read(
      Category category, Kind kind, List<String> segs, boolean matchAll, boolean dirSyntax) {

    String joined() {
      return "/" + String.join("/", segs);
    }
  }

  // ---- public API

  /** The category of a path argument; for a brace expansion, the worst of its alternatives. */
  public static Category category(Arg arg) {
    Category worst = null;
    for (String alt : alternatives(arg)) {
      Category c = read(alt, arg.flags()).category();
      if (worst == null || c.compareTo(worst) < 0) {
        worst = c;
      }
    }
    return worst == null ? Category.OTHER : worst;
  }

  /**
   * The category of a path written literally; a leading {@code ~} is the home directory and {@code
   * *}, {@code ?} or {@code [} make it a glob.
   */
  public static Category category(String path) {
    return category(literal(path));
  }

  /**
   * Judges deleting a path. {@code recursive} is whether directories go with their contents;
   * arguments flagged {@link Arg#INPUT} (the items {@code find} or {@code xargs} hand over) always
   * count as many files under the path.
   */
  public static Risk delete(Arg arg, boolean recursive) {
    boolean rec = recursive || (arg.flags() & Arg.INPUT) != 0;
    Risk worst = null;
    for (String alt : alternatives(arg)) {
      Read r = read(alt, arg.flags());
      Risk risk = new Risk(r.category(), deleteSeverity(r, rec, arg.glob()), arg.value());
      worst = worse(worst, risk);
    }
    return worst == null ? new Risk(Category.OTHER, Severity.SAFE, arg.value()) : worst;
  }

  /**
   * Judges writing over a path ({@code > file}, {@code cp x file}, {@code dd of=file}): writing
   * over a disk or a critical system file is catastrophic; over secrets, configuration, data,
   * system files or a project's critical files destructive; over a directory, an ordinary project
   * file or a temporary file safe; over a path only known at run time unknown.
   */
  public static Risk clobber(Arg arg) {
    Risk worst = null;
    for (String alt : alternatives(arg)) {
      Read r = read(alt, arg.flags());
      worst = worse(worst, new Risk(r.category(), clobberSeverity(r), arg.value()));
    }
    return worst == null ? new Risk(Category.OTHER, Severity.SAFE, arg.value()) : worst;
  }

  /**
   * Judges appending to a path ({@code >> file}, {@code tee -a}): appending to the files that
   * decide who may log in, what runs with privileges or at boot is destructive; to a disk device
   * catastrophic; anything else safe.
   */
  public static Risk append(Arg arg) {
    Risk worst = null;
    for (String alt : alternatives(arg)) {
      Read r = read(alt, arg.flags());
      Severity s = Severity.SAFE;
      if (r.category() == Category.DEVICE) {
        s = Severity.CATASTROPHIC;
      } else if (r.kind() == Kind.ABSOLUTE || r.kind() == Kind.HOME) {
        s = sensitiveAppend(r) ? Severity.DESTRUCTIVE : Severity.SAFE;
      } else if (!r.segs().isEmpty() && r.segs().getLast().startsWith("authorized_keys")) {
        s = Severity.DESTRUCTIVE;
      }
      worst = worse(worst, new Risk(r.category(), s, arg.value()));
    }
    return worst == null ? new Risk(Category.OTHER, Severity.SAFE, arg.value()) : worst;
  }

  /**
   * The argument as the command's source text wrote it, when that is a Windows path the bash parser
   * changed by removing backslashes ({@code C:\Windows} parsed as {@code C:Windows}); otherwise the
   * argument itself. Quotes and line continuations are removed, as the shell does.
   */
  public static Arg windowsSource(Invocation inv, Arg arg) {
    int s = arg.start() - inv.start();
    int e = arg.end() - inv.start();
    String text = inv.text();
    if (s < 0 || e > text.length() || s >= e) {
      return arg;
    }
    String raw = text.substring(s, e);
    if (raw.indexOf('\\') < 0 || arg.value().indexOf('\\') >= 0) {
      return arg;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      int skip = WindowsWords.continuation(raw, i);
      if (skip > 0) {
        i += skip - 1;
      } else if (c != '"' && c != '\'') {
        sb.append(c);
      }
    }
    String unquoted = sb.toString();
    if (unquoted.equals(arg.value()) || !looksWindows(unquoted)) {
      return arg;
    }
    return arg.withValue(unquoted);
  }

  /**
   * Whether a path is written the Windows way: a drive letter, a UNC or device path, a variable.
   */
  public static boolean looksWindows(String v) {
    return (v.length() >= 2 && isAsciiLetter(v.charAt(0)) && v.charAt(1) == ':')
        || v.startsWith(".\\")
        || v.startsWith("..\\")
        || v.startsWith("\\\\")
        || v.startsWith("%")
        || v.regionMatches(true, 0, "$env:", 0, 5);
  }

  /** A short phrase for a category, for reasons ("the filesystem root"). */
  public static String describe(Category c) {
    return switch (c) {
      case ROOT -> "the filesystem root";
      case SYSTEM -> "a system directory";
      case SYSTEM_PART -> "part of the installed system";
      case HOME -> "the home directory";
      case HOME_SECRETS -> "keys and credentials in the home directory";
      case HOME_CONFIG -> "user configuration in the home directory";
      case DATA -> "database, volume or backup data";
      case PROJECT_CRITICAL -> "history, secrets, keys or state git cannot give back";
      case CWD_ALL -> "everything in the working directory";
      case REGENERABLE -> "files a build, an install or a tool recreates";
      case DEVICE -> "a disk device";
      case SPECIAL -> "a pseudo-device";
      case DYNAMIC -> "a path only known at run time";
      case OTHER -> "ordinary files";
    };
  }

  /**
   * Whether a path is a system directory itself ({@code /etc}), all of one ({@code /usr/bin/*}), or
   * a file whose loss stops logins or boot ({@code /etc/shadow}).
   */
  static boolean systemEntry(Arg arg) {
    for (String alt : alternatives(arg)) {
      Read r = read(alt, arg.flags());
      if (r.category() == Category.SYSTEM
          && (r.segs().size() <= 1 || r.matchAll() || criticalSystemFile(r))) {
        return true;
      }
    }
    return false;
  }

  // ---- severities

  private static Severity deleteSeverity(Read r, boolean recursive, boolean glob) {
    return switch (r.category()) {
      case ROOT -> Severity.CATASTROPHIC;
      case SYSTEM ->
          recursive || r.matchAll() || criticalSystemFile(r)
              ? Severity.CATASTROPHIC
              : Severity.DESTRUCTIVE;
      case HOME -> recursive ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE;
      case DATA -> recursive && wideData(r) ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE;
      case SYSTEM_PART, HOME_SECRETS, HOME_CONFIG, PROJECT_CRITICAL, CWD_ALL, DEVICE, SPECIAL ->
          Severity.DESTRUCTIVE;
      case DYNAMIC -> recursive || glob ? Severity.DESTRUCTIVE : Severity.UNKNOWN;
      case OTHER -> recursive || r.matchAll() ? Severity.DESTRUCTIVE : Severity.SAFE;
      case REGENERABLE -> Severity.SAFE;
    };
  }

  private static Severity clobberSeverity(Read r) {
    boolean dir = r.dirSyntax() || r.matchAll();
    return switch (r.category()) {
      case DEVICE -> Severity.CATASTROPHIC;
      case SYSTEM ->
          criticalSystemFile(r)
              ? Severity.CATASTROPHIC
              : dir || r.segs().size() <= 1 ? Severity.SAFE : Severity.DESTRUCTIVE;
      case SYSTEM_PART -> localSoftware(r) ? Severity.SAFE : Severity.DESTRUCTIVE;
      case HOME_SECRETS, HOME_CONFIG, PROJECT_CRITICAL -> Severity.DESTRUCTIVE;
      case DATA ->
          dir || PathNames.DATA_PREFIXES.contains(r.joined())
              ? Severity.SAFE
              : Severity.DESTRUCTIVE;
      case DYNAMIC -> Severity.UNKNOWN;
      case ROOT, HOME, CWD_ALL, SPECIAL, REGENERABLE, OTHER -> Severity.SAFE;
    };
  }

  private static boolean criticalSystemFile(Read r) {
    if (r.kind() != Kind.ABSOLUTE || r.segs().isEmpty()) {
      return false;
    }
    String s0 = r.segs().getFirst();
    return PathNames.CRITICAL_SYSTEM_FILES.contains(r.joined())
        || (s0.equals("boot") && r.segs().size() > 1)
        || (s0.equals("etc") && r.segs().size() == 2 && r.segs().get(1).startsWith("sudoers"));
  }

  /** Whether a path is under {@code /usr/local} or {@code /opt}, where software is installed. */
  private static boolean localSoftware(Read r) {
    List<String> s = r.segs();
    return r.kind() == Kind.ABSOLUTE
        && !s.isEmpty()
        && (s.getFirst().equals("opt") || (s.size() > 1 && s.get(1).equals("local")));
  }

  /** Deleting data recursively is catastrophic unless it is a project's own database file. */
  private static boolean wideData(Read r) {
    if (r.kind() != Kind.RELATIVE) {
      return true;
    }
    for (String s : r.segs()) {
      if (PathNames.isDataDir(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sensitiveAppend(Read r) {
    String p = r.kind() == Kind.HOME ? "~" + r.joined() : r.joined();
    String base = r.segs().isEmpty() ? "" : r.segs().getLast();
    return p.startsWith("/etc/sudoers")
        || p.startsWith("/etc/passwd")
        || p.startsWith("/etc/shadow")
        || p.startsWith("/etc/group")
        || p.startsWith("/etc/cron")
        || p.startsWith("/var/spool/cron")
        || p.startsWith("/etc/ld.so.preload")
        || p.startsWith("/etc/profile")
        || p.startsWith("/etc/environment")
        || p.startsWith("/etc/rc.local")
        || p.startsWith("/etc/systemd/")
        || base.startsWith("authorized_keys");
  }

  private static Risk worse(@Nullable Risk a, Risk b) {
    return a == null || b.severity().rank() > a.severity().rank() ? b : a;
  }

  // ---- reading a path

  private static Arg literal(String path) {
    int flags = path.startsWith("~") ? Arg.HOME : 0;
    if (path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0) {
      flags |= Arg.GLOB;
    }
    return new Arg(path, flags, 0, 0);
  }

  private static List<String> alternatives(Arg arg) {
    if (!arg.brace() || arg.value().indexOf('{') < 0) {
      return List.of(arg.value());
    }
    List<String> out = new ArrayList<>();
    PathCategories.expandBraces(arg.value(), out, 0);
    return out.isEmpty() ? List.of(arg.value()) : out;
  }

  private static Read read(String value, int flags) {
    String v = value.toLowerCase(Locale.ROOT).replace('\\', '/');
    boolean home = false;
    String sub = PathCategories.windowsVariable(v);
    if (sub != null) {
      v = sub;
      home = v.startsWith("~");
    } else if (v.startsWith("~")) {
      if ((flags & Arg.HOME) != 0) {
        home = true;
      } else {
        v = "./" + v;
      }
    }
    boolean glob =
        (flags & Arg.GLOB) != 0
            || (looksWindows(value) && (v.indexOf('*') >= 0 || v.indexOf('?') >= 0));
    boolean dynamic =
        ((flags & (Arg.DYNAMIC | Arg.INPUT)) != 0 && (v.indexOf('$') >= 0 || v.indexOf('`') >= 0))
            || ((flags & Arg.INPUT) != 0 && v.startsWith("{"));
    if (dynamic) {
      return new Read(dynamicCategory(v, flags), Kind.UNKNOWN, List.of(), false, false);
    }
    if (v.isEmpty()) {
      return new Read(Category.OTHER, Kind.RELATIVE, List.of(), false, false);
    }
    return PathCategories.read(v, home, glob);
  }

  /** A path with unknown parts: judged by a literal file name or a regenerable parent, if any. */
  private static Category dynamicCategory(String v, int flags) {
    if (inTempDir(v)) {
      return Category.REGENERABLE;
    }
    String base = v.substring(v.lastIndexOf('/') + 1);
    if (!base.isEmpty() && base.indexOf('$') < 0 && base.indexOf('`') < 0) {
      if (PathNames.isCritical(base)) {
        return Category.PROJECT_CRITICAL;
      }
      if (PathNames.isDataFile(base)) {
        return Category.DATA;
      }
    }
    int cut = v.length();
    int dollar = v.indexOf('$');
    int tick = v.indexOf('`');
    if (dollar >= 0) {
      cut = dollar;
    }
    if (tick >= 0 && tick < cut) {
      cut = tick;
    }
    if (cut > 1 && v.charAt(cut - 1) == '/') {
      String prefix = v.substring(0, cut - 1);
      Read parent = read(prefix, flags & ~(Arg.DYNAMIC | Arg.INPUT | Arg.GLOB));
      if (parent.category() == Category.REGENERABLE) {
        return Category.REGENERABLE;
      }
    }
    return Category.DYNAMIC;
  }

  /**
   * Whether a path is an entry below the temporary directory ({@code $TMPDIR/x}, {@code
   * ${TMPDIR:?}/x}) with nothing else unknown in it.
   */
  private static boolean inTempDir(String v) {
    int slash;
    if (v.startsWith("$tmpdir/")) {
      slash = 7;
    } else if (v.startsWith("${tmpdir}/") || v.startsWith("${tmpdir:?}/")) {
      slash = v.indexOf('/');
    } else {
      return false;
    }
    String rest = v.substring(slash + 1);
    return !rest.isEmpty()
        && !rest.startsWith(".")
        && !rest.contains("/..")
        && rest.indexOf('`') < 0
        && (rest.indexOf('$') < 0 || rest.endsWith("$$"));
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
