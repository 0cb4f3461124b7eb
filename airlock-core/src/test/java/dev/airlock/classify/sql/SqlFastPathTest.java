package dev.airlock.classify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Trace;
import dev.airlock.json.Json;
import dev.airlock.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks that the token fast paths ({@link FastPaths}) give exactly the findings the parser path
 * gives, for every SQL text of the project corpus, the SQL cases file, the starter corpus and a
 * list of shapes near the edges of what the fast paths accept.
 */
class SqlFastPathTest {

  /** Shapes at the edges of the fast paths: some taken, some handed on to the parser. */
  private static final List<String> SHAPES =
      List.of(
          "DO 1",
          "DO SLEEP(1); DROP TABLE t",
          "DO RELEASE_LOCK('x')",
          "DO (SELECT 1)",
          "DO $$ BEGIN DELETE FROM t; END $$",
          "DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'audit_log'; END $$;",
          "DO $x$ BEGIN TRUNCATE t; END $x$",
          "SELECT $$; DROP TABLE users; $$ AS note;",
          "SELECT $$; DELETE FROM t; $$",
          "SELECT $a$; UPDATE t SET a = 1; $a$",
          "$$ DROP TABLE t",
          "$1",
          "DROP TABLE users",
          "drop table if exists orders cascade",
          "DROP TABLE orders RESTRICT",
          "DROP TABLE a, b",
          "DROP TABLE IF EXISTS orders, order_items",
          "DROP TABLE shop.public.orders",
          "DROP TABLE [dbo].[Order Details]",
          "DROP TABLE \"public\".\"Users\"",
          "DROP TABLE `shop`.`orders`",
          "DROP TABLE \"a\"\"b\"",
          "DROP TABLE prod_db.users",
          "DROP TABLE app_production.users CASCADE",
          "DROP VIEW IF EXISTS active_users",
          "DROP VIEW v CASCADE",
          "DROP MATERIALIZED VIEW v",
          "DROP INDEX idx_orders_created",
          "DROP INDEX CONCURRENTLY idx",
          "DROP INDEX idx ON orders",
          "DROP SCHEMA billing CASCADE",
          "DROP SCHEMA IF EXISTS staging_reports",
          "DROP DATABASE app_production",
          "DROP DATABASE IF EXISTS [Shop]",
          "DROP TABLE user",
          "DROP TABLE order",
          "DROP TABLE t PURGE",
          "DROP TABLE #temp",
          "TRUNCATE orders",
          "TRUNCATE TABLE [dbo].[AuditLog]",
          "TRUNCATE TABLE payments CASCADE",
          "TRUNCATE TABLE a, b",
          "TRUNCATE ONLY orders",
          "TRUNCATE orders RESTART IDENTITY",
          "DELETE FROM [dbo].[Users]",
          "DELETE FROM users",
          "delete from shop.public.users",
          "DELETE FROM users u",
          "DELETE users",
          "DELETE FROM users LIMIT 10",
          "DELETE FROM users RETURNING *",
          "UPDATE [dbo].[Customers] SET [Email] = NULL",
          "UPDATE users SET active = false, score = -1, name = 'x'",
          "UPDATE users SET a = b",
          "UPDATE users SET a = ?",
          "UPDATE users SET a = a + 1",
          "UPDATE users SET a = 1 LIMIT 5",
          "UPDATE users u SET a = 1",
          "UPDATE users SET a = now()",
          "UPDATE users SET a = 1 FROM other",
          "DELETE FROM users WHERE 1=1",
          "DELETE FROM users WHERE 1 = 1 AND 2 = 2",
          "DELETE FROM users WHERE 1 = 0",
          "DELETE FROM users WHERE true",
          "DELETE FROM users WHERE TRUE OR false",
          "DELETE FROM users WHERE false AND true",
          "DELETE FROM users WHERE NOT false",
          "DELETE FROM users WHERE NOT (1 = 0)",
          "DELETE FROM users WHERE NOT 1 = 0",
          "DELETE FROM users WHERE (1=1)",
          "DELETE FROM users WHERE ((1)) = (1)",
          "DELETE FROM users WHERE 1",
          "DELETE FROM users WHERE 0",
          "DELETE FROM users WHERE 0.0",
          "DELETE FROM users WHERE 2.50 > 2.5",
          "DELETE FROM users WHERE 'a' = 'a'",
          "DELETE FROM users WHERE 'a' < 'b'",
          "DELETE FROM users WHERE 'yes'",
          "DELETE FROM users WHERE 'maybe'",
          "DELETE FROM users WHERE '5'",
          "DELETE FROM users WHERE ''",
          "DELETE FROM users WHERE 1 = '1'",
          "DELETE FROM users WHERE 1 <> 2",
          "DELETE FROM users WHERE 1 != 1",
          "DELETE FROM users WHERE 3 >= 2 AND 2 <= 3",
          "DELETE FROM users WHERE true = false",
          "DELETE FROM users WHERE NULL",
          "DELETE FROM users WHERE NULL = NULL",
          "DELETE FROM users WHERE NULL IS NULL",
          "DELETE FROM users WHERE 1 IS NOT NULL",
          "DELETE FROM users WHERE 'x' IS NULL",
          "DELETE FROM users WHERE (NULL) IS NULL",
          "DELETE FROM users WHERE 1 = 1 = 1",
          "DELETE FROM users WHERE -1 = -1",
          "DELETE FROM users WHERE 0x10 = 16",
          "DELETE FROM users WHERE 1e3 = 1000",
          "DELETE FROM users WHERE E'a' = 'a'",
          "DELETE FROM users WHERE 'it''s' = 'it''s'",
          "DELETE FROM users WHERE 1 = 1 OR id = 5",
          "DELETE FROM users WHERE id = id",
          "DELETE FROM users WHERE 1=1 -- all",
          "DELETE FROM users WHERE /* c */ 1=1",
          "DELETE FROM users WHERE 1=1 RETURNING *",
          "DELETE FROM users WHERE 1=1 LIMIT 5",
          "DELETE FROM [dbo].[Users] WHERE 1=1",
          "UPDATE users SET active = false WHERE 1 = 1",
          "UPDATE users SET a = 1, b = 'x' WHERE true AND true",
          "UPDATE users SET a = 1 WHERE 1 = 0",
          "UPDATE users SET a = 1 WHERE 'a' = 'b' OR 2 > 1",
          "UPDATE users SET a = 1 WHERE",
          "UPDATE [dbo].[Users] SET [a] = 1 WHERE 1=1",
          "DELETE FROM t WHERE d < SYSDATE",
          "DELETE FROM t WHERE d < LOCALTIMESTAMP",
          "DELETE FROM t WHERE d < GETDATE() AND id BETWEEN 1 AND 5",
          "DELETE FROM t WHERE d < now() + interval '1 day' AND kind IN ('a', 'b')",
          "DELETE FROM t WHERE CURRENT_DATE = CURRENT_DATE",
          "DELETE FROM t WHERE now() > now()",
          "DELETE FROM t WHERE id = 5 AND 1 = 1",
          "DELETE FROM t WHERE id = 5 AND 1 = 0",
          "DELETE FROM t WHERE id BETWEEN 1 AND 5 AND 1 = 0",
          "UPDATE t SET a = 1 WHERE d < now(1)",
          "UPDATE t SET a = 1 WHERE d < interval 3",
          "CREATE TABLE IF NOT EXISTS invoice_notes (id bigserial PRIMARY KEY, note text)",
          "CREATE TABLE t (id int REFERENCES o(id) ON DELETE CASCADE ON UPDATE SET NULL)",
          "CREATE TABLE t AS SELECT * FROM orders",
          "CREATE OR REPLACE TABLE orders AS SELECT * FROM orders WHERE 1 = 0",
          "CREATE TEMP TABLE t (a int)",
          "CREATE UNIQUE INDEX idx ON orders (created_at)",
          "CREATE INDEX CONCURRENTLY idx ON orders (created_at)",
          "CREATE INDEX ON orders (created_at)",
          "CREATE VIEW active_users AS SELECT id, email FROM users WHERE active",
          "CREATE OR REPLACE VIEW v AS SELECT 1",
          "CREATE MATERIALIZED VIEW mv AS SELECT * FROM orders",
          "CREATE VIEW v AS SELECT * FROM t; DROP TABLE t",
          "CREATE TABLE t AS DELETE FROM x RETURNING *",
          "CREATE TABLE t (a int); DELETE FROM t",
          "ALTER TABLE orders ADD COLUMN note text",
          "ALTER TABLE orders ADD note text DEFAULT 'x'",
          "ALTER TABLE [dbo].[Orders] ADD [Note] nvarchar(100)",
          "ALTER TABLE orders ADD COLUMN a int, DROP COLUMN b",
          "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b(id) ON DELETE CASCADE",
          "ALTER TABLE orders DROP COLUMN note",
          "ALTER TABLE IF EXISTS orders ADD COLUMN note text",
          "DROP VIEW IF EXISTS active_users; CREATE VIEW active_users AS SELECT * FROM users");

