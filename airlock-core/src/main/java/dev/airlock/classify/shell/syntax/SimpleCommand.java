package dev.airlock.classify.shell.syntax;

import java.util.List;

/**
 * A simple command: leading assignments ({@code X=1}), words (the first is the command name, if
 * any) and redirections, which may appear anywhere among the words.
 */
public record SimpleCommand(
    List<Assignment> assignments, List<Word> words, List<Redirect> redirects, Span span)
    implements Node {

  public SimpleCommand {
    assignments = List.copyOf(assignments);
    words = List.copyOf(words);
    redirects = List.copyOf(redirects);
  }
}
