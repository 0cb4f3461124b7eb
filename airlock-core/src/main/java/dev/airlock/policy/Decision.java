package dev.airlock.policy;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What happens to an action: it goes through, is held for people, or is refused. */
public enum Decision {
  ALLOW,
  ASK,
  DENY;

  /** The lower-case name used in policies, JSON and the CLI. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the action is held or refused (not allowed). */
  public boolean holds() {
    return this != ALLOW;
  }

  /** The more restrictive of two decisions: deny over ask over allow. */
  public static Decision strictest(Decision a, Decision b) {
    if (a == DENY || b == DENY) {
      return DENY;
    }
    return a == ASK || b == ASK ? ASK : ALLOW;
  }

  /** Parses {@code allow}, {@code ask} or {@code deny}; null otherwise. */
  public static @Nullable Decision parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "allow" -> ALLOW;
      case "ask" -> ASK;
      case "deny" -> DENY;
      default -> null;
    };
  }
}
