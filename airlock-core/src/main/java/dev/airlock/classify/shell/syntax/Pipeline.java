package dev.airlock.classify.shell.syntax;

import java.util.List;

/**
 * Commands joined by {@code |} (or {@code |&}), each feeding the next; {@code negated} for a
 * leading {@code !}, {@code timed} for a leading {@code time} keyword. A lone negated or timed
 * command is a pipeline of one stage.
 */
public record Pipeline(List<Node> stages, boolean negated, boolean timed, Span span)
    implements Node {

  public Pipeline {
    stages = List.copyOf(stages);
  }
}
