package dev.airlock.classify.shell.syntax;

/** Two commands joined by {@code &&} or {@code ||}; left-associative. */
public record AndOr(Node left, String operator, Node right, Span span) implements Node {}
