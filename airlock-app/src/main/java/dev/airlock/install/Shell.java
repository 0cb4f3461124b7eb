package dev.airlock.install;

import java.util.ArrayList;
import java.util.List;

/**
 * The inverse of {@link dev.airlock.action.ShellWords#quote}, for the command written into settings
 * files.
 */
final class Shell {
  private Shell() {}

  /** The first word of a command, with single and double quotes and backslashes undone. */
  static String firstWord(String command) {
    List<String> words = words(command);
    return words.isEmpty() ? "" : words.get(0);
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        int close = s.indexOf('\'', i + 1);
        int end = close < 0 ? s.length() : close;
        cur.append(s, i + 1, end);
        i = end;
        in = true;
      } else if (c == '"') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"') {
          if (s.charAt(j) == '\\' && j + 1 < s.length()) {
            j++;
          }
          cur.append(s.charAt(j));
          j++;
        }
        i = j;
        in = true;
      } else if (c == '\\' && i + 1 < s.length()) {
        cur.append(s.charAt(++i));
        in = true;
      } else if (Character.isWhitespace(c)) {
        if (in) {
          out.add(cur.toString());
          cur.setLength(0);
          in = false;
        }
      } else {
        cur.append(c);
        in = true;
      }
    }
    if (in) {
      out.add(cur.toString());
    }
    return out;
  }
}
