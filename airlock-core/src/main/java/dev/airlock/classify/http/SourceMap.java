package dev.airlock.classify.http;

/**
 * Maps offsets in text Airlock decoded from a request (a GraphQL document inside a JSON string, a
 * percent-encoded query parameter) back onto the request field it came from, so that evidence
 * points at the right characters.
 */
final class SourceMap {

  private enum Mode {
    VERBATIM,
    JSON_STRING,
    WHOLE
  }

  private final Mode mode;
  private final String source;
  private final int start;
  private final int end;

  private SourceMap(Mode mode, String source, int start, int end) {
    this.mode = mode;
    this.source = source;
    this.start = start;
    this.end = end;
  }

  /** The decoded text is the source from {@code offset} on, character for character. */
  static SourceMap verbatim(int offset) {
    return new SourceMap(Mode.VERBATIM, "", offset, offset);
  }

  /**
   * The decoded text is the content of the JSON string literal whose characters (inside the quotes)
   * are {@code source[start, end)}.
   */
  static SourceMap jsonString(String source, int start, int end) {
    return new SourceMap(Mode.JSON_STRING, source, start, end);
  }

  /** Every offset maps onto the whole span {@code [start, end)} (the text was transformed). */
  static SourceMap whole(int start, int end) {
    return new SourceMap(Mode.WHOLE, "", start, end);
  }

  /** Where the decoded character at {@code i} starts in the source. */
  int start(int i) {
    return switch (mode) {
      case VERBATIM -> start + i;
      case JSON_STRING -> walk(i);
      case WHOLE -> start;
    };
  }

  /** Where the decoded text ending at {@code i} (exclusive) ends in the source. */
  int end(int i) {
    return switch (mode) {
      case VERBATIM -> start + i;
      case JSON_STRING -> walk(i);
      case WHOLE -> end;
    };
  }

  private int walk(int target) {
    int decoded = 0;
    int k = start;
    while (k < end && decoded < target) {
      if (source.charAt(k) == '\\' && k + 1 < end) {
        k += source.charAt(k + 1) == 'u' ? Math.min(6, end - k) : 2;
      } else {
        k++;
      }
      decoded++;
    }
    return k;
  }
}
