package dev.airlock.classify.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.classify.http.HttpClassifier;
import dev.airlock.classify.shell.rules.PackHarness;
import dev.airlock.classify.sql.SqlClassifier;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The data, container, Kubernetes and GitHub packs behind the real walk (everything after the
 * parser): launchers peeled, nested argv dispatched again, SQL and requests handed to their
 * classifiers with the environment the packs detected. Whatever the SQL and HTTP classifiers
 * conclude, the handoff must reach them with the right text, environment and wrappers.
 */
class PacksThroughWalkTest {

  private static final ShellClassifier SHELL =
      new ShellClassifier(new SqlClassifier(), new HttpClassifier());

  private static List<Finding> walk(String line, Invocation.@Nullable Input input) {
    Analysis a = new Analysis(Limits.DEFAULT, Trace.OFF);
    ShellWalk w =
        new ShellWalk(SHELL, line, Scope.root("command", Environment.UNKNOWN), a, new Bindings());
    w.dispatch(PackHarness.invocation(line, input));
    return List.copyOf(a.findings());
  }

  private static List<Finding> walk(String line) {
    return walk(line, null);
  }

  /** The whole shell classifier, parser included, on a command line with an unknown caller. */
  private static List<Finding> classify(String command) {
    Analysis a = new Analysis(Limits.DEFAULT, Trace.OFF);
    SHELL.classify(command, Scope.root("command", Environment.UNKNOWN), a);
    return List.copyOf(a.findings());
  }

  private static void heldAsSql(
      String command, String rule, Severity severity, Environment env, String evidence) {
    assertThat(classify(command))
        .as(command)
        .anySatisfy(
            x -> {
              assertThat(x.kind()).isEqualTo(Kind.SQL);
              assertThat(x.ruleId()).isEqualTo(rule);
              assertThat(x.severity()).isEqualTo(severity);
              assertThat(x.environment()).isEqualTo(env);
              assertThat(x.evidence().text()).contains(evidence);
            });
  }

  @Test
  void psqlProdUrlVariable_dropTable_isCatastrophicInProduction() {
    heldAsSql(
        "psql \"$PROD_URL\" -c 'DROP TABLE users'",
        "sql.drop-table",
        Severity.CATASTROPHIC,
        Environment.PRODUCTION,
        "DROP TABLE users");
  }

  @Test
  void psqlLiteralProdUrl_dropTable_takesTheEnvironmentFromTheHost() {
    heldAsSql(
        "psql postgres://admin@db.prod.acme.internal:5432/app -c 'DROP TABLE users'",
        "sql.drop-table",
        Severity.CATASTROPHIC,
        Environment.PRODUCTION,
        "DROP TABLE users");
  }

  @Test
  void psqlLocalhost_dropTable_isDevelopment() {
    heldAsSql(
        "psql -h localhost -d app -c 'DROP TABLE users'",
        "sql.drop-table",
        Severity.CATASTROPHIC,
        Environment.DEVELOPMENT,
        "DROP TABLE users");
  }

  @Test
  void mysqlExecute_onStagingHost_handsTheStatementOver() {
    heldAsSql(
        "mysql -h staging-mysql.acme.internal shop -e 'TRUNCATE TABLE carts'",
        "sql.truncate",
        Severity.CATASTROPHIC,
        Environment.STAGING,
        "TRUNCATE TABLE carts");
  }

  @Test
  void sqlite3PositionalSql_reachesTheSqlClassifier() {
    assertThat(classify("sqlite3 prod.db 'DELETE FROM users'"))
        .anySatisfy(
            x -> {
              assertThat(x.kind()).isEqualTo(Kind.SQL);
              assertThat(x.ruleId()).isEqualTo("sql.delete-all");
              assertThat(x.environment()).isEqualTo(Environment.PRODUCTION);
            });
  }

  @Test
  void psqlHeredoc_onProdHost_handsTheBodyOver() {
    heldAsSql(
        "psql -h prod-db.acme.internal app <<'SQL'\nBEGIN;\nDROP SCHEMA public CASCADE;\nCOMMIT;\nSQL",
        "sql.drop-schema",
        Severity.CATASTROPHIC,
        Environment.PRODUCTION,
        "DROP SCHEMA public CASCADE");
  }

