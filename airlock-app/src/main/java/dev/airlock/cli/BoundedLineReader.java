package dev.airlock.cli;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines of at most a fixed length. A longer line is consumed to its end and reported as too
 * long, so one hostile line can neither exhaust memory nor shift the lines after it.
 */
final class BoundedLineReader {

  /** A line, or the fact that it was too long (then {@code text} is empty). */
  record Line(String text, boolean tooLong, long length) {}

  private final Reader in;
  private final int max;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private boolean eof;

  BoundedLineReader(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  @Nullable Line next() throws IOException {
    StringBuilder sb = new StringBuilder();
    long count = 0;
    boolean any = false;
    while (true) {
      if (pos == len) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          return finish(sb, count);
        }
      }
      any = true;
      int start = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      count += n;
      if (count <= max) {
        sb.append(buf, start, n);
      }
      if (pos < len) {
        pos++; // the newline
        return finish(sb, count);
      }
    }
  }

  private Line finish(StringBuilder sb, long count) {
    if (count > max) {
      return new Line("", true, count);
    }
    int n = sb.length();
    if (n > 0 && sb.charAt(n - 1) == '\r') {
      sb.setLength(n - 1);
    }
    return new Line(sb.toString(), false, count);
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    len = n;
    return true;
  }

  /** Whether more input is available without blocking. */
  boolean ready() throws IOException {
    return pos < len || in.ready();
  }
}
