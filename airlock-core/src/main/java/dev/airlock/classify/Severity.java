package dev.airlock.classify;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How bad the worst outcome of an action could be. {@link #UNKNOWN} means the classifier could not
 * tell; policy holds it at least for approval.
 */
public enum Severity {
  /** Reads, builds, reversible or regenerable changes. */
  SAFE(0),
  /** Work or data can be lost. */
  DESTRUCTIVE(1),
  /** Not understood: could be anything. */
  UNKNOWN(2),
  /** Irreversible with a wide blast radius. */
  CATASTROPHIC(3);

  private final int rank;

  Severity(int rank) {
    this.rank = rank;
  }

  /** The lower-case name used in policies, JSON and the CLI. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Ordering for summaries: safe &lt; destructive &lt; unknown &lt; catastrophic. */
  public int rank() {
    return rank;
  }

  /** The worse of two severities by {@link #rank()}. */
  public static Severity worst(Severity a, Severity b) {
    return a.rank >= b.rank ? a : b;
  }

  /** Parses a severity name; null if it is none. */
  public static @Nullable Severity parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "safe" -> SAFE;
      case "destructive" -> DESTRUCTIVE;
      case "catastrophic" -> CATASTROPHIC;
      case "unknown" -> UNKNOWN;
      default -> null;
    };
  }
}
