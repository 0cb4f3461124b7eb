package dev.airlock.classify.shell.rules;

import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one simple command the way the shell walk hands it to a rule pack, for the cloud packs'
 * tests: quotes removed, {@code $X} and {@code $(..)} kept as written and marked dynamic, unquoted
 * {@code * ? [} marked as globs, a leading {@code ~} marked as home, spans kept, and {@code <<<
 * word} read as a here-string on standard input. No pipes, lists or redirections.
 */
final class CloudWords {

  private CloudWords() {}

  static Invocation parse(String line) {
    List<Arg> words = new ArrayList<>();
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
      if (line.charAt(i) == '~') {
        flags |= Arg.HOME;
      }
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        char c = line.charAt(i);
        if (c == '\'') {
          int close = line.indexOf('\'', i + 1);
          close = close < 0 ? n : close;
          sb.append(line, i + 1, close);
          flags |= Arg.QUOTED;
          i = Math.min(n, close + 1);
        } else if (c == '"') {
          flags |= Arg.QUOTED;
          i++;
          while (i < n && line.charAt(i) != '"') {
            char d = line.charAt(i);
            if (d == '\\' && i + 1 < n) {
              sb.append(line.charAt(i + 1));
              i += 2;
              continue;
            }
            if (d == '$') {
              flags |= Arg.DYNAMIC;
            }
            sb.append(d);
            i++;
          }
          i++;
        } else if (c == '\\' && i + 1 < n) {
          sb.append(line.charAt(i + 1));
          i += 2;
        } else {
          if (c == '$') {
            flags |= Arg.DYNAMIC | (i + 1 < n && line.charAt(i + 1) == '(' ? Arg.SUBST : 0);
          } else if (c == '*' || c == '?' || c == '[') {
            flags |= Arg.GLOB;
          }
          sb.append(c);
          i++;
        }
      }
      words.add(new Arg(sb.toString(), flags, start, Math.min(i, n)));
    }
    Invocation.Input input = null;
    for (int k = 0; k < words.size() - 1; k++) {
      if (words.get(k).value().equals("<<<")) {
        Arg text = words.get(k + 1);
        input =
            new Invocation.Input(
                Invocation.InputKind.HERESTRING,
                text.value(),
                text.dynamic(),
                text.start(),
                text.end());
        words = new ArrayList<>(words.subList(0, k));
        break;
      }
    }
    Arg name = words.getFirst();
    int end = words.getLast().end();
    return new Invocation(
        name.value(), words.subList(1, words.size()), 0, end, line.substring(0, end), input);
  }
}
