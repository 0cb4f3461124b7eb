package dev.airlock.classify.shell.rules;

import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a Windows command read from its source text the way PowerShell and cmd split
 * them: at spaces outside quotes, with backslashes kept. The bash parser reads {@code Remove-Item
 * C:\ -Recurse} as two arguments, {@code C:} followed by an escaped space, and {@code C:\Windows}
 * as {@code C:Windows}; Windows paths only survive in the source text. Used when the text holds a
 * backslash and a Windows path; otherwise the parsed arguments are kept, with their flags.
 *
 * <p>Quotes are removed and mark an argument {@link Arg#QUOTED}; {@code $} marks it {@link
 * Arg#DYNAMIC}; {@code *} and {@code ?} mark it {@link Arg#GLOB} even inside quotes (PowerShell
 * expands wildcards in {@code -Path} itself); a leading {@code ~} marks it {@link Arg#HOME}.
 * Redirections ({@code >}, {@code 2>&1}, {@code >out.txt}) are dropped.
 */
final class WindowsWords {

  private WindowsWords() {}

  /**
   * The arguments of a Windows-only program as Windows splits them, or the parsed ones when the
   * text has no backslash.
   */
  static List<Arg> of(Invocation inv) {
    return of(inv, true);
  }

  /**
   * The arguments as Windows would split them when the text holds a Windows path ({@code
   * windowsOnly} false, for programs shared with Unix) or any backslash ({@code windowsOnly} true).
   */
  static List<Arg> of(Invocation inv, boolean windowsOnly) {
    String text = inv.text();
    if (text.indexOf('\\') < 0) {
      return inv.args();
    }
    List<Arg> tokens = tokens(text, inv.start());
    boolean windows = windowsOnly;
    for (Arg t : tokens) {
      windows |= t.value().indexOf('\\') >= 0 && PathRisk.looksWindows(t.value());
    }
    if (!windows) {
      return inv.args();
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (Invocation.normalize(tokens.get(i).value()).equals(inv.program())) {
        return withoutRedirections(tokens.subList(i + 1, tokens.size()));
      }
    }
    return inv.args();
  }

  private static List<Arg> tokens(String text, int base) {
    List<Arg> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && (Character.isWhitespace(text.charAt(i)) || continuation(text, i) > 0)) {
        i += Math.max(1, continuation(text, i));
      }
      if (i >= n) {
        break;
      }
      int start = i;
      int flags = 0;
      StringBuilder sb = new StringBuilder();
      if (escapedWord(text, i)) {
        i++;
      }
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        char c = text.charAt(i);
        int skip = continuation(text, i);
        if (skip > 0) {
          i += skip;
          continue;
        }
        if (c == '"' || c == '\'') {
          flags |= Arg.QUOTED;
          int close = text.indexOf(c, i + 1);
          int end = close < 0 ? n : close;
          for (int j = i + 1; j < end; j++) {
            flags |= flagOf(text.charAt(j));
          }
          sb.append(text, i + 1, end);
          i = close < 0 ? n : close + 1;
          continue;
        }
        if (c == '~' && sb.isEmpty() && (flags & Arg.QUOTED) == 0) {
          flags |= Arg.HOME;
        }
        flags |= flagOf(c);
        sb.append(c);
        i++;
      }
      out.add(new Arg(sb.toString(), flags, base + start, base + i));
    }
    return out;
  }

  /**
   * The length of a line continuation (a backslash before a line break, which the shell removes) at
   * {@code i}, or 0.
   */
  static int continuation(String text, int i) {
    if (text.charAt(i) != '\\' || i + 1 >= text.length()) {
      return 0;
    }
    char next = text.charAt(i + 1);
    if (next == '\n') {
      return 2;
    }
    return next == '\r' && i + 2 < text.length() && text.charAt(i + 2) == '\n' ? 3 : 0;
  }

  /**
   * Whether the word at {@code i} starts with one backslash before a letter ({@code \delete}): the
   * shell that runs the line removes it, so the word is read without it. A root-relative Windows
   * path written that way ({@code \Windows}) is then read as a relative one, which the packs still
   * hold when it is deleted recursively.
   */
  private static boolean escapedWord(String text, int i) {
    return text.charAt(i) == '\\'
        && i + 1 < text.length()
        && PathRisk.isAsciiLetter(text.charAt(i + 1))
        && !rest(text, i + 1).contains("\\");
  }

  private static String rest(String text, int from) {
    int end = from;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return text.substring(from, end);
  }

  private static int flagOf(char c) {
    return switch (c) {
      case '$' -> Arg.DYNAMIC;
      case '*', '?' -> Arg.GLOB;
      default -> 0;
    };
  }

  private static List<Arg> withoutRedirections(List<Arg> tokens) {
    List<Arg> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String v = tokens.get(i).value();
      int k = 0;
      while (k < v.length() && Character.isDigit(v.charAt(k))) {
        k++;
      }
      boolean redirect =
          (tokens.get(i).flags() & Arg.QUOTED) == 0
              && k < v.length()
              && (v.charAt(k) == '>' || v.charAt(k) == '<');
      if (!redirect) {
        out.add(tokens.get(i));
        continue;
      }
      String op = v.substring(k).replace("&", "");
      if (op.equals(">") || op.equals(">>") || op.equals("<")) {
        i++;
      }
    }
    return out;
  }
}
