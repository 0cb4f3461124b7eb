package dev.airlock.classify.shell.syntax;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A variable assignment: {@code NAME=value}, {@code NAME+=value} ({@code append}), or an array
 * {@code NAME=(a b c)} (then {@code value} is null and {@code array} holds the elements).
 */
public record Assignment(
    String name, @Nullable Word value, List<Word> array, boolean append, Span span) {

  public Assignment {
    array = List.copyOf(array);
  }
}
