package dev.airlock.classify.shell.syntax;

/** Reads the body of a {@code $'...'} string: finds its end and decodes its backslash escapes. */
final class AnsiC {

  private AnsiC() {}

  /**
   * The index of the quote closing a {@code $'} string whose text starts at {@code from}, or -1.
   */
  static int close(String s, int from, int end) {
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '\'') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Decodes {@code s[from, to)} as bash does. A decoded NUL ends the string, because bash strings
   * cannot hold one.
   */
  static String decode(String s, int from, int to) {
    StringBuilder b = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= to) {
        b.append(c);
        i++;
        continue;
      }
      char n = s.charAt(i + 1);
      i += 2;
      int v;
      switch (n) {
        case 'a' -> v = 7;
        case 'b' -> v = 8;
        case 'e', 'E' -> v = 27;
        case 'f' -> v = 12;
        case 'n' -> v = 10;
        case 'r' -> v = 13;
        case 't' -> v = 9;
        case 'v' -> v = 11;
        case '\\', '\'', '"', '?' -> v = n;
        case 'x', 'u', 'U' -> {
          int max = n == 'x' ? 2 : n == 'u' ? 4 : 8;
          int value = 0;
          int digits = 0;
          while (digits < max && i < to && Character.digit(s.charAt(i), 16) >= 0) {
            value = value * 16 + Character.digit(s.charAt(i), 16);
            i++;
            digits++;
          }
          if (digits == 0) {
            b.append('\\').append(n);
            continue;
          }
          v = value;
        }
        case 'c' -> {
          if (i >= to) {
            b.append("\\c");
            continue;
          }
          v = s.charAt(i) & 0x1f;
          i++;
        }
        default -> {
          if (n >= '0' && n <= '7') {
            int value = n - '0';
            int digits = 1;
            while (digits < 3 && i < to && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
              value = value * 8 + (s.charAt(i) - '0');
              i++;
              digits++;
            }
            v = value & 0xff;
          } else {
            b.append('\\').append(n);
            continue;
          }
        }
      }
      if (v == 0) {
        break;
      }
      if (Character.isValidCodePoint(v)) {
        b.appendCodePoint(v);
      } else {
        b.append('\uFFFD');
      }
    }
    return b.toString();
  }
}
