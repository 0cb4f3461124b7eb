package dev.airlock.classify.shell;

import java.util.Set;

/**
 * A rule pack: what one family of programs does, judged from an {@link Invocation}. A pack that
 * adds no finding for an invocation says it recognised nothing destructive; the classifier then
 * records the invocation as safe with the pack's name as evidence.
 */
public interface CommandRules {

  /** A short name for the pack, used in rule ids and explanations ({@code fs}, {@code git}). */
  String name();

  /** The normalized program names this pack handles ({@link Invocation#program()}). */
  Set<String> programs();

  /** Adds findings about one invocation of one of {@link #programs()}. */
  void classify(Invocation invocation, ShellContext context);
}
