package dev.airlock.classify.shell.syntax;

import java.util.List;

/**
 * {@code "..."} (and {@code $"..."}): literal runs with {@code \\ \" \$ \`} escapes processed,
 * between parameter, command and arithmetic expansions.
 */
public record DoubleQuoted(List<WordPart> parts, Span span) implements WordPart {

  public DoubleQuoted {
    parts = List.copyOf(parts);
  }
}
