package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Category;
import dev.airlock.classify.shell.rules.PathRisk.Risk;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code chmod}, {@code chown} and {@code chgrp} for the filesystem pack. Changing modes or owners
 * recursively over the root, a system directory or a home directory cannot be undone (the old
 * values are not kept anywhere) and stops the system or its tools from working; opening up keys in
 * {@code ~/.ssh} exposes them and makes ssh refuse them. Everything else (making a script
 * executable, fixing a project's owner) is safe.
 */
final class Permissions {

  private Permissions() {}

  static void classify(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    boolean chmod = p.equals("chmod");
    String optionLetters = chmod ? "RcfvHLP" : "RcfvhHLP";
    boolean recursive = false;
    boolean reference = false;
    boolean operandsOnly = false;
    Arg setting = null;
    List<Arg> targets = new ArrayList<>();
    for (Arg a : inv.args()) {
      String v = a.value();
      if (!operandsOnly && v.equals("--")) {
        operandsOnly = true;
        continue;
      }
      if (!operandsOnly && v.startsWith("--") && v.length() > 2) {
        recursive |= v.equals("--recursive");
        reference |= v.startsWith("--reference");
        continue;
      }
      boolean dashed = !operandsOnly && v.length() > 1 && v.charAt(0) == '-' && !a.dynamic();
      if (dashed && !(chmod && setting == null && !onlyLetters(v, optionLetters) && isMode(v))) {
        recursive |= v.indexOf('R') > 0;
        continue;
      }
      if (setting == null && !reference) {
        setting = a;
      } else {
        targets.add(a);
      }
    }
    String mode = setting == null ? null : setting.value();
    boolean opens = chmod && (mode == null || opensUp(mode));
    boolean locks = chmod && mode != null && locksOwnerOut(mode);
    boolean rec = recursive;
    String what =
        chmod
            ? (mode == null
                ? "copies the mode of a reference file to"
                : "sets mode " + mode + " on")
            : (setting == null
                ? "changes the owner of"
                : "gives " + setting.value() + " ownership of");
    PathFindings.report(
        inv,
        ctx,
        targets,
        a -> risk(a, rec, opens, locks),
        "shell.fs." + p + (rec ? "-recursive" : ""),
        chmod ? "chmod" : "chown",
        (r, a) -> reason(r, rec, chmod, what),
        null);
  }

  private static Risk risk(Arg a, boolean recursive, boolean opens, boolean locks) {
    Category c = PathRisk.category(a);
    Severity s = Severity.SAFE;
    if (recursive && (c == Category.ROOT || c == Category.SYSTEM || c == Category.HOME)) {
      s = Severity.CATASTROPHIC;
    } else if (recursive && locks && c != Category.REGENERABLE && c != Category.OTHER) {
      s = Severity.DESTRUCTIVE;
    } else if (c == Category.HOME_SECRETS && opens) {
      s = Severity.DESTRUCTIVE;
    } else if (!recursive && (c == Category.ROOT || PathRisk.systemEntry(a))) {
      s = Severity.DESTRUCTIVE;
    }
    return new Risk(c, s, a.value());
  }

  private static String reason(Risk r, boolean recursive, boolean chmod, String what) {
    String head =
        (recursive ? "recursively " : "")
            + what
            + (recursive ? " everything under " : " ")
            + r.path()
            + " ("
            + PathRisk.describe(r.category())
            + "): ";
    return head
        + switch (r.category()) {
          case HOME_SECRETS ->
              "keys readable by others are exposed, and ssh and gpg refuse to use them";
          case HOME ->
              "ssh, gpg and many tools refuse keys and configuration with the wrong "
                  + (chmod ? "permissions" : "owner")
                  + ", and the old values are kept nowhere, so they cannot be put back";
          default ->
              "sudo, ssh and system services refuse files with the wrong "
                  + (chmod ? "permissions" : "owner")
                  + ", so the system stops working"
                  + (recursive ? ", and the old values are kept nowhere to put back" : "");
        };
  }

  /** Whether a numeric mode takes every permission from the owner ({@code 000}, {@code 0044}). */
  static boolean locksOwnerOut(String mode) {
    int n = mode.length();
    if (n < 3 || n > 4) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (mode.charAt(i) < '0' || mode.charAt(i) > '7') {
        return false;
      }
    }
    return mode.charAt(n - 3) == '0';
  }

  private static boolean onlyLetters(String v, String letters) {
    for (int i = 1; i < v.length(); i++) {
      if (letters.indexOf(v.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether a word is a chmod mode ({@code 755}, {@code u+x}, {@code -w}, {@code go=}). */
  static boolean isMode(String v) {
    for (int i = 0; i < v.length(); i++) {
      if ("ugoarwxXst+-=,01234567".indexOf(v.charAt(i)) < 0) {
        return false;
      }
    }
    return !v.isEmpty();
  }

  /**
   * Whether a mode gives the group or others any access ({@code 644}, {@code go+r}, {@code +r}).
   */
  static boolean opensUp(@Nullable String mode) {
    if (mode == null || mode.isEmpty()) {
      return true;
    }
    if (Character.isDigit(mode.charAt(0))) {
      int n = mode.length();
      if (n < 3) {
        return n == 2 ? mode.charAt(0) != '0' || mode.charAt(1) != '0' : mode.charAt(0) != '0';
      }
      return mode.charAt(n - 2) != '0' || mode.charAt(n - 1) != '0';
    }
    for (String clause : mode.split(",", -1)) {
      int op = 0;
      while (op < clause.length() && "ugoa".indexOf(clause.charAt(op)) >= 0) {
        op++;
      }
      if (op >= clause.length()) {
        continue;
      }
      String who = clause.substring(0, op);
      char o = clause.charAt(op);
      String perms = clause.substring(op + 1);
      boolean others =
          who.isEmpty() || who.indexOf('g') >= 0 || who.indexOf('o') >= 0 || who.indexOf('a') >= 0;
      if ((o == '+' || o == '=') && others && !perms.isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