  @TestFactory
  Stream<DynamicTest> fastPaths_everyCorpusText_sameFindingsAsParser() throws Exception {
    Set<String> texts = texts();
    assertThat(texts).hasSizeGreaterThan(400);
    return texts.stream()
        .map(sql -> DynamicTest.dynamicTest("[" + sql + "]", () -> assertSame(sql)));
  }

  @Test
  void fastPaths_commonShapes_skipTheParser() {
    for (String sql :
        List.of(
            "DROP TABLE [dbo].[Order Details]",
            "TRUNCATE TABLE [dbo].[AuditLog]",
            "DELETE FROM [dbo].[Users]",
            "UPDATE [dbo].[Customers] SET [Email] = NULL",
            "DELETE FROM users WHERE 1=1",
            "UPDATE users SET a = 1 WHERE true AND 'a' = 'a'",
            "CREATE INDEX CONCURRENTLY idx ON orders (created_at)",
            "ALTER TABLE orders ADD COLUMN note text")) {
      Trace.Recording trace = Trace.recording();
      Analysis out = new Analysis(Limits.DEFAULT, trace);
      new SqlClassifier().classify(sql, Scope.root("sql", Environment.UNKNOWN), out);
      assertThat(String.join("\n", trace.lines()))
          .as(sql)
          .contains("judged by the lexer")
          .doesNotContain("JSqlParser");
    }
  }

