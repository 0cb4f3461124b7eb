package dev.airlock.action;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The environment an action targets. {@link #UNKNOWN} is kept distinct so that decisions can say
 * so, but policy treats it as {@link #PRODUCTION}.
 */
public enum Environment {
  DEVELOPMENT,
  STAGING,
  PRODUCTION,
  UNKNOWN;

  /** The lower-case name used in policies, JSON and the CLI. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The environment policy judges by: unknown counts as production. */
  public Environment effective() {
    return this == UNKNOWN ? PRODUCTION : this;
  }

  /**
   * Combines what the caller declared with what a classifier detected. A production marker always
   * wins; otherwise a concrete detection beats an unknown declaration, and between two concrete
   * answers the riskier one wins.
   */
  public Environment combine(Environment detected) {
    if (this == PRODUCTION || detected == PRODUCTION) {
      return PRODUCTION;
    }
    if (detected == UNKNOWN) {
      return this;
    }
    if (this == UNKNOWN) {
      return detected;
    }
    return this == STAGING || detected == DEVELOPMENT ? this : detected;
  }

  /**
   * Parses an environment name as callers write it ({@code prod}, {@code production}, {@code stg},
   * {@code dev}, ...). Anything else, including null, is {@link #UNKNOWN}.
   */
  public static Environment parse(@Nullable String text) {
    if (text == null) {
      return UNKNOWN;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "production", "prod", "prd", "live" -> PRODUCTION;
      case "staging", "stage", "stg", "preprod", "pre-prod", "uat", "qa" -> STAGING;
      case "development", "dev", "develop", "local", "test", "testing", "sandbox" -> DEVELOPMENT;
      default -> UNKNOWN;
    };
  }
}
