package dev.airlock.action;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The kind of an action, which is also the name of the classifier that understands it. */
public enum Kind {
  SHELL,
  SQL,
  HTTP,
  MCP;

  /** The lower-case name used in policies, JSON and the CLI. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code shell}, {@code sql}, {@code http} or {@code mcp}; null if it is none of them. */
  public static @Nullable Kind parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "shell", "bash", "sh" -> SHELL;
      case "sql" -> SQL;
      case "http", "https", "graphql" -> HTTP;
      case "mcp" -> MCP;
      default -> null;
    };
  }
}
