package dev.airlock.classify.shell.syntax;

/**
 * A function definition, {@code name() { ...; }} or {@code function name { ...; }}. Its body runs
 * when the function is called, so classifiers treat it as code that will run.
 */
public record FunctionDef(String name, Node body, Span span) implements Node {}
