package dev.airlock.classify.shell.syntax;

/**
 * A command in the syntax tree: a simple command, a pipeline, an and-or list, a sequence, a
 * background job, a compound command or a function definition.
 */
public sealed interface Node
    permits SimpleCommand, Pipeline, AndOr, Sequence, Background, Compound, FunctionDef {

  /** Where the command is in the source. */
  Span span();
}
