package dev.airlock.classify.shell.rules;

import dev.airlock.classify.FilePaths;
import dev.airlock.classify.shell.rules.PathRisk.Category;
import dev.airlock.classify.shell.rules.PathRisk.Kind;
import dev.airlock.classify.shell.rules.PathRisk.Read;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sorts a normalised path (lower case, forward slashes) into a {@link Category}: splits it into
 * components, resolves {@code .} and {@code ..}, and looks the components up in {@link PathNames}.
 * Also expands braces and replaces Windows variables for {@link PathRisk}.
 */
final class PathCategories {

  private PathCategories() {}

  static Read read(String v, boolean home, boolean glob) {
    if (FilePaths.agentGuard(v)) {
      // The agent runtime's hook settings, Airlock's among them: deleting them turns the guard off.
      return new Read(Category.PROJECT_CRITICAL, Kind.RELATIVE, List.of(v), false, false);
    }
    Kind kind;
    String rest;
    if (v.startsWith("//./") || v.startsWith("//?/")) {
      return new Read(
          Category.DEVICE, Kind.DEVICE_NAMESPACE, List.of(v.substring(4)), false, false);
    } else if (home) {
      kind = Kind.HOME;
      int slash = v.indexOf('/');
      rest = slash < 0 ? "" : v.substring(slash + 1);
    } else if (v.length() >= 2 && PathRisk.isAsciiLetter(v.charAt(0)) && v.charAt(1) == ':') {
      kind = Kind.DRIVE;
      rest = v.substring(2);
    } else if (v.startsWith("/")) {
      kind = Kind.ABSOLUTE;
      rest = v;
    } else {
      kind = Kind.RELATIVE;
      rest = v;
    }
    boolean dirSyntax = v.endsWith("/") || v.endsWith("/.") || v.equals(".");
    List<String> segs = segments(rest, kind);
    boolean matchAll = glob && !segs.isEmpty() && isMatchAll(segs.getLast());
    List<String> dir = matchAll ? segs.subList(0, segs.size() - 1) : segs;
    for (String s : segs) {
      if (s.contains("physicaldrive") || s.startsWith("harddisk")) {
        return new Read(Category.DEVICE, Kind.DEVICE_NAMESPACE, segs, false, false);
      }
    }
    Category c =
        switch (kind) {
          case ABSOLUTE -> absolute(segs, dir, matchAll);
          case DRIVE -> drive(segs, dir, matchAll);
          case HOME -> home(segs, dir, matchAll);
          default -> relative(segs, dir, matchAll);
        };
    return new Read(c, kind, segs, matchAll, dirSyntax);
  }

