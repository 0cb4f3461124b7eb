package dev.airlock.classify.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentVariablesTest {

  @ParameterizedTest
  @CsvSource({
    "AWS_PROFILE, production, PRODUCTION",
    "AWS_DEFAULT_PROFILE, acme-prod, PRODUCTION",
    "TF_WORKSPACE, prod, PRODUCTION",
    "KUBECONFIG, ~/.kube/prod-config, PRODUCTION",
    "CLOUDSDK_CORE_PROJECT, acme-prod, PRODUCTION",
    "PGHOST, prod-db.internal, PRODUCTION",
    "DATABASE_URL, postgres://u@prod-db:5432/app, PRODUCTION",
    "RAILS_ENV, production, PRODUCTION",
    "TF_VAR_environment, prod, PRODUCTION",
    "pghost, staging-db, STAGING",
    "MYSQL_HOST, localhost, DEVELOPMENT",
    "GREETING, prod, UNKNOWN",
    "LANG, C.UTF-8, UNKNOWN",
    "AWS_PROFILE, acme, UNKNOWN",
  })
  void of_readsMarkersOnlyFromVariablesThatNameATarget(
      String name, String value, Environment expected) {
    assertThat(EnvironmentVariables.of(name, value)).isEqualTo(expected);
  }
}
