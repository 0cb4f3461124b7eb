package dev.airlock.action;

import java.util.List;

/** Joins argv words back into one shell command line that means the same words. */
public final class ShellWords {

  private ShellWords() {}

  /** One word is taken as a whole command line; several are quoted where needed and joined. */
  public static String join(List<String> words) {
    if (words.size() == 1) {
      return words.getFirst();
    }
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(quote(w));
    }
    return sb.toString();
  }

  public static String quote(String w) {
    if (!w.isEmpty() && w.chars().allMatch(ShellWords::plain)) {
      return w;
    }
    return "'" + w.replace("'", "'\\''") + "'";
  }

  private static boolean plain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "_@%+=:,./-".indexOf(c) >= 0;
  }
}
