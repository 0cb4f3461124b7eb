package dev.airlock.cli;

/** A mistake by the caller: a bad flag value, a missing file. Exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
