package dev.airlock.classify.shell.syntax;

/** {@code 'text'}: taken literally. */
public record SingleQuoted(String text, Span span) implements WordPart {}
