package dev.airlock.classify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.SqlAction;
import dev.airlock.classify.Severity;
import dev.airlock.engine.Gate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class SqlPropertiesTest {

  private static final Gate GATE = Gate.standard();

  /** Destructive statements and the severity each must keep, whatever its spelling. */
  private static final List<String> DESTRUCTIVE =
      List.of(
          "DROP TABLE users",
          "DROP TABLE IF EXISTS public.orders CASCADE",
          "DROP DATABASE app",
          "DROP SCHEMA billing CASCADE",
          "TRUNCATE TABLE payments",
          "DELETE FROM sessions",
          "DELETE FROM sessions WHERE 1 = 1",
          "DELETE FROM sessions WHERE id = 5 OR 1 = 1",
          "UPDATE accounts SET balance = 0",
          "UPDATE accounts SET balance = 0 WHERE true",
          "ALTER TABLE users DROP COLUMN email",
          "DROP VIEW v",
          "GRANT ALL ON t TO bob",
          "COPY t TO PROGRAM 'sh -c x'",
          "EXPLAIN ANALYZE DELETE FROM t",
          "WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x",
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity",
          "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE");

  private static final List<String> SAFE =
      List.of(
          "SELECT 1",
          "SELECT id, email FROM users WHERE id = 42",
          "BEGIN",
          "COMMIT",
          "SHOW TABLES",
          "SET search_path TO app",
          "EXPLAIN DELETE FROM t",
          "SELECT 'DROP TABLE x'",
          "-- DROP TABLE x\nSELECT 2",
          "/* TRUNCATE t */ SELECT 3",
          "INSERT INTO notes (body) VALUES ('hello')",
          "VALUES (1)");

  private static final String[] SOUP = {
    "DROP",
    "TABLE",
    "DELETE",
    "FROM",
    "WHERE",
    "1=1",
    "OR",
    "x",
    "'",
    "''",
    "\"",
    "`",
    "[",
    "]",
    "$$",
    "$a$",
    "E'",
    "\\",
    "--",
    "\n",
    "/*",
    "*/",
    "/*!",
    "#",
    ";",
    "(",
    ")",
    "SELECT",
    "DO",
    "BEGIN",
    "END",
    "EXECUTE",
    "COPY",
    "TO",
    "PROGRAM",
    "WITH",
    "AS",
    "UPDATE",
    "SET",
    "CREATE",
    "FUNCTION",
    "LANGUAGE",
    "plpgsql",
    "DELIMITER",
    "GO",
    "\\dt",
    ":v",
    "@x",
    "?",
    "q'[",
    "\u0000",
    "INTO",
    "EXPLAIN",
    "ANALYZE",
    "PREPARE",
    "TRUNCATE",
    " ",
    "\t",
    ","
  };

  static Severity worst(String sql) {
    return SqlCase.classify(sql).worst().severity();
  }

  @Property(tries = 1000)
  void classify_anyString_neverThrowsAndFinds(@ForAll @StringLength(max = 400) String sql) {
    assertThat(SqlCase.classify(sql).findings()).isNotEmpty();
  }

  @Property(tries = 2000)
  void classify_tokenSoup_neverThrowsAndFinds(@ForAll("soup") String sql) {
    SqlCase.Outcome o = SqlCase.classify(sql);
    assertThat(o.findings()).isNotEmpty();
    assertThat(o.findings())
        .allSatisfy(
            f ->
                assertThat(f.evidence().end())
                    .isLessThanOrEqualTo(sql.length())
                    .isGreaterThanOrEqualTo(f.evidence().start()));
  }

  @Property(tries = 500)
  void destructive_caseAndWhitespaceVariants_keepSeverity(
      @ForAll("destructive") String sql, @ForAll Random random) {
    String variant = respell(sql, random);
    assertThat(worst(variant)).as(variant).isEqualTo(worst(sql));
    assertThat(worst(sql).rank()).isGreaterThanOrEqualTo(Severity.DESTRUCTIVE.rank());
  }

  @Property(tries = 300)
  void destructive_afterSafeStatements_keepsTheHold(
      @ForAll @Size(max = 6) List<@From("safe") String> safes,
      @ForAll("destructive") String bad,
      @ForAll("environments") Environment env) {
    String sql = String.join(";\n", safes) + (safes.isEmpty() ? "" : "; ") + bad + ";";
    assertThat(worst(sql).rank()).isGreaterThanOrEqualTo(Severity.DESTRUCTIVE.rank());
    assertThat(GATE.check(new SqlAction(sql, Context.of(env))).decision().holds()).as(sql).isTrue();
  }

  /** Changes the case of letters outside quotes and the whitespace between words. */
  static String respell(String sql, Random random) {
    String[] spaces = {" ", "  ", "\t", "\n", "\r\n", " /* c */ ", "\n-- c\n"};
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      if (!quoted && c == ' ') {
        b.append(spaces[random.nextInt(spaces.length)]);
      } else if (!quoted && Character.isLetter(c)) {
        String s = String.valueOf(c);
        b.append(random.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
      } else {
        b.append(c);
      }
    }
    return random.nextBoolean() ? b + ";" : b.toString();
  }

  @Provide
  Arbitrary<String> destructive() {
    return Arbitraries.of(DESTRUCTIVE);
  }

  @Provide
  Arbitrary<String> safe() {
    return Arbitraries.of(SAFE);
  }

  @Provide
  Arbitrary<Environment> environments() {
    return Arbitraries.of(Environment.DEVELOPMENT, Environment.STAGING, Environment.PRODUCTION);
  }

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of(SOUP)
        .list()
        .ofMaxSize(60)
        .map(parts -> String.join(" ", parts))
        .injectDuplicates(0.05);
  }
}
