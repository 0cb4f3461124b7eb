package dev.airlock.policy;

import java.util.Locale;

/** A case-insensitive glob: {@code *} is any run of characters, {@code ?} any one character. */
record Glob(String pattern) {

  Glob {
    pattern = pattern.toLowerCase(Locale.ROOT);
  }

  boolean matches(String text) {
    return matches(pattern, 0, text.toLowerCase(Locale.ROOT), 0);
  }

  private static boolean matches(String p, int pi, String t, int ti) {
    int star = -1;
    int mark = 0;
    while (ti < t.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
        pi++;
        ti++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = ti;
      } else if (star >= 0) {
        pi = star + 1;
        ti = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