  /** Splits a path at slashes, dropping empty and {@code .} components, resolving {@code ..}. */
  private static List<String> segments(String path, Kind kind) {
    List<String> out = new ArrayList<>(6);
    int i = 0;
    int n = path.length();
    while (i <= n) {
      int j = path.indexOf('/', i);
      if (j < 0) {
        j = n;
      }
      String s = path.substring(i, j);
      i = j + 1;
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!out.isEmpty() && !out.getLast().equals("..")) {
          out.removeLast();
        } else if (kind == Kind.RELATIVE || kind == Kind.HOME) {
          out.add("..");
        }
        continue;
      }
      out.add(s);
    }
    return out;
  }

  /** Whether a glob component matches every name: {@code *}, {@code .*}, {@code *.*}. */
  static boolean isMatchAll(String seg) {
    boolean star = false;
    for (int i = 0; i < seg.length(); i++) {
      char c = seg.charAt(i);
      if (c == '[') {
        int close = seg.indexOf(']', i + 2);
        if (close < 0) {
          return false;
        }
        i = close;
      } else if (c == '*') {
        star = true;
      } else if (c != '?' && c != '.') {
        return false;
      }
    }
    return star;
  }

  // ---- categories by kind of path

  private static Category absolute(List<String> segs, List<String> dir, boolean matchAll) {
    if (dir.isEmpty()) {
      return Category.ROOT;
    }
    String s0 = dir.getFirst();
    int n = dir.size();
    if (s0.equals("private") && n > 1 && MAC_PRIVATE.contains(dir.get(1))) {
      return absolute(segs.subList(1, segs.size()), dir.subList(1, n), matchAll);
    }
    if (s0.equals("dev")) {
      return device(dir);
    }
    if (s0.equals("home") || s0.equals("users")) {
      return n <= 2
          ? Category.HOME
          : home(segs.subList(2, segs.size()), dir.subList(2, n), matchAll);
    }
    if (s0.equals("root")) {
      return n == 1
          ? Category.HOME
          : home(segs.subList(1, segs.size()), dir.subList(1, n), matchAll);
    }
    if (isDataPrefix(dir)) {
      return Category.DATA;
    }
    if (s0.equals("tmp") || (s0.equals("var") && n >= 2 && dir.get(1).equals("tmp"))) {
      int base = s0.equals("tmp") ? 1 : 2;
      return n > base ? Category.REGENERABLE : Category.OTHER;
    }
    if (PathNames.SYSTEM_TOPS.contains(s0)) {
      if (s0.equals("var") && n > 2 && dir.get(1).equals("cache")) {
        return Category.REGENERABLE;
      }
      if (s0.equals("opt")) {
        return n == 1 ? Category.SYSTEM : Category.SYSTEM_PART;
      }
      return n <= 2 ? Category.SYSTEM : Category.SYSTEM_PART;
    }
    return generic(segs, dir, matchAll);
  }

  private static final Set<String> MAC_PRIVATE = Set.of("tmp", "var", "etc");

  private static boolean isDataPrefix(List<String> dir) {
    String one = "/" + dir.getFirst();
    if (PathNames.DATA_PREFIXES.contains(one)) {
      return true;
    }
    if (dir.size() < 2) {
      return false;
    }
    String two = one + "/" + dir.get(1);
    if (PathNames.DATA_PREFIXES.contains(two)) {
      return true;
    }
    return dir.size() >= 3 && PathNames.DATA_PREFIXES.contains(two + "/" + dir.get(2));
  }

  private static Category device(List<String> dir) {
    if (dir.size() == 1) {
      return Category.SYSTEM;
    }
    String d = dir.get(1);
    if (PSEUDO_DEVICES.contains(d)) {
      return Category.SPECIAL;
    }
    if (d.equals("shm")) {
      return dir.size() > 2 ? Category.REGENERABLE : Category.SPECIAL;
    }
    for (String p : BLOCK_DEVICES) {
      if (d.startsWith(p)) {
        return Category.DEVICE;
      }
    }
    return dir.size() > 2 ? Category.DEVICE : Category.SPECIAL;
  }

  private static final Set<String> PSEUDO_DEVICES =
      Set.of(
          ("null zero full random urandom stdin stdout stderr tty console ptmx fd "
                  + "pts log kmsg")
              .split(" "));

  private static final List<String> BLOCK_DEVICES =
      List.of(
          ("sd hd vd xvd nvme mmcblk disk rdisk md dm- loop sr nbd zd rbd mapper "
                  + "root bcache drbd zvol emmc ada da")
              .split(" "));

  private static Category drive(List<String> segs, List<String> dir, boolean matchAll) {
    if (dir.isEmpty()) {
      return Category.ROOT;
    }
    String s0 = dir.getFirst();
    int n = dir.size();
    if (PathNames.WINDOWS_SYSTEM_TOPS.contains(s0)) {
      if (s0.equals("windows") && n > 2 && dir.get(1).equals("temp")) {
        return Category.REGENERABLE;
      }
      return n <= 2 ? Category.SYSTEM : Category.SYSTEM_PART;
    }
    if (s0.equals("users") || s0.equals("documents and settings")) {
      return n <= 2
          ? Category.HOME
          : home(segs.subList(2, segs.size()), dir.subList(2, n), matchAll);
    }
    return generic(segs, dir, matchAll);
  }

  /** A path inside a home directory; {@code segs} and {@code dir} start below the home. */
  static Category home(List<String> segs, List<String> dir, boolean matchAll) {
    if (dir.isEmpty() || dir.getFirst().equals("..")) {
      return Category.HOME;
    }
    String r0 = dir.getFirst();
    String two = dir.size() >= 2 ? r0 + "/" + dir.get(1) : null;
    String three = dir.size() >= 3 ? two + "/" + dir.get(2) : null;
    if (in(PathNames.HOME_SECRETS, r0, two, three)) {
      return Category.HOME_SECRETS;
    }
    if (in(PathNames.HOME_CACHES, r0, two, three)
        || (dir.size() >= 4 && PathNames.HOME_CACHES.contains(three + "/" + dir.get(3)))) {
      return Category.REGENERABLE;
    }
    if (r0.startsWith(".") || r0.equals("appdata") || r0.equals("library")) {
      return Category.HOME_CONFIG;
    }
    return generic(segs, dir, matchAll);
  }

  private static boolean in(
      Set<String> set, String one, @Nullable String two, @Nullable String three) {
    return set.contains(one)
        || (two != null && set.contains(two))
        || (three != null && set.contains(three));
  }

  private static Category relative(List<String> segs, List<String> dir, boolean matchAll) {
    boolean allUp = true;
    for (String s : dir) {
      if (!s.equals("..")) {
        allUp = false;
        break;
      }
    }
    if (allUp) {
      return Category.CWD_ALL;
    }
    return generic(segs, dir, matchAll);
  }

  /** Any path, by the names of its components. */
  private static Category generic(List<String> segs, List<String> dir, boolean matchAll) {
    for (int i = 0; i < segs.size(); i++) {
      if (segs.get(i).endsWith(".git")) {
        boolean lockFile = i < segs.size() - 1 && !matchAll && segs.getLast().endsWith(".lock");
        return lockFile ? Category.REGENERABLE : Category.PROJECT_CRITICAL;
      }
    }
    String base = segs.isEmpty() ? "" : segs.getLast();
    if (!matchAll) {
      if (PathNames.isCritical(base)) {
        return Category.PROJECT_CRITICAL;
      }
      if (PathNames.isDataFile(base)) {
        return Category.DATA;
      }
    }
    for (String s : dir) {
      if (PathNames.REGENERABLE_DIRS.contains(s)) {
        return Category.REGENERABLE;
      }
    }
    for (String s : dir) {
      if (PathNames.isDataDir(s)) {
        return Category.DATA;
      }
    }
    if (!matchAll && PathNames.isRegenerableFile(base)) {
      return Category.REGENERABLE;
    }
    for (String s : dir) {
      if (s.equals(".ssh") || s.equals(".gnupg") || s.equals(".aws") || s.equals(".kube")) {
        return Category.HOME_SECRETS;
      }
    }
    return Category.OTHER;
  }

  // ---- brace expansion and Windows variables

  /** Expands unquoted braces ({@code a{b,c}d}), at most {@link #MAX_ALTERNATIVES} results. */
  static void expandBraces(String v, List<String> out, int depth) {
    if (out.size() >= MAX_ALTERNATIVES) {
      return;
    }
    int open = -1;
    int close = -1;
    List<Integer> commas = new ArrayList<>();
    for (int i = 0; i < v.length() && close < 0; i++) {
      char c = v.charAt(i);
      if (c == '{') {
        open = i;
        commas.clear();
      } else if (c == ',' && open >= 0) {
        commas.add(i);
      } else if (c == '}' && open >= 0) {
        if (commas.isEmpty()) {
          open = -1;
        } else {
          close = i;
        }
      }
    }
    if (close < 0 || depth > 8) {
      out.add(v);
      return;
    }
    String prefix = v.substring(0, open);
    String suffix = v.substring(close + 1);
    int from = open + 1;
    commas.add(close);
    for (int cut : commas) {
      expandBraces(prefix + v.substring(from, cut) + suffix, out, depth + 1);
      from = cut + 1;
    }
  }

  static final int MAX_ALTERNATIVES = 32;

  /**
   * The path with a leading Windows variable replaced by what it stands for ({@code %userprofile%}
   * by {@code ~}), or null if it starts with none. Input and output are lower case.
   */
  static @Nullable String windowsVariable(String v) {
    if (v.isEmpty() || (v.charAt(0) != '%' && v.charAt(0) != '$')) {
      return null;
    }
    for (String[] e : WINDOWS_VARIABLES) {
      String name = e[0];
      if (v.startsWith(name) && (v.length() == name.length() || v.charAt(name.length()) == '/')) {
        return e[1] + v.substring(name.length());
      }
    }
    return null;
  }

  private static final String[][] WINDOWS_VARIABLES = {
    {"%homedrive%%homepath%", "~"},
    {"%userprofile%", "~"},
    {"%homepath%", "~"},
    {"$env:userprofile", "~"},
    {"${env:userprofile}", "~"},
    {"$env:home", "~"},
    {"$home", "~"},
    {"%appdata%", "~/appdata/roaming"},
    {"$env:appdata", "~/appdata/roaming"},
    {"%localappdata%", "~/appdata/local"},
    {"$env:localappdata", "~/appdata/local"},
    {"%systemroot%", "c:/windows"},
    {"%windir%", "c:/windows"},
    {"$env:systemroot", "c:/windows"},
    {"$env:windir", "c:/windows"},
    {"%systemdrive%", "c:"},
    {"$env:systemdrive", "c:"},
    {"%programfiles%", "c:/program files"},
    {"%programfiles(x86)%", "c:/program files (x86)"},
    {"$env:programfiles", "c:/program files"},
    {"%programdata%", "c:/programdata"},
    {"$env:programdata", "c:/programdata"},
    {"%temp%", "/tmp"},
    {"%tmp%", "/tmp"},
    {"$env:temp", "/tmp"},
    {"$env:tmp", "/tmp"},
  };
}
