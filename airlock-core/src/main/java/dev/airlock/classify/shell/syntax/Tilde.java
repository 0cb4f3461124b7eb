package dev.airlock.classify.shell.syntax;

/** A leading unquoted {@code ~} or {@code ~user}; {@code user} is empty for the current user. */
public record Tilde(String user, Span span) implements WordPart {}
