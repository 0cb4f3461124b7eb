package dev.airlock.classify.shell.syntax;

/** A half-open range {@code [start, end)} of characters in the parsed source. */
public record Span(int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + "," + end + ")");
    }
  }

  /** The text of this span in the source. */
  public String of(String source) {
    return source.substring(Math.min(start, source.length()), Math.min(end, source.length()));
  }
}
