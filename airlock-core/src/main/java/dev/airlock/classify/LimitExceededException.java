package dev.airlock.classify;

/** Thrown inside a classifier when input goes over a {@link Limits} bound; never escapes it. */
public final class LimitExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String limit;

  public LimitExceededException(String limit, long actual, long max) {
    super(Limits.exceeded(limit, actual, max), null, false, false);
    this.limit = limit;
  }

  /** The name of the bound, as in {@link Limits}. */
  public String limit() {
    return limit;
  }
}
