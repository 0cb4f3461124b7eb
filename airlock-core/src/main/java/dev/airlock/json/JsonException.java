package dev.airlock.json;

/** A document that is not JSON, or is JSON beyond Airlock's limits. */
public final class JsonException extends Exception {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }

  public JsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
