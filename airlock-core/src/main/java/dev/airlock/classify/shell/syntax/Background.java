package dev.airlock.classify.shell.syntax;

/** A command started in the background with a trailing {@code &}. */
public record Background(Node command, Span span) implements Node {}
