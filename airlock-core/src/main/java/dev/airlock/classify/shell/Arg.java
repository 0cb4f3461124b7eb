package dev.airlock.classify.shell;

/**
 * One argument of an {@link Invocation}, after quote removal and the expansions Airlock can
 * resolve.
 *
 * <p>{@code value} is the text the program would receive as far as it is known: quotes removed,
 * {@code ~}, {@code $HOME} and {@code ${HOME}} at the start written as {@code ~}, and expansions
 * that cannot be resolved kept as written ({@code $DIR/x}), with {@link #DYNAMIC} set. {@code
 * start}/{@code end} locate the word in the text being classified.
 */
public record Arg(String value, int flags, int start, int end) {

  /** Holds an expansion whose value is not known ({@code $X}, {@code $(cmd)}, backticks). */
  public static final int DYNAMIC = 1;

  /** Holds an unquoted glob ({@code *}, {@code ?}, {@code [..]}): may name many files. */
  public static final int GLOB = 2;

  /** Some part of it was quoted. */
  public static final int QUOTED = 4;

  /** Starts with the user's home directory ({@code ~}, {@code $HOME}, {@code ${HOME}}). */
  public static final int HOME = 8;

  /** Holds an unquoted brace expansion ({@code {a,b}}): may become several arguments. */
  public static final int BRACE = 16;

  /**
   * Stands for input read at run time, not written on the command line: the items {@code xargs}
   * appends, the {@code {}} of {@code find -exec}.
   */
  public static final int INPUT = 32;

  /**
   * Holds the output of a command ({@code $(...)}, backticks) or a process substitution: text that
   * exists only at run time. Always set together with {@link #DYNAMIC}.
   */
  public static final int SUBST = 64;

  /** A literal argument with no span (for synthesized arguments and tests). */
  public static Arg literal(String value) {
    return new Arg(value, 0, 0, 0);
  }

  public boolean dynamic() {
    return (flags & (DYNAMIC | INPUT)) != 0;
  }

  /** Whether part of the value is the output of a command, known only at run time. */
  public boolean substituted() {
    return (flags & SUBST) != 0;
  }

  public boolean glob() {
    return (flags & GLOB) != 0;
  }

  public boolean quoted() {
    return (flags & QUOTED) != 0;
  }

  public boolean home() {
    return (flags & HOME) != 0;
  }

  public boolean brace() {
    return (flags & BRACE) != 0;
  }

  /** Whether the value is exactly what the program receives (no unknowns, globs or braces). */
  public boolean isLiteral() {
    return (flags & (DYNAMIC | INPUT | GLOB | BRACE)) == 0;
  }

  /** Whether it starts with {@code -} (an option, unless after {@code --}). */
  public boolean isOption() {
    return value.length() > 1 && value.charAt(0) == '-';
  }

  /**
   * This argument with another value, same flags and span (e.g. the value part of {@code --x=v}).
   */
  public Arg withValue(String newValue) {
    return new Arg(newValue, flags, start, end);
  }
}
