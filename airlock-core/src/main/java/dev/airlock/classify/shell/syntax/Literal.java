package dev.airlock.classify.shell.syntax;

/**
 * Literal text: unquoted (with backslash escapes removed, and backslash-newline joined away) or,
 * inside double quotes or an unquoted heredoc, the text between expansions. {@code glob} when it
 * holds an unquoted, unescaped {@code *}, {@code ?} or {@code [}; {@code brace} when it holds an
 * unquoted brace expansion such as {@code {a,b}} or {@code {1..3}}.
 */
public record Literal(String text, boolean glob, boolean brace, Span span) implements WordPart {}
