package dev.airlock.json;

/** A document that is not JSON, or is JSON beyond Airlock's limits. */
public final class JsonException extends Exception {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    // No stack trace: this is a verdict about input (bodies are often not JSON), not a bug, and
    // filling one in costs more than classifying the request.
    super(message, null, false, false);
  }

  public JsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
