package dev.airlock.classify.shell.syntax;

import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;

/**
 * Parses POSIX sh and bash command lines into the syntax tree of this package.
 *
 * <p>The parser is total and linear: bad syntax never throws; it is listed in {@link
 * Script#errors()} and the tree keeps everything that could be parsed around it. Spans are offsets
 * into the source given to {@link #parse}, also inside {@code $( )} and here-documents; inside a
 * backquoted substitution every span is the span of the whole substitution.
 */
public final class ShellParser {

  private ShellParser() {}

  /**
   * Parses a command line. Never throws for bad syntax: errors are listed in the script.
   *
   * @throws LimitExceededException when the input goes over a {@link Limits} bound ({@code
   *     maxWords} for word parts and operators, {@code maxParseDepth} for nesting, {@code
   *     maxInputChars} when nesting would repeat more than four times that much text in the tree)
   */
  public static Script parse(String source, Limits limits) {
    try {
      return Parser.run(source, source, null, new Budget(limits), 0);
    } catch (StackOverflowError e) {
      // Only reachable when maxParseDepth is configured beyond what the thread's stack holds.
      throw new LimitExceededException(
          "maxParseDepth", limits.maxParseDepth() + 1L, limits.maxParseDepth());
    }
  }
}
