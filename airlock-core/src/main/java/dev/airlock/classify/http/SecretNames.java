package dev.airlock.classify.http;

import java.util.Locale;
import java.util.Set;

/**
 * Names under which credentials or private values travel: query parameters ({@code
 * X-Amz-Signature}, {@code access_token}), GraphQL arguments and input fields ({@code password}, a
 * variable's {@code value}). What they hold is masked before it reaches evidence.
 */
final class SecretNames {

  private static final String[] PARTS = {
    "password",
    "passwd",
    "pwd",
    "secret",
    "token",
    "apikey",
    "accesskey",
    "privatekey",
    "credential",
    "signature",
    "cookie",
    "session",
    "authorization",
    "clientsecret"
  };

  private static final Set<String> EXACT =
      Set.of(
          "key",
          "sig",
          "auth",
          "code",
          "otp",
          "pin",
          "jwt",
          "dsn",
          "value",
          "values",
          "variables",
          "env",
          "envvars",
          "patch",
          "payload",
          "content",
          "data",
          "config",
          "yaml",
          "secrets",
          "connectionstring",
          "databaseurl");

  private static final Set<String> PARAMS =
      Set.of("key", "sig", "auth", "code", "jwt", "dsn", "pass", "pw", "pwd");

  private SecretNames() {}

  /** Whether a URL query parameter's value should not be shown. */
  static boolean isSecretParam(String name) {
    String n = normalize(name);
    if (PARAMS.contains(n)) {
      return true;
    }
    for (String p : PARTS) {
      if (n.contains(p)) {
        return true;
      }
    }
    return (n.startsWith("xamz") && !n.equals("xamzdate")) || n.endsWith("credential");
  }

  /** Whether values under this name should not be shown. */
  static boolean isSecret(String name) {
    String n = normalize(name);
    if (EXACT.contains(n)) {
      return true;
    }
    for (String p : PARTS) {
      if (n.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
