package dev.airlock.classify.shell.syntax;

/** One piece of a word. */
public sealed interface WordPart
    permits Literal,
        SingleQuoted,
        DoubleQuoted,
        AnsiCQuoted,
        Tilde,
        Param,
        CommandSub,
        ArithSub,
        ProcessSub {

  /** Where the part is in the source. */
  Span span();
}
