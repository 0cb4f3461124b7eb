package dev.airlock.classify;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Whether an effect only reads or may change state. Anything not known to be a read is a write. */
public enum Access {
  READ,
  WRITE;

  /** The lower-case name used in policies, JSON and the CLI. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code read} or {@code write}; null if it is neither. */
  public static @Nullable Access parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "read" -> READ;
      case "write" -> WRITE;
      default -> null;
    };
  }
}
