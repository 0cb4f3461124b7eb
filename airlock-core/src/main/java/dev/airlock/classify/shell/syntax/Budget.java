package dev.airlock.classify.shell.syntax;

import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;

/**
 * The token allowance of one parse, shared by every nested parser it starts (backquoted command
 * substitutions are parsed by parsers of their own).
 */
final class Budget {

  final Limits limits;
  int tokens;

  /** Characters of source text kept in the tree that nesting can repeat (raw texts, bodies). */
  long kept;

  Budget(Limits limits) {
    this.limits = limits;
  }

  /** Counts one token (a word part or an operator) and throws when the allowance is spent. */
  void token() {
    if (++tokens > limits.maxWords()) {
      throw new LimitExceededException("maxWords", tokens, limits.maxWords());
    }
  }

  /**
   * Counts {@code chars} of source text copied into the tree where nesting repeats it ({@code
   * ${a:-${b:-...}}} keeps the inner text in every level's raw text). Beyond four times {@code
   * maxInputChars} the input is treated as over {@code maxInputChars}, so hostile nesting cannot
   * make the tree hundreds of times larger than its input.
   */
  void keep(int chars) {
    kept += chars;
    long max = limits.maxInputChars();
    if (kept > 4 * max) {
      throw new LimitExceededException("maxInputChars", kept / 4, max);
    }
  }
}
