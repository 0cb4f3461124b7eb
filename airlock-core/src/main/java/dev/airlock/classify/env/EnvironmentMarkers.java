package dev.airlock.classify.env;

import dev.airlock.action.Environment;
import java.util.Locale;

/**
 * Finds environment markers in the names an action mentions: hosts, database URLs, kube contexts
 * and namespaces, terraform workspaces and var files, cloud profiles, stack, project and app names.
 *
 * <p>A name is split into tokens at punctuation and camel-case humps ({@code prod-db.acme.internal}
 * gives {@code prod}, {@code db}, {@code acme}, {@code internal}; {@code ProdDatabaseStack} gives
 * {@code prod}, {@code database}, {@code stack}). A production token anywhere wins; then staging;
 * then development. The {@code .dev} top-level domain is not a marker. Loopback hosts are
 * development. A name with no marker is {@link Environment#UNKNOWN}.
 */
public final class EnvironmentMarkers {

  private EnvironmentMarkers() {}

  /** The environment named by markers in any text: a host, URL, context, file or resource name. */
  public static Environment of(String name) {
    if (name.isEmpty()) {
      return Environment.UNKNOWN;
    }
    boolean staging = false;
    boolean development = false;
    int n = name.length();
    int i = 0;
    boolean afterPreOrNon = false;
    while (i < n) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      i++;
      boolean upperRun = Character.isUpperCase(c);
      while (i < n) {
        char d = name.charAt(i);
        if (!Character.isLetterOrDigit(d)) {
          break;
        }
        if (Character.isUpperCase(d) && !upperRun) {
          break; // camelCase hump: "ProdDatabase" -> "Prod" | "Database"
        }
        if (Character.isLowerCase(d) && upperRun && i - start > 1) {
          i--; // "HTTPServer" -> "HTTP" | "Server"
          break;
        }
        upperRun = Character.isUpperCase(d);
        i++;
      }
      boolean previous = afterPreOrNon;
      afterPreOrNon = is(name, start, i, "pre") || is(name, start, i, "non");
      if (isDevTld(name, start, i)) {
        continue;
      }
      switch (classifyToken(name, start, i, previous)) {
        case PRODUCTION -> {
          return Environment.PRODUCTION;
        }
        case STAGING -> staging = true;
        case DEVELOPMENT -> development = true;
        case UNKNOWN -> {}
      }
    }
    if (staging) {
      return Environment.STAGING;
    }
    if (development || isLoopback(name)) {
      return Environment.DEVELOPMENT;
    }
    return Environment.UNKNOWN;
  }

  /**
   * Whether the token is the public {@code .dev} top-level domain ({@code api.machines.dev}), which
   * says nothing about the environment; ignoring it can only make a decision stricter.
   */
  private static boolean isDevTld(String name, int start, int end) {
    return is(name, start, end, "dev")
        && start > 0
        && name.charAt(start - 1) == '.'
        && (end == name.length() || name.charAt(end) == ':' || name.charAt(end) == '/');
  }

  private static final String[] PRODUCTION = {
    "prod", "production", "prd", "live", "prod1", "prod2", "prod01", "prod02"
  };
  private static final String[] STAGING = {
    "staging", "stage", "stg", "preprod", "uat", "qa", "nonprod", "preview"
  };
  private static final String[] DEVELOPMENT = {
    "dev", "development", "local", "localhost", "test", "testing", "sandbox"
  };

  /** What the token {@code name[start, end)} marks; {@code afterPreOrNon} for "pre-prod". */
  private static Environment classifyToken(String name, int start, int end, boolean afterPreOrNon) {
    if (end - start > 11) {
      return Environment.UNKNOWN;
    }
    if (isAny(name, start, end, PRODUCTION)) {
      return afterPreOrNon ? Environment.STAGING : Environment.PRODUCTION;
    }
    if (isAny(name, start, end, STAGING)) {
      return Environment.STAGING;
    }
    return isAny(name, start, end, DEVELOPMENT) ? Environment.DEVELOPMENT : Environment.UNKNOWN;
  }

  private static boolean isAny(String name, int start, int end, String[] words) {
    for (String w : words) {
      if (is(name, start, end, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code name[start, end)} is the lower-case ASCII word, ignoring ASCII case only (as
   * {@code toLowerCase(Locale.ROOT)} would for these words), without copying it.
   */
  private static boolean is(String name, int start, int end, String word) {
    if (end - start != word.length()) {
      return false;
    }
    for (int j = 0; j < word.length(); j++) {
      char c = name.charAt(start + j);
      if (c >= 0x80 || (c | 0x20) != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a host (or URL authority) is this machine. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.startsWith("localhost:")
        || h.startsWith("127.")
        || h.equals("::1")
        || h.equals("[::1]")
        || h.startsWith("[::1]:")
        || h.equals("0.0.0.0")
        || h.startsWith("0.0.0.0:")
        || h.endsWith(".localhost")
        || h.equals("host.docker.internal");
  }
}
