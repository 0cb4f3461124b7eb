package dev.airlock.hook;

/** A hook payload Airlock cannot read: malformed JSON or a shape the protocol does not have. */
public final class HookException extends Exception {

  public HookException(String message) {
    super(message, null, false, false);
  }
}
