package dev.airlock.classify.http;

import dev.airlock.action.Environment;
import dev.airlock.classify.env.EnvironmentMarkers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The environment a request names by itself: markers in the host ({@code prod-api.acme.com}, {@code
 * api.staging.acme.dev}, {@code localhost}), whole path segments and environment-like query
 * parameters ({@code /environments/production}, {@code ?env=staging}), and the mode of the Stripe
 * key it carries ({@code sk_live_} or {@code sk_test_}). Credentials are only inspected, never
 * copied.
 */
final class HttpEnvironment {

  private static final String[] ENV_PARAMS = {"env", "environment", "stage", "target", "tier"};

  private HttpEnvironment() {}

  static Environment of(Url url, HttpRequest request) {
    String host = url.host();
    Environment env =
        EnvironmentMarkers.isLoopback(host)
            ? Environment.DEVELOPMENT
            : EnvironmentMarkers.of(withoutTopLevelDomain(host));
    for (String seg : url.segments()) {
      env = env.combine(segment(seg));
    }
    if (!url.query().isEmpty()) {
      for (String p : ENV_PARAMS) {
        String v = url.param(p);
        if (v != null) {
          env = env.combine(segment(v));
        }
      }
    }
    return env.combine(keyMode(request));
  }

  /**
   * The host without its top-level domain: {@code .dev} and {@code .test} are public suffixes
   * ({@code api.machines.dev} is Fly's production API), not environment markers.
   */
  static String withoutTopLevelDomain(String host) {
    int dot = host.lastIndexOf('.');
    if (dot <= 0) {
      return host;
    }
    for (int i = dot + 1; i < host.length(); i++) {
      if (!Character.isLetter(host.charAt(i))) {
        return host;
      }
    }
    return host.substring(0, dot);
  }

  /** An environment named by a whole word, not by a word inside a longer name. */
  static Environment segment(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "production", "prod", "prd" -> Environment.PRODUCTION;
      case "staging", "stage", "stg", "preprod", "uat", "qa", "preview" -> Environment.STAGING;
      case "development", "dev", "develop", "sandbox" -> Environment.DEVELOPMENT;
      default -> Environment.UNKNOWN;
    };
  }

  /** Production for a live Stripe-style key, development for a test key, else unknown. */
  static Environment keyMode(HttpRequest request) {
    String auth = request.header("Authorization");
    if (auth == null) {
      return Environment.UNKNOWN;
    }
    String a = auth.trim();
    String key = a;
    int sp = a.indexOf(' ');
    if (sp > 0) {
      String scheme = a.substring(0, sp).toLowerCase(Locale.ROOT);
      String cred = a.substring(sp + 1).trim();
      key = scheme.equals("basic") ? basicUser(cred) : cred;
    }
    if (key.startsWith("sk_live_") || key.startsWith("rk_live_")) {
      return Environment.PRODUCTION;
    }
    if (key.startsWith("sk_test_") || key.startsWith("rk_test_")) {
      return Environment.DEVELOPMENT;
    }
    return Environment.UNKNOWN;
  }

  private static String basicUser(String b64) {
    try {
      String s = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
      int colon = s.indexOf(':');
      return colon < 0 ? s : s.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
