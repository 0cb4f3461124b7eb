package dev.airlock.classify.shell.syntax;

import java.util.List;

/** Commands run one after another, separated by {@code ;} or newlines. */
public record Sequence(List<Node> items, Span span) implements Node {

  public Sequence {
    items = List.copyOf(items);
  }
}
