package dev.airlock.classify.shell.syntax;

/** {@code $(commands)} or {@code `commands`}: the commands run, and their output becomes text. */
public record CommandSub(Script body, boolean backtick, Span span) implements WordPart {}
