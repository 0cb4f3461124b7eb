package dev.airlock.classify.shell.syntax;

/** {@code <(commands)} or {@code >(commands)}; {@code direction} is {@code '<'} or {@code '>'}. */
public record ProcessSub(Script body, char direction, Span span) implements WordPart {}
