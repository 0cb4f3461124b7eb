package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Finding;
import dev.airlock.classify.shell.rules.PackHarness.Result;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Passwords, tokens and keys planted in command lines never appear in any field of a finding of the
 * data, container, Kubernetes and GitHub packs: not in the resource, the reason or the evidence.
 */
class PackSecretsTest {

  /** Command lines with {@code SECRET} where a credential goes. */
  static final List<String> TEMPLATES =
      List.of(
          "mysql -u root -pSECRET shop",
          "mysql --password=SECRET -h prod-mysql shop",
          "mysql -h prod-mysql --pass=SECRET shop",
          "mysqladmin -u root -pSECRET drop shop",
          "mysqladmin password SECRET",
          "mysqldump -pSECRET shop",
          "redis-cli -a SECRET FLUSHALL",
          "redis-cli -h prod-cache --pass SECRET GET k",
          "redis-cli -u redis://:SECRET@prod-cache:6379 FLUSHALL",
          "redis-cli -u redis://default:SECRET@prod-cache:6379/2 DEL k",
          "redis-cli AUTH SECRET",
          "redis-cli AUTH default SECRET",
          "redis-cli CONFIG SET requirepass SECRET",
          "redis-cli CONFIG SET masterauth SECRET",
          "redis-cli ACL SETUSER bob on >SECRET",
          "redis-cli MIGRATE h 6379 k 0 5000 AUTH SECRET",
          "redis-cli --cluster import h:7000 --cluster-from h2:7000 --cluster-from-pass SECRET",
          "mongosh mongodb://admin:SECRET@prod-mongo/app --eval db.dropDatabase()",
          "mongosh -u admin -p SECRET --eval db.x.drop()",
          "mongosh --password=SECRET app",
          "mongosh --password SECRET --eval db.users.find()",
          "mongosh --awsSecretAccessKey SECRET app",
          "mongorestore --uri mongodb://u:SECRET@prod/app --drop dump/",
          "mongodump --uri=mongodb://u:SECRET@prod/app",
          "psql postgres://admin:SECRET@prod-db/app",
          "psql 'host=prod dbname=app password=SECRET'",
          "psql -d postgresql://u:SECRET@prod/app -f x.sql",
          "pg_dump postgres://u:SECRET@prod/app",
          "pg_restore -d postgres://u:SECRET@prod/app --clean dump",
          "dropdb --maintenance-db=postgres://u:SECRET@h/postgres app",
          "sqlite3 -key SECRET app.db .tables",
          "flyway -password=SECRET clean",
          "flyway -user=x -password=SECRET -url=jdbc:postgresql://prod/app clean",
          "liquibase --password SECRET dropAll",
          "liquibase --password=SECRET dropAll",
          "dbmate --url postgres://u:SECRET@prod/app drop",
          "migrate -database postgres://u:SECRET@prod/app drop -f",
          "goose postgres 'user=x password=SECRET host=prod dbname=app' reset",
          "prisma db execute --url postgres://u:SECRET@prod/app --file x.sql",
          "supabase db reset --db-url postgresql://postgres:SECRET@db.x.supabase.co:5432/postgres",
          "supabase link --project-ref abc -p SECRET",
          "supabase link --password SECRET",
          "supabase db push --password=SECRET",
          "supabase secrets set STRIPE=SECRET",
          "supabase login --token SECRET",
          "docker login -u bob -p SECRET registry.example.com",
          "docker login --password=SECRET",
          "podman login -p SECRET quay.io",
          "kubectl --token SECRET delete ns prod",
          "kubectl --token=SECRET get pods",
          "kubectl create secret generic x --from-literal=api=SECRET",
          "kubectl create secret generic x --from-literal api=SECRET",
          "kubectl create secret docker-registry r --docker-password=SECRET",
          "kubectl create secret docker-registry r --docker-password SECRET",
          "oc login --token=SECRET https://api.prod:6443",
          "helm --kube-token SECRET uninstall api",
          "helm --kube-token=SECRET list",
          "helm repo add x https://charts.example.com --password SECRET",
          "gh secret set K --body SECRET",
          "gh secret set K -bSECRET",
          "gh secret set K -b SECRET");

  @Test
  void everyTemplate_withAFixedSecret_keepsItOutOfFindings() {
    for (String t : TEMPLATES) {
      assertNoLeak(t, "Zq7hunter2Pw");
    }
  }

  @Provide
  Arbitrary<String> secret() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars("!%^*-_.")
        .ofMinLength(6)
        .ofMaxLength(24)
        .map(s -> "Zq" + s);
  }

  @Provide
  Arbitrary<String> template() {
    return Arbitraries.of(TEMPLATES);
  }

  @Property(tries = 1500)
  void plantedSecrets_neverAppearInAnyFindingField(
      @ForAll("template") String template, @ForAll("secret") String secret) {
    assertNoLeak(template, secret);
  }

  private static void assertNoLeak(String template, String secret) {
    String line = template.replace("SECRET", secret);
    Result r = PackHarness.run(PackHarness.invocation(line, null), Environment.UNKNOWN);
    assertThat(r.findings().size() + r.nested().size()).as(line).isPositive();
    for (Finding f : r.findings()) {
      String all =
          String.join(
              "\u0000",
              f.ruleId(),
              f.program(),
              f.verb(),
              f.resource(),
              f.reason(),
              f.evidence().text(),
              String.join(" ", f.via()));
      assertThat(all).as("%s -> %s", line, f).doesNotContain(secret);
    }
  }
}
