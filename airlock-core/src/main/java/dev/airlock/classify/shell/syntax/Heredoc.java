package dev.airlock.classify.shell.syntax;

import java.util.List;

/**
 * The body of a heredoc. {@code quoted} when any part of the delimiter was quoted, in which case
 * the body is literal; otherwise {@code parts} holds its expansions ({@link Param}, {@link
 * CommandSub}, {@link ArithSub}) between {@link Literal} runs. {@code body} is the text after
 * {@code <<-} tab stripping; {@code span} covers the body lines in the source.
 */
public record Heredoc(
    String delimiter, boolean quoted, String body, List<WordPart> parts, Span span) {

  public Heredoc {
    parts = List.copyOf(parts);
  }
}
