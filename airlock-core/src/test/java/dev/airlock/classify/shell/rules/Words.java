package dev.airlock.classify.shell.rules;

import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link Invocation}s for tests from one simple command written the way a shell would read
 * it, setting the {@link Arg} flags the shell walk sets: single and double quotes ({@link
 * Arg#QUOTED}), unquoted globs ({@link Arg#GLOB}) and braces ({@link Arg#BRACE}), expansions
 * ({@link Arg#DYNAMIC}), a leading unquoted {@code ~}, {@code $HOME} or {@code ${HOME}} written as
 * {@code ~} ({@link Arg#HOME}); a backslash outside quotes escapes the next character and is
 * removed, as bash does. A word may end in {@code ^} and flag letters to set flags by hand: {@code
 * I} input, {@code D} dynamic, {@code G} glob, {@code Q} quoted, {@code H} home, {@code B} brace,
 * {@code S} substitution ({@code {}^I}); a bare {@code ^} clears the flags found. Spans point into
 * the line as written.
 */
final class Words {

  private Words() {}

  /** The invocation a command line makes; the first word is the program. */
  static Invocation parse(String line) {
    List<Arg> words = words(line);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty command: " + line);
    }
    Arg name = words.getFirst();
    return new Invocation(
        name.value(), words.subList(1, words.size()), 0, line.length(), line, null);
  }

  /** The words of a line, each with its flags and span. */
  static List<Arg> words(String line) {
    List<Arg> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      StringBuilder sb = new StringBuilder();
      int flags = 0;
      boolean first = true;
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        char c = line.charAt(i);
        if (c == '\'') {
          int close = line.indexOf('\'', i + 1);
          int end = close < 0 ? n : close;
          sb.append(line, i + 1, end);
          flags |= Arg.QUOTED;
          i = close < 0 ? n : close + 1;
        } else if (c == '"') {
          i++;
          flags |= Arg.QUOTED;
          while (i < n && line.charAt(i) != '"') {
            char d = line.charAt(i);
            if (d == '\\' && i + 1 < n && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
              sb.append(line.charAt(i + 1));
              i += 2;
              continue;
            }
            if (d == '$' || d == '`') {
              flags |= Arg.DYNAMIC;
            }
            sb.append(d);
            i++;
          }
          i++;
        } else if (c == '\\') {
          if (i + 1 < n && !Character.isWhitespace(line.charAt(i + 1))) {
            sb.append(line.charAt(i + 1));
            i += 2;
          } else {
            sb.append('\\');
            i++;
          }
        } else if (c == '^' && flagSuffix(line, i + 1)) {
          int end = i + 1;
          int manual = 0;
          while (end < n && !Character.isWhitespace(line.charAt(end))) {
            manual |= flag(line.charAt(end));
            end++;
          }
          out.add(new Arg(sb.toString(), manual, start, i));
          i = end;
          sb = null;
          break;
        } else {
          if (first && c == '~') {
            flags |= Arg.HOME;
          } else if (c == '*' || c == '?' || c == '[') {
            flags |= Arg.GLOB;
          } else if (c == '{' && braces(line, i)) {
            flags |= Arg.BRACE;
          } else if (c == '$' || c == '`') {
            if (first && line.startsWith("$HOME", i)) {
              sb.append('~');
              flags |= Arg.HOME;
              i += 5;
              first = false;
              continue;
            }
            if (first && line.startsWith("${HOME}", i)) {
              sb.append('~');
              flags |= Arg.HOME;
              i += 7;
              first = false;
              continue;
            }
            flags |= Arg.DYNAMIC;
            if (line.startsWith("$(", i)) {
              flags |= Arg.SUBST;
            }
          }
          sb.append(c);
          i++;
        }
        first = false;
      }
      if (sb != null) {
        out.add(new Arg(sb.toString(), flags, start, i));
      }
    }
    return out;
  }

  /** Whether the text at {@code at} is flag letters up to the end of the word. */
  private static boolean flagSuffix(String line, int at) {
    int i = at;
    while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
      if ("IDGQHBS".indexOf(line.charAt(i)) < 0) {
        return false;
      }
      i++;
    }
    return true;
  }

  /** Whether an unquoted brace at {@code at} opens a list ({@code {a,b}}) in the same word. */
  private static boolean braces(String line, int at) {
    boolean comma = false;
    for (int i = at + 1; i < line.length() && !Character.isWhitespace(line.charAt(i)); i++) {
      char c = line.charAt(i);
      if (c == ',') {
        comma = true;
      } else if (c == '}') {
        return comma;
      }
    }
    return false;
  }

  private static int flag(char c) {
    return switch (c) {
      case 'I' -> Arg.INPUT;
      case 'D' -> Arg.DYNAMIC;
      case 'G' -> Arg.GLOB;
      case 'Q' -> Arg.QUOTED;
      case 'H' -> Arg.HOME;
      case 'B' -> Arg.BRACE;
      case 'S' -> Arg.SUBST | Arg.DYNAMIC;
      default -> throw new IllegalArgumentException("unknown flag letter " + c);
    };
  }
}
