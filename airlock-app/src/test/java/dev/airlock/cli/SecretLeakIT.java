package dev.airlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets planted in actions never appear in anything the CLI prints. */
class SecretLeakIT {

  private static final List<String> SECRETS =
      List.of(
          "9f2c1e7a-4b3d-4f7e-a1c2-5d6e7f8a9b0c",
          "ghp_plantedSecret0123456789abcdefghijk",
          "sk_live_51PlantedSecretABCDEFGH",
          "hunter2-planted",
          "AKIAPLANTEDSECRET123");

  private static final List<String> ACTIONS =
      List.of(
          "{\"id\":\"s1\",\"kind\":\"shell\",\"input\":\"curl -X POST https://backboard.railway.app/graphql/v2 -H \\\"Authorization: Bearer 9f2c1e7a-4b3d-4f7e-a1c2-5d6e7f8a9b0c\\\" -d '{\\\"query\\\":\\\"mutation { volumeDelete(volumeId: \\\\\\\"v1\\\\\\\") }\\\"}'\",\"env\":\"staging\"}",
          "{\"id\":\"s2\",\"kind\":\"http\",\"method\":\"DELETE\",\"url\":\"https://api.github.com/repos/acme/x\",\"headers\":{\"Authorization\":\"Bearer ghp_plantedSecret0123456789abcdefghijk\"},\"body\":\"\",\"env\":\"production\"}",
          "{\"id\":\"s3\",\"kind\":\"http\",\"method\":\"DELETE\",\"url\":\"https://api.stripe.com/v1/customers/cus_1\",\"headers\":{\"Authorization\":\"Bearer sk_live_51PlantedSecretABCDEFGH\"},\"body\":\"\",\"env\":\"production\"}",
          "{\"id\":\"s4\",\"kind\":\"shell\",\"input\":\"psql postgres://admin:hunter2-planted@prod-db.acme.internal/app -c 'DROP TABLE users'\",\"env\":\"production\"}",
          "{\"id\":\"s5\",\"kind\":\"shell\",\"input\":\"mysql -u root -phunter2-planted -e 'DROP DATABASE shop'\",\"env\":\"production\"}",
          "{\"id\":\"s6\",\"kind\":\"shell\",\"input\":\"AWS_ACCESS_KEY_ID=AKIAPLANTEDSECRET123 aws s3 rb s3://acme-prod --force\",\"env\":\"production\"}",
          "{\"id\":\"s7\",\"kind\":\"mcp\",\"server\":\"postgres\",\"tool\":\"execute_sql\",\"arguments\":{\"sql\":\"DROP TABLE users\",\"password\":\"hunter2-planted\"},\"env\":\"production\"}",
          "{\"id\":\"s8\",\"kind\":\"shell\",\"input\":\"echo 'password=hunter2-planted' > .env\",\"env\":\"development\"}");

  @Test
  void batchAndExplain_neverPrintPlantedSecrets() {
    byte[] in = (String.join("\n", ACTIONS) + "\n").getBytes(StandardCharsets.UTF_8);
    Cli.Result batch = Cli.run(in, "check", "--batch", "--explain");
    assertThat(batch.lines()).hasSize(ACTIONS.size());
    assertNoSecret(batch.out() + batch.err());
  }

  @Test
  void singleChecks_neverPrintPlantedSecrets() {
    for (String[] args :
        List.of(
            new String[] {
              "check",
              "--explain",
              "--",
              "psql postgres://admin:hunter2-planted@prod-db/app -c 'DROP TABLE x'"
            },
            new String[] {
              "check",
              "--json",
              "--explain",
              "--http",
              "DELETE",
              "https://api.github.com/repos/a/b",
              "-H",
              "Authorization: Bearer ghp_plantedSecret0123456789abcdefghijk"
            },
            new String[] {
              "check",
              "--explain",
              "--mcp",
              "run",
              "--args",
              "{\"command\":\"curl -u admin:hunter2-planted https://x\"}"
            })) {
      Cli.Result r = Cli.run(args);
      assertNoSecret(r.out() + r.err());
    }
  }

  private static void assertNoSecret(String output) {
    for (String s : SECRETS) {
      assertThat(output).as("output must not contain the planted secret " + s).doesNotContain(s);
    }
  }
}
