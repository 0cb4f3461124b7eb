package dev.airlock.hook;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** An agent runtime whose hook protocol Airlock speaks. */
public enum AgentRuntime {
  CLAUDE_CODE("claude-code", true),
  CURSOR("cursor", true),
  CODEX("codex", false),
  GEMINI("gemini", false);

  private final String id;
  private final boolean canAsk;

  AgentRuntime(String id, boolean canAsk) {
    this.id = id;
    this.canAsk = canAsk;
  }

  /** The name used on the command line: {@code airlock hook claude-code}. */
  public String id() {
    return id;
  }

  /**
   * Whether the runtime can put a held action to its user. Where it cannot, a hold becomes a block
   * whose message tells the agent to stop and ask.
   */
  public boolean canAsk() {
    return canAsk;
  }

  /** The runtime with this id, or null. */
  public static @Nullable AgentRuntime parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (AgentRuntime r : values()) {
      if (r.id.equals(t)) {
        return r;
      }
    }
    return switch (t) {
      case "claude", "claudecode", "claude_code" -> CLAUDE_CODE;
      case "gemini-cli" -> GEMINI;
      default -> null;
    };
  }
}
