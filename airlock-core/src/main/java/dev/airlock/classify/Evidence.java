package dev.airlock.classify;

/**
 * The part of an action's input that a finding rests on: which field of the action ({@code
 * command}, {@code sql}, {@code url}, {@code body}, {@code arguments.sql}, ...), the character span
 * within it, and the text, with secrets already redacted. When the finding comes from text nested
 * inside the input (the string given to {@code bash -c}, a JSON body), the span is that of the
 * enclosing part of the input and the text is the nested text.
 */
public record Evidence(String source, int start, int end, String text) {

  public Evidence {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + "," + end + ")");
    }
  }
}
