package dev.airlock.classify.shell.syntax;

/** A place where the source is not valid shell, and what was wrong there. */
public record SyntaxError(int offset, String message) {}
