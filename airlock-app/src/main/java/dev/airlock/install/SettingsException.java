package dev.airlock.install;

/**
 * A settings file Airlock will not change: not valid JSON, not the expected shape, or holding an
 * Airlock hook with another command. Nothing has been written when this is thrown.
 */
public final class SettingsException extends Exception {
  private static final long serialVersionUID = 1L;

  SettingsException(String message) {
    super(message);
  }
}
