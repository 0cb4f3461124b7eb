package dev.airlock.classify.shell.syntax;

/**
 * {@code $'text'} with its backslash escapes decoded ({@code \n}, {@code \x41}, {@code \u263a}).
 */
public record AnsiCQuoted(String text, Span span) implements WordPart {}
