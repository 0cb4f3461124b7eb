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

  Budget(Limits limits) {
    this.limits = limits;
  }

  /** Counts one token (a word part or an operator) and throws when the allowance is spent. */
  void token() {
    if (++tokens > limits.maxWords()) {
      throw new LimitExceededException("maxWords", tokens, limits.maxWords());
    }
  }
}