  @Test
  void psqlSelect_isSafeRead() {
    assertThat(classify("psql -h prod-db.acme.internal -c 'SELECT count(*) FROM users'"))
        .allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.SAFE))
        .anySatisfy(x -> assertThat(x.kind()).isEqualTo(Kind.SQL));
  }

  @Test
  void dockerExecWithDoubleDash_walksTheInnerCommand() {
    assertThat(classify("docker exec -i prod-cache -- redis-cli FLUSHALL"))
        .anySatisfy(
            x -> {
              assertThat(x.program()).isEqualTo("redis-cli");
              assertThat(x.severity()).isEqualTo(Severity.CATASTROPHIC);
              assertThat(x.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(x.via()).anySatisfy(v -> assertThat(v).startsWith("docker exec"));
            });
  }

  @Test
  void kubectlExecShC_walksTheInnerShellText() {
    assertThat(
            classify(
                "kubectl exec -n production deploy/api -- sh -c 'psql \"$DATABASE_URL\" -c \"DROP TABLE users\"'"))
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("sql.drop-table");
              assertThat(x.severity()).isEqualTo(Severity.CATASTROPHIC);
              assertThat(x.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(x.via()).anySatisfy(v -> assertThat(v).startsWith("kubectl exec"));
            });
  }

  @Test
  void kubectlExecPsql_dropTable_reachesTheSqlClassifierInProduction() {
    assertThat(
            walk(
                "kubectl exec -n production statefulset/postgres -- psql -U postgres -c \"DROP TABLE orders;\""))
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("sql.drop-table");
              assertThat(x.severity()).isEqualTo(Severity.CATASTROPHIC);
              assertThat(x.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(x.evidence().text()).isEqualTo("DROP TABLE orders");
              assertThat(x.via()).contains("kubectl exec statefulset/postgres", "psql");
            });
  }

  @Test
  void psqlOnProdHost_handsTheStatementOverInProduction() {
    assertThat(walk("psql -h prod-db.acme.internal -U admin -d app -c \"DROP TABLE users;\""))
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("sql.drop-table");
              assertThat(x.severity()).isEqualTo(Severity.CATASTROPHIC);
              assertThat(x.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(x.evidence().text()).isEqualTo("DROP TABLE users");
            });
  }

  @Test
  void sudoMysqlHeredoc_handsTheBodyOverInProduction() {
    assertThat(
            walk(
                "sudo mysql -h prod-mysql shop",
                PackHarness.input("heredoc", "DELETE FROM carts;\n")))
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("sql.delete-all");
              assertThat(x.severity()).isEqualTo(Severity.CATASTROPHIC);
              assertThat(x.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(x.evidence().text()).contains("DELETE FROM carts");
              assertThat(x.via()).contains("sudo", "mysql");
            });
  }

  @Test
  void xargsRedisCliDel_fedByAScan_isDestructive() {
    assertThat(
            walk(
                "xargs redis-cli del",
                PackHarness.input("pipe-dynamic", "redis-cli --scan --pattern 'session:*'")))
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("shell.redis.del");
              assertThat(x.severity()).isEqualTo(Severity.DESTRUCTIVE);
              assertThat(x.resource()).contains("standard input");
              assertThat(x.via()).contains("xargs");
            });
  }

  @Test
  void dockerExecPsql_inProdContainer_handsSqlOverInProduction() {
    assertThat(walk("docker exec -it prod-postgres psql -U postgres -c \"DROP DATABASE app\""))
        .anySatisfy(
            x -> {
              assertThat(x.kind()).isEqualTo(Kind.SQL);
              assertThat(x.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(x.via()).contains("docker exec prod-postgres");
            });
  }

  @Test
  void npxPrismaMigrateReset_isJudgedByTheMigrationPack() {
    assertThat(walk("npx prisma migrate reset --force"))
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("shell.migrate.prisma-migrate-reset");
              assertThat(x.via()).contains("npx");
            });
  }

  @Test
  void artisanProgram_isJudgedLikePhpArtisan() {
    assertThat(walk("./artisan migrate:fresh"))
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("shell.interp.artisan-wipe");
              assertThat(x.severity()).isEqualTo(Severity.CATASTROPHIC);
            });
    assertThat(walk("php artisan migrate:fresh"))
        .anySatisfy(x -> assertThat(x.ruleId()).isEqualTo("shell.interp.artisan-wipe"));
  }

  @Test
  void djangoAdminFlush_isJudgedLikeManagePy() {
    assertThat(walk("django-admin flush --noinput"))
        .anySatisfy(x -> assertThat(x.ruleId()).isEqualTo("shell.interp.django-flush"));
  }

  @Test
  void railsRunner_deleteAll_isCatastrophic_andTheCodeReachesTheRubyRules() {
    List<Finding> f = walk("bin/rails runner \"User.delete_all\"");
    assertThat(f)
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("shell.framework.activerecord-delete-all");
              assertThat(x.severity()).isEqualTo(Severity.CATASTROPHIC);
            });
    assertThat(f).anySatisfy(x -> assertThat(x.via()).contains("rails runner"));
  }

  @Test
  void dockerRunWithHostRootMounted_isHeld() {
    assertThat(walk("docker run --rm -v /:/host alpine rm -rf /host"))
        .anySatisfy(x -> assertThat(x.ruleId()).isEqualTo("shell.container.host-mount"));
  }

  @Test
  void ghApiDelete_reachesTheHttpClassifier() {
    assertThat(walk("gh api -X DELETE repos/acme/payments-api"))
        .anySatisfy(
            x -> {
              assertThat(x.kind()).isEqualTo(Kind.HTTP);
              assertThat(x.via()).contains("gh");
            });
  }

  @Test
  void k3sKubectl_reachesTheKubernetesPack() {
    assertThat(walk("k3s kubectl delete ns production"))
        .anySatisfy(
            x -> {
              assertThat(x.ruleId()).isEqualTo("shell.kube.delete-namespace");
              assertThat(x.severity()).isEqualTo(Severity.CATASTROPHIC);
              assertThat(x.environment()).isEqualTo(Environment.PRODUCTION);
              assertThat(x.via()).contains("k3s");
            });
  }

  @Test
  void everyInvocation_judgedByThesePacks_leavesNoNoMatchFallback() {
    for (String line :
        List.of(
            "redis-cli -h prod-cache -a Zq7hunter2Pw GET k",
            "mongosh -u admin -p Zq7hunter2Pw app",
            "helm --kube-token Zq7hunter2Pw list")) {
      for (Finding x : walk(line)) {
        assertThat(x.ruleId()).doesNotEndWith(".no-match");
        assertThat(x.evidence().text() + x.reason() + x.resource()).doesNotContain("Zq7hunter2Pw");
      }
    }
  }
}
