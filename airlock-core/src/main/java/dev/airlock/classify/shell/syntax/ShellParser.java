package dev.airlock.classify.shell.syntax;

import dev.airlock.classify.Limits;
import java.util.List;

/** Parses POSIX sh and bash command lines. (Placeholder until the parser lands.) */
public final class ShellParser {

  private ShellParser() {}

  /**
   * Parses a command line. Never throws for bad syntax: errors are listed in the script.
   *
   * @throws dev.airlock.classify.LimitExceededException when the input goes over a {@link Limits}
   *     bound (words, nesting depth)
   */
  public static Script parse(String source, Limits limits) {
    return new Script(
        source, List.of(), List.of(new SyntaxError(0, "the shell parser is not built yet")));
  }
}