  @TestFactory
  Stream<DynamicTest> brackets_textsReadOnlyOneWay_otherReadingsAddNothing() throws Exception {
    Set<String> texts = new LinkedHashSet<>(BRACKETS);
    for (String sql : texts()) {
      if (sql.indexOf('[') >= 0) {
        texts.add(sql);
      }
    }
    List<String> oneWay = new ArrayList<>();
    for (String sql : texts) {
      if (!SqlLexer.lex(sql, SqlLexer.Mode.POSTGRES, Limits.DEFAULT).divergent) {
        oneWay.add(sql);
      }
    }
    assertThat(oneWay).hasSizeGreaterThan(15);
    return oneWay.stream()
        .map(
            sql ->
                DynamicTest.dynamicTest(
                    "[" + sql + "]",
                    () -> assertThat(allReadings(sql)).as(sql).isEqualTo(classify(sql, true))));
  }

  /** Bracketed names where a name goes, with keywords in them and around them. */
  private static final List<String> BRACKETS =
      List.of(
          "DROP TABLE [dbo].[Order Details]",
          "DROP TABLE [Order]",
          "DROP TABLE [Select]",
          "DROP VIEW [dbo].[Where Used]",
          "TRUNCATE TABLE [dbo].[Limit]",
          "DELETE FROM [dbo].[Users]",
          "DELETE FROM [dbo].[Users] WHERE [Id] = 5",
          "DELETE FROM [Order] WHERE 1 = 1",
          "DELETE FROM [t] WHERE [true] = 1",
          "DELETE FROM [Order Details] WHERE [Order Id] > 0",
          "UPDATE [dbo].[Customers] SET [Email] = NULL",
          "UPDATE [Limit] SET [Where] = 1 WHERE [Id] = 7",
          "UPDATE [t] SET [a] = 1 WHERE true",
          "SELECT * FROM [Sales].[Orders] o JOIN [Lines] l ON l.id = o.id",
          "SELECT [a].[b] FROM [x].[y] WHERE [x].[z] = 1",
          "INSERT INTO [Log] ([a], [b]) VALUES (1, 'x')",
          "INSERT INTO [dbo].[From] SELECT * FROM [Order]",
          "DROP DATABASE IF EXISTS [Shop]",
          "CREATE INDEX [ix] ON [dbo].[Orders] ([Created])",
          "ALTER TABLE [dbo].[Orders] ADD [Note] nvarchar(100)");

  /** The findings with the token paths for DELETE/UPDATE WHERE clauses off: the parser's. */
  static synchronized List<Finding> parsedOnly(String sql) {
    boolean before = TokenDml.narrowOnTokens;
    TokenDml.narrowOnTokens = false;
    try {
      return classify(sql, false);
    } finally {
      TokenDml.narrowOnTokens = before;
    }
  }

  private static synchronized List<Finding> allReadings(String sql) {
    SqlClassifier.readAllDialects = true;
    try {
      return classify(sql, true);
    } finally {
      SqlClassifier.readAllDialects = false;
    }
  }

  private static void assertSame(String sql) {
    List<Finding> fast = classify(sql, true);
    List<Finding> parsed = classify(sql, false);
    assertThat(fast).as(sql).isEqualTo(parsed);
    assertThat(parsedOnly(sql)).as("narrow writes by the parser: " + sql).isEqualTo(parsed);
  }

  static synchronized List<Finding> classify(String sql, boolean fast) {
    boolean before = FastPaths.enabled;
    FastPaths.enabled = fast;
    try {
      Analysis out = new Analysis(Limits.DEFAULT, Trace.OFF);
      new SqlClassifier().classify(sql, Scope.root("sql", Environment.UNKNOWN), out);
      return out.findings();
    } finally {
      FastPaths.enabled = before;
    }
  }

  private static Set<String> texts() throws Exception {
    Set<String> texts = new LinkedHashSet<>(SHAPES);
    texts.addAll(corpus(Path.of("..", "corpus", "sql.jsonl")));
    String shared = System.getProperty("airlock.shared", "../../shared");
    texts.addAll(corpus(Path.of(shared, "corpus", "starter.jsonl")));
    for (SqlCase c : SqlCase.load("/sql/cases.txt")) {
      texts.add(c.sql());
    }
    return texts;
  }

  private static List<String> corpus(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    JsonReader reader = JsonReader.standard();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Json json = reader.read(line);
      if (json instanceof Json.Obj obj && "sql".equals(obj.string("kind"))) {
        String input = obj.string("input");
        if (input != null) {
          out.add(input);
        }
      }
    }
    return out;
  }
}
