package dev.airlock.classify.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentMarkersTest {

  @ParameterizedTest
  @CsvSource({
    "prod-db.acme.internal, PRODUCTION",
    "mongodb+srv://admin@prod-cluster.x1y2z.mongodb.net/app, PRODUCTION",
    "ProdDatabaseStack, PRODUCTION",
    "orders-prod, PRODUCTION",
    "rg-prod, PRODUCTION",
    "app_production, PRODUCTION",
    "gke_acme_us-central1_production, PRODUCTION",
    "envs/prod/terraform.tfvars, PRODUCTION",
    "sk_live_51Habc, PRODUCTION",
    "api.staging.acme.dev, STAGING",
    "stg-eu-1, STAGING",
    "preprod, STAGING",
    "pre-prod, STAGING",
    "localhost:5432, DEVELOPMENT",
    "127.0.0.1, DEVELOPMENT",
    "app_dev, DEVELOPMENT",
    "dev.acme.internal, DEVELOPMENT",
    "api.machines.dev, UNKNOWN",
    "https://api.machines.dev/v1/apps, UNKNOWN",
    "myapp.dev:8443, UNKNOWN",
    "sk_test_123, DEVELOPMENT",
    "acme-web, UNKNOWN",
    "product-catalog, UNKNOWN",
    "reproduce, UNKNOWN",
    "'', UNKNOWN",
  })
  void of_findsMarkers(String name, Environment expected) {
    assertThat(EnvironmentMarkers.of(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "DEVELOPMENT, PRODUCTION, PRODUCTION",
    "PRODUCTION, DEVELOPMENT, PRODUCTION",
    "UNKNOWN, DEVELOPMENT, DEVELOPMENT",
    "STAGING, UNKNOWN, STAGING",
    "DEVELOPMENT, STAGING, STAGING",
    "STAGING, DEVELOPMENT, STAGING",
    "UNKNOWN, UNKNOWN, UNKNOWN",
  })
  void combine_productionWins_thenRiskier(
      Environment declared, Environment detected, Environment expected) {
    assertThat(declared.combine(detected)).isEqualTo(expected);
  }
}
