package dev.airlock.classify.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.ShellAction;
import dev.airlock.classify.Classification;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.engine.ActionClassifier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The environment named by variables the shell sets: prefix assignments apply to their own command
 * ({@code AWS_PROFILE=prod aws ...}), exports and plain assignments to the later commands of the
 * same text. A production marker overrides whatever lower environment the caller declared; a lower
 * marker never lowers an unknown environment.
 */
class VariableEnvironmentTest {

  private static final ActionClassifier CLASSIFIER = new ActionClassifier(Limits.DEFAULT);

  private static Classification classify(String line, Environment declared) {
    return CLASSIFIER.classify(new ShellAction(line, Context.of(declared)), Trace.OFF);
  }

  private static String describe(Classification c) {
    return c.findings().stream()
        .map(f -> f.ruleId() + " " + f.severity() + " " + f.environment())
        .collect(Collectors.joining("; ", "findings: ", ""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "TF_WORKSPACE=prod terraform destroy -auto-approve | CATASTROPHIC",
        "AWS_PROFILE=prod aws s3 rm s3://acme-assets/k | DESTRUCTIVE",
        "AWS_PROFILE=production aws s3 rm s3://b --recursive | CATASTROPHIC",
        "export AWS_PROFILE=production; aws rds delete-db-instance --db-instance-identifier db1"
            + " --skip-final-snapshot | CATASTROPHIC",
        "export AWS_PROFILE=prod && aws s3 rm s3://b/k | DESTRUCTIVE",
        "export KUBECONFIG=~/.kube/prod-config; kubectl delete ns x | CATASTROPHIC",
        "KUBECONFIG=/etc/kube/prod.yaml; kubectl delete ns x | CATASTROPHIC",
        "CLOUDSDK_CORE_PROJECT=acme-prod gcloud sql instances delete orders --quiet | CATASTROPHIC",
        "PGHOST=prod-db.internal psql -c 'drop table t' | CATASTROPHIC",
        "env AWS_PROFILE=prod aws s3 rm s3://b/k | DESTRUCTIVE",
        "sudo -E AWS_PROFILE=prod aws s3 rm s3://b/k | DESTRUCTIVE",
        "declare -x AWS_PROFILE=prod; aws s3 rm s3://b/k | DESTRUCTIVE",
        "test -n $CI && export AWS_PROFILE=prod; aws s3 rm s3://b/k | DESTRUCTIVE",
        "export AWS_PROFILE=prod; bash -c 'aws s3 rm s3://b/k' | DESTRUCTIVE",
      })
  void productionVariable_overridesADeclaredLowerEnvironment(String line, Severity severity) {
    for (Environment declared : new Environment[] {Environment.DEVELOPMENT, Environment.STAGING}) {
      Classification c = classify(line, declared);
      String report = line + " as " + declared + " → " + describe(c);
      assertThat(c.severity()).as(report).isEqualTo(severity);
      assertThat(c.environment()).as(report).isEqualTo(Environment.PRODUCTION);
      assertThat(c.findings())
          .as(report)
          .anyMatch(f -> f.severity() == severity && f.environment() == Environment.PRODUCTION);
    }
  }

  @Test
  void databaseUrlVariable_marksProductionForASqlWrite() {
    Classification c =
        classify(
            "DATABASE_URL=postgres://app@prod-db.acme.internal/app psql \"$DATABASE_URL\""
                + " -c 'delete from t where id = 1'",
            Environment.STAGING);
    assertThat(c.environment()).as(describe(c)).isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void exportedVariable_marksTheExportItselfAsEvidence() {
    String line = "export KUBECONFIG=~/.kube/prod-config; kubectl delete ns x";
    Classification c = classify(line, Environment.DEVELOPMENT);
    assertThat(c.findings())
        .as(describe(c))
        .anySatisfy(
            f -> {
              assertThat(f.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(f.evidence().text()).contains("KUBECONFIG=~/.kube/prod-config");
            });
  }

  @Test
  void variable_appliesOnlyToLaterCommands() {
    String line = "aws s3 rm s3://b/k; export AWS_PROFILE=prod";
    Classification c = classify(line, Environment.DEVELOPMENT);
    Finding rm =
        c.findings().stream().filter(f -> f.ruleId().contains("s3-rm")).findFirst().orElseThrow();
    assertThat(rm.environment()).as(describe(c)).isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void prefixVariable_appliesOnlyToItsOwnCommand() {
    String line = "AWS_PROFILE=prod aws s3 ls; aws s3 rm s3://b/k";
    Classification c = classify(line, Environment.DEVELOPMENT);
    Finding rm =
        c.findings().stream().filter(f -> f.ruleId().contains("s3-rm")).findFirst().orElseThrow();
    assertThat(rm.environment()).as(describe(c)).isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void stagingVariable_raisesADeclaredDevelopment() {
    Classification c =
        classify("PGHOST=staging-db.internal psql -c 'drop table t'", Environment.DEVELOPMENT);
    assertThat(c.environment()).as(describe(c)).isEqualTo(Environment.STAGING);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "PGHOST=localhost psql -c 'drop table t'",
        "export AWS_PROFILE=dev; aws s3 rm s3://b/k",
        "NODE_ENV=development psql -h db.acme.internal -c 'drop table t'",
      })
  void lowerVariable_neverLowersAnUnknownEnvironment(String line) {
    Classification c = classify(line, Environment.UNKNOWN);
    assertThat(c.environment()).as(describe(c)).isEqualTo(Environment.UNKNOWN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "GREETING=prod rm -rf build",
        "export MESSAGE='fix prod'; git status",
        "LANG=C.UTF-8 ls prod/",
      })
  void unrelatedVariable_marksNothing(String line) {
    Classification c = classify(line, Environment.STAGING);
    assertThat(c.environment()).as(describe(c)).isEqualTo(Environment.STAGING);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "AWS_PROFILE=prod aws s3 ls s3://acme-assets",
        "export KUBECONFIG=~/.kube/prod-config; kubectl get pods",
        "TF_WORKSPACE=prod terraform plan",
      })
  void productionVariable_onARead_staysSafe(String line) {
    Classification c = classify(line, Environment.STAGING);
    assertThat(c.severity()).as(describe(c)).isEqualTo(Severity.SAFE);
    assertThat(c.environment()).as(describe(c)).isEqualTo(Environment.PRODUCTION);
  }
}
