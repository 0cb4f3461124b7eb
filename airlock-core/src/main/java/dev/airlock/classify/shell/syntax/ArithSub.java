package dev.airlock.classify.shell.syntax;

/**
 * {@code $((expression))}. The expression is kept as text; it may contain further expansions,
 * listed in {@code nested}.
 */
public record ArithSub(String expression, java.util.List<WordPart> nested, Span span)
    implements WordPart {

  public ArithSub {
    nested = java.util.List.copyOf(nested);
  }
}
