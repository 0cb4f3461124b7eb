package dev.airlock.classify.shell.syntax;

import java.util.List;

/** A shell word: adjacent parts with no unquoted blank between them, such as {@code "a"$b'c'}. */
public record Word(List<WordPart> parts, Span span) {

  public Word {
    parts = List.copyOf(parts);
  }
}
