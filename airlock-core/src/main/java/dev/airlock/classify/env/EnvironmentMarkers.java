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
    String previous = "";
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
      String token = name.substring(start, i).toLowerCase(Locale.ROOT);
      if (isDevTld(name, token, start, i)) {
        previous = token;
        continue;
      }
      switch (classifyToken(token, previous)) {
        case PRODUCTION -> {
          return Environment.PRODUCTION;
        }
        case STAGING -> staging = true;
        case DEVELOPMENT -> development = true;
        case UNKNOWN -> {}
      }
      previous = token;
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
  private static boolean isDevTld(String name, String token, int start, int end) {
    return token.equals("dev")
        && start > 0
        && name.charAt(start - 1) == '.'
        && (end == name.length() || name.charAt(end) == ':' || name.charAt(end) == '/');
  }

  private static Environment classifyToken(String t, String previous) {
    return switch (t) {
      case "prod", "production", "prd", "live", "prod1", "prod2", "prod01", "prod02" ->
          previous.equals("pre") || previous.equals("non")
              ? Environment.STAGING
              : Environment.PRODUCTION;
      case "staging", "stage", "stg", "preprod", "uat", "qa", "nonprod", "preview" ->
          Environment.STAGING;
      case "dev", "development", "local", "localhost", "test", "testing", "sandbox" ->
          Environment.DEVELOPMENT;
      default -> Environment.UNKNOWN;
    };
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
