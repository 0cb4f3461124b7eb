package dev.airlock.classify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserTokenManager;
import net.sf.jsqlparser.parser.ParserKeywordsUtils;
import net.sf.jsqlparser.parser.SimpleCharStream;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import org.junit.jupiter.api.Test;

/**
 * Checks the token paths of {@link TokenModify}, {@link TokenExpr} and {@link TokenDrops} against
 * the parser path: for generated DELETE, UPDATE, DROP and TRUNCATE statements (every predicate of a
 * list alone and combined with AND and OR under several statement shapes), the findings with the
 * token paths on equal the findings with them off. The corpus texts are compared by {@link
 * SqlFastPathTest}, which runs with these paths on.
 */
class SqlTokenPathsTest {

  /** Predicates near the edges of what {@link TokenExpr} reads, and some beyond them. */
  private static final List<String> PREDICATES =
      List.of(
          "id = 5",
          "id = id",
          "o.id = O.ID",
          "id <> id",
          "id >= id",
          "id < id",
          "a.b = b.a",
          "1 = 1",
          "1 = 0",
          "true",
          "false",
          "NULL",
          "'yes'",
          "2.5 > 2.50",
          "id IS NULL",
          "id IS NOT NULL",
          "NULL IS NULL",
          "5 IS NOT NULL",
          "(NULL) IS NULL",
          "lower(email) IS NULL",
          "lower(email) = 'a'",
          "coalesce(NULL, 1) = 1",
          "now() > now()",
          "count(*) = 1",
          "email LIKE '%'",
          "email NOT LIKE 'a%'",
          "'a' LIKE 'a'",
          "email ILIKE '%x'",
          "id IN (1, 2)",
          "1 IN (1)",
          "id NOT IN (SELECT id FROM t)",
          "5 IN (SELECT id FROM t)",
          "id IN (SELECT NULL::bigint WHERE false)",
          "id IN (SELECT DISTINCT x.id FROM t AS x, u WHERE x.a = u.b)",
          "id BETWEEN 1 AND 5",
          "1 BETWEEN 0 AND 2",
          "id = ANY (SELECT id FROM t)",
          "5 = ANY (SELECT id FROM t)",
          "EXISTS (SELECT 1 FROM t)",
          "NOT (id = 5)",
          "NOT (1 = 1)",
          "NOT id = 5",
          "id = -1",
          "-1 = -1",
          "'it''s' = 'it''s'",
          "x::int = 1",
          "'1'::int = 1",
          "id + 1 = 2",
          "1 + 1 = 2",
          "balance * 0 = 0",
          "created_at < now() - interval '30 days'",
          "CURRENT_DATE > d",
          "CURRENT_DATE = CURRENT_DATE",
          "d < CURRENT_TIMESTAMP",
          "a = ?",
          "? = 1",
          "\"id\" = id",
          "\"id\" = \"id\"",
          "date = 1",
          "text = 'a'",
          "user = 1",
          "key = 1",
          "name = 'x'",
          "plan = 'x' OR key = 2",
          "data IS NULL AND type = 1",
          "comment LIKE 'a' AND level > 1",
          "password = 'x' OR version = 2",
          "first = last",
          "Action = action",
          "lower(name) = lower(Name)",
          "case = 1",
          "next = 1",
          "status = 'a' AND date > now()",
          "status = 'a' OR 1 = 1",
          "(id = 5)",
          "((id)) = (id)",
          "(1) = 1",
          "id = (SELECT max(id) FROM t)",
          "id = 1 || 2",
          "id ~ 'a'",
          "1 = 1 = 1",
          "sysdate > d",
          "E'a' = 'a'",
          "0x10 = 16");

  private static final List<String> WHERE_PREFIXES =
      List.of(
          "DELETE FROM users WHERE ",
          "DELETE users WHERE ",
          "UPDATE users SET a = 1 WHERE ",
          "DELETE FROM public.users AS u USING t WHERE ",
          "UPDATE users u SET a = lower(b), c = c + 1 FROM t WHERE ",
          "UPDATE users SET a = now() - interval '1 day' WHERE ");

  private static final List<String> STATEMENTS =
      List.of(
          "REPLACE INTO settings (k, v) VALUES ('maintenance', '1')",
          "REPLACE INTO settings SELECT * FROM settings_import",
          "REPLACE INTO public.settings VALUES (1, 2), (3, 4)",
          "REPLACE INTO settings (k) SELECT k FROM a WHERE b = 1 OR 1 = 1",
          "REPLACE INTO `acme-prod.x.y` VALUES (1)",
          "REPLACE INTO settings (k) VALUES ((SELECT max(k) FROM a))",
          "REPLACE INTO settings SELECT * FROM a WHERE id IN (DELETE FROM b RETURNING id)",
          "REPLACE INTO settings VALUES (lower('A'), now())",
          "REPLACE INTO settings VALUES (pg_sleep(1))",
          "REPLACE INTO settings SET k = 1",
          "REPLACE settings VALUES (1)",
          "REPLACE INTO settings (k, v) VALUES (1, 2) ON DUPLICATE KEY UPDATE v = 3",
          "REPLACE INTO name VALUES (1)",
          "REPLACE INTO t VALUES (1) RETURNING *",
          "REPLACE INTO t SELECT * FROM a INTO OUTFILE '/tmp/x'",
          "REPLACE INTO t SELECT * FROM a; DROP TABLE a",
          "REPLACE INTO t (a) VALUES (1); DELETE FROM t",
          "REPLACE INTO t",
          "REPLACE INTO t (a)",
          "DELETE TOP (500) FROM dbo.Notifications",
          "SELECT id, email FROM users INTO OUTFILE '/tmp/users.csv'",
          "SELECT * FROM users INTO DUMPFILE '/tmp/u'",
          "SELECT u.id, u.* FROM public.users INTO OUTFILE '/tmp/users.csv'",
          "SELECT id FROM users INTO OUTFILE '/tmp/u' FIELDS TERMINATED BY ','",
          "SELECT id FROM users WHERE a = 1 INTO OUTFILE '/tmp/u'",
          "SELECT id INTO OUTFILE '/tmp/u' FROM users",
          "SELECT id FROM users INTO @a",
          "SELECT name, key FROM users INTO OUTFILE 'x'",
          "SELECT * INTO orders_copy FROM orders",
          "SELECT * INTO orders_copy FROM orders; DROP TABLE orders",
          "SELECT id, email INTO archive.users_2024 FROM public.users",
          "SELECT * INTO `acme-prod.x.y` FROM orders",
          "SELECT * INTO TEMP t FROM orders",
          "SELECT * INTO t FROM orders WHERE id = 1",
          "SELECT * INTO t",
          "SELECT count(*) INTO t FROM orders",
          "DELETE TOP (10) PERCENT FROM logs",
          "DELETE TOP (5) FROM `acme-prod.x.y`",
          "DELETE TOP (5) FROM logs WHERE id = 1",
          "DELETE TOP (5) FROM logs WHERE 1 = 1",
          "DELETE TOP (5) FROM logs WHERE a = b OR c IN (SELECT 1)",
          "DELETE TOP 5 FROM logs",
          "DELETE TOP (5) logs",
          "DELETE TOP (a) FROM logs",
          "DELETE TOP (5) FROM public",
          "DELETE TOP (5) FROM prod_db.dbo.logs",
          "DELETE TOP (5) FROM logs OUTPUT deleted.id",
          "DELETE accounts",
          "DELETE FROM logs LIMIT 1000",
          "DELETE FROM logs LIMIT 10 OFFSET 2",
          "DELETE FROM logs WHERE id = 1 LIMIT 10",
          "DELETE FROM t USING u",
          "DELETE FROM t u",
          "DELETE FROM t AS WHERE id = 1",
          "DELETE FROM orders USING customers WHERE orders.customer_id = customers.id",
          "UPDATE users SET email = lower(email)",
          "UPDATE users SET deleted_at = now()",
          "UPDATE accounts SET balance = balance * 0",
          "UPDATE users SET role = 'admin'",
          "UPDATE users SET plan = 'pro', type = 2, data = NULL WHERE key = 1 OR name = 'x'",
          "UPDATE users SET case = 1",
          "UPDATE t SET t.status = s.status FROM s WHERE t.id = s.id",
          "UPDATE users SET a = (SELECT max(b) FROM c)",
          "UPDATE users SET a = CASE WHEN b THEN 1 END",
          "UPDATE users SET (a, b) = (1, 2)",
          "UPDATE users SET a = 1 FROM t",
          "UPDATE users SET a = 1 WHERE id = 1 RETURNING *",
          "UPDATE users SET a = 1, WHERE id = 1",
          "UPDATE orders o SET status = 'refunded' FROM payments p WHERE p.order_id = o.id",
          "DROP TABLE a, b, c",
          "DROP TABLE IF EXISTS orders, order_items, payments",
          "DROP TABLE orders PURGE",
          "DROP TABLE orders CASCADE CONSTRAINTS PURGE",
          "DROP TABLE orders CASCADE CONSTRAINTS",
          "DROP MATERIALIZED VIEW IF EXISTS mv CASCADE",
          "DROP VIEW a, b",
          "DROP SEQUENCE invoice_number_seq",
          "DROP EXTENSION postgis CASCADE",
          "DROP ROLE reporting",
          "DROP ROLE IF EXISTS a, b",
          "DROP USER app CASCADE",
          "DROP USER app",
          "DROP TRIGGER trg_audit_orders ON orders",
          "DROP TRIGGER IF EXISTS trg ON public.orders CASCADE",
          "DROP FUNCTION IF EXISTS calculate_tax(numeric)",
          "DROP FUNCTION f(int, text) CASCADE",
          "DROP FUNCTION f",
          "DROP PROCEDURE p()",
          "DROP TYPE mood",
          "DROP TABLESPACE app_data INCLUDING CONTENTS AND DATAFILES",
          "DROP TABLESPACE app_data INCLUDING CONTENTS CASCADE CONSTRAINTS",
          "DROP TABLESPACE app_data",
          "DROP SCHEMA a, b CASCADE",
          "DROP DATABASE a, b",
          "DROP INDEX a, b",
          "DROP TABLE a RESTRICT",
          "DROP TABLE a CASCADE RESTRICT",
          "DROP TABLE prod.a, staging.b",
          "TRUNCATE TABLE invoices, invoice_items RESTART IDENTITY CASCADE",
          "TRUNCATE users RESTART IDENTITY CASCADE",
          "TRUNCATE ONLY events",
          "TRUNCATE TABLE orders REUSE STORAGE",
          "TRUNCATE TABLE orders DROP STORAGE",
          "TRUNCATE TABLE users, accounts CASCADE",
          "TRUNCATE a CONTINUE IDENTITY RESTRICT",
          "TRUNCATE TABLE ONLY a, b",
          "TRUNCATE events RESTART IDENTITY",
          "TRUNCATE public.events, public.b",
          "DROP TABLE public.orders, public",
          "DELETE FROM public WHERE public.id = 1",
          "UPDATE public.t SET public.a = 1 WHERE public.t.id = public.t.id",
          "DELETE FROM x.public.t WHERE id = 1 OR b = 2",
          "ALTER TABLE users DROP COLUMN password_hash",
          "ALTER TABLE orders DROP COLUMN shipping_address CASCADE",
          "ALTER TABLE orders DROP shipping_address RESTRICT",
          "ALTER TABLE IF EXISTS ONLY orders DROP COLUMN IF EXISTS a",
          "ALTER TABLE users DROP COLUMN IF EXISTS ssn, DROP COLUMN IF EXISTS dob",
          "ALTER TABLE users DROP COLUMN a, DROP CONSTRAINT b, RENAME COLUMN c TO d",
          "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey",
          "ALTER TABLE orders DROP CONSTRAINT IF EXISTS fk CASCADE",
          "ALTER TABLE dbo.Users DROP COLUMN MiddleName",
          "ALTER TABLE events DROP PARTITION p2023",
          "ALTER TABLE events TRUNCATE PARTITION p2024",
          "ALTER TABLE events DROP PARTITION p1, DROP PARTITION p2",
          "ALTER TABLE orders RENAME TO orders_old",
          "ALTER TABLE users RENAME COLUMN fullname TO full_name",
          "ALTER TABLE users RENAME fullname TO full_name",
          "ALTER TABLE users RENAME TO",
          "ALTER TABLE users DROP (legacy_flags)",
          "ALTER TABLE users DROP COLUMN key",
          "ALTER TABLE users DROP COLUMN name, DROP COLUMN type",
          "ALTER TABLE users DROP PRIMARY KEY",
          "ALTER TABLE users DROP INDEX idx",
          "ALTER TABLE users DROP FOREIGN KEY fk",
          "ALTER TABLE public.users DROP COLUMN a",
          "ALTER TABLE users DROP COLUMN a,",
          "ALTER TABLE users DROP COLUMN a b",
          "MERGE INTO customers t USING crm_export s ON t.id = s.id WHEN NOT MATCHED BY SOURCE"
              + " THEN DELETE",
          "MERGE INTO inventory t USING discontinued s ON t.sku = s.sku WHEN MATCHED THEN DELETE",
          "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.a = s.a"
              + " DELETE WHERE s.a = 'void'",
          "MERGE INTO t USING (SELECT 1 AS id) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET"
              + " a = 1 WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)",
          "MERGE INTO public.t AS x USING s ON x.id = s.id WHEN MATCHED AND s.gone THEN DELETE"
              + " WHEN MATCHED THEN UPDATE SET a = s.a",
          "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN"
              + " INSERT VALUES (s.id)",
          "MERGE t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
          "MERGE INTO t USING s ON (DELETE FROM x) WHEN MATCHED THEN UPDATE SET a = 1",
          "CREATE DATABASE app_test",
          "CREATE DATABASE IF NOT EXISTS app_test",
          "CREATE DATABASE app_production",
          "CREATE DATABASE [Shop Data]",
          "CREATE DATABASE \"Shop Data\"",
          "CREATE DATABASE `app-test`",
          "CREATE DATABASE a.b",
          "CREATE DATABASE a.b.c.d",
          "CREATE DATABASE name",
          "CREATE DATABASE app_test OWNER bob",
          "CREATE DATABASE app_test WITH TEMPLATE template0",
          "CREATE OR REPLACE DATABASE app_test",
          "CREATE DATABASE",
          "CREATE DATABASE 1x",
          "CREATE SCHEMA analytics",
          "CREATE SCHEMA IF NOT EXISTS analytics",
          "CREATE SCHEMA public",
          "CREATE SCHEMA prod.analytics",
          "CREATE SCHEMA AUTHORIZATION joe",
          "CREATE SCHEMA s CREATE TABLE t (id int)",
          "CREATE SCHEMA IF NOT EXISTS",
          "DROP TABLE `acme-prod.analytics.events`",
          "DROP TABLE IF EXISTS `acme-prod.analytics.events` CASCADE",
          "DROP TABLE `acme-prod`.analytics.events",
          "DROP TABLE `acme-prod`.`analytics`.`events-2024`",
          "DROP TABLE `a.b`.`c-d`",
          "DROP TABLE `a..b`",
          "DROP TABLE `-a`",
          "DROP TABLE `a-`",
          "DROP TABLE `a.`",
          "DROP TABLE `.a`",
          "DROP TABLE `1a-b`",
          "DROP TABLE `a-1.b-2.c-3.d-4`",
          "DROP TABLE `a b-c`",
          "DROP VIEW `acme-prod.x.y`",
          "DROP SCHEMA `acme-prod`",
          "DROP DATABASE `app-production`",
          "DROP INDEX `idx-a`",
          "TRUNCATE `acme-prod.analytics.events`",
          "TRUNCATE TABLE `x-y`",
          "DELETE FROM `acme-prod.analytics.events` WHERE TRUE",
          "DELETE FROM `acme-prod.analytics.events`",
          "DELETE FROM `acme-prod.analytics.events` WHERE 1 = 1",
          "DELETE FROM `acme-prod.analytics.events` WHERE id = 5",
          "DELETE FROM `acme-prod.analytics.events` WHERE `event-id` = 5",
          "UPDATE `acme-prod.x.y` SET a = 1",
          "UPDATE `acme-prod.x.y` SET a = 1 WHERE true",
          "UPDATE `acme-prod.x.y` SET `a-b` = 1",
          "UPDATE `acme-prod.x.y` SET a = `b-c`",
          "ALTER TABLE `my-t` ADD COLUMN x int",
          "ALTER TABLE `my-t` DROP COLUMN x",
          "CREATE DATABASE `app-test`",
          "CREATE SCHEMA `acme-prod.analytics`",
          "ALTER TABLE events SET DATA_RETENTION_TIME_IN_DAYS = 0",
          "ALTER TABLE users ALTER COLUMN phone TYPE integer USING NULL",
          "ALTER TABLE users ALTER COLUMN phone TYPE text USING lower(phone)",
          "ALTER TABLE users ALTER COLUMN phone TYPE int USING pg_sleep(1)",
          "ALTER TABLE users ALTER COLUMN phone TYPE int USING (SELECT count(*) FROM t)",
          "ALTER TABLE users ALTER COLUMN c SET DEFAULT 0",
          "ALTER TABLE users ALTER COLUMN c DROP DEFAULT",
          "ALTER TABLE users ALTER COLUMN c SET NOT NULL",
          "ALTER TABLE users MODIFY c int",
          "ALTER TABLE users MODIFY COLUMN c varchar(10) NOT NULL",
          "ALTER TABLE users CHANGE a b int",
          "ALTER TABLE users OWNER TO bob",
          "ALTER TABLE users SET SCHEMA archive",
          "ALTER TABLE users ENABLE ROW LEVEL SECURITY",
          "ALTER TABLE users SET (fillfactor = 70)",
          "ALTER TABLE users ADD CONSTRAINT c CHECK (a > 0)",
          "ALTER TABLE users ADD COLUMN a int, ALTER COLUMN b TYPE text",
          "ALTER TABLE events DETACH PARTITION p2023",
          "ALTER TABLE events EXCHANGE PARTITION p1 WITH TABLE t",
          "ALTER TABLE events COALESCE PARTITION 2",
          "ALTER TABLE events REMOVE PARTITIONING",
          "ALTER TABLE events DISCARD TABLESPACE",
          "ALTER TABLE events SET UNUSED (a)",
          "ALTER TABLE events ALGORITHM=INPLACE, LOCK=NONE",
          "ALTER TABLE events ENGINE = InnoDB",
          "ALTER TABLE events AUTO_INCREMENT = 1",
          "ALTER TABLE events RENAME COLUMN a TO b, ADD COLUMN c int",
          "ALTER TABLE events",
          "ALTER TABLE events ALTER COLUMN a TYPE int USING a::int, DROP COLUMN b",
          "ALTER TABLE `acme-prod.x.y` SET DATA_RETENTION_TIME_IN_DAYS = 0");

  @Test
  void tokenPaths_generatedStatements_sameFindingsAsParser() {
    List<String> texts = new ArrayList<>(STATEMENTS);
    for (String prefix : WHERE_PREFIXES) {
      for (String a : PREDICATES) {
        texts.add(prefix + a);
      }
    }
    List<String> pairs = PREDICATES.subList(0, 48);
    for (String a : pairs) {
      for (String b : pairs) {
        texts.add(
            WHERE_PREFIXES.get((a.length() + b.length()) % WHERE_PREFIXES.size())
                + a
                + " AND "
                + b);
        texts.add(
            WHERE_PREFIXES.get((a.length() * 7 + b.length()) % WHERE_PREFIXES.size())
                + a
                + " OR "
                + b);
      }
    }
    List<String> differ = new ArrayList<>();
    int fast = 0;
    for (String sql : texts) {
      List<Finding> tokens = SqlFastPathTest.classify(sql, true);
      List<Finding> parsed = SqlFastPathTest.classify(sql, false);
      if (!tokens.equals(parsed)) {
        differ.add(sql + "\n  tokens: " + tokens + "\n  parser: " + parsed);
      }
      if (takesTokenPath(sql)) {
        fast++;
      }
    }
    assertThat(differ).isEmpty();
    assertThat(fast).as("statements judged without the parser").isGreaterThan(texts.size() / 3);
  }

  @Test
  void startsNoCoveredStatement_everyReading_parserReadsNothingARuleCovers() {
    List<String> texts =
        List.of(
            "DO 1",
            "DO SLEEP(1)",
            "DO RELEASE_LOCK('x'), 2",
            "DO (SELECT 1)",
            "DO (DELETE FROM t)",
            "DO $$ BEGIN DELETE FROM t; END $$",
            "DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'audit_log'; END $$;",
            "DO $$ SELECT 1 $$",
            "DO $$ DROP TABLE t $$",
            "DO $$ DECLARE r record; BEGIN FOR r IN SELECT tablename FROM pg_tables LOOP EXECUTE"
                + " 'DROP TABLE ' || r.tablename; END LOOP; END $$;",
            "SELECT $$; DROP TABLE users; $$ AS note;",
            "SELECT $$; DELETE FROM t; $$",
            "SELECT $a$; UPDATE t SET a = 1; $a$",
            "$$ DROP TABLE t",
            "$$ AS note",
            "$x SELECT 1",
            "$1",
            "BEGIN FOR r IN SELECT tablename FROM pg_tables LOOP EXECUTE 'DROP TABLE ' || r.t",
            "BEGIN DELETE FROM orders; END",
            "BEGIN; DELETE FROM t; COMMIT",
            "RETURN NULL",
            "IF 1 = 1 THEN DELETE FROM t; END IF",
            "IF 1 = 1 DROP TABLE t",
            "EXPLAIN DELETE FROM t",
            "EXEC sp_MSforeachtable 'DROP TABLE ?'",
            "EXECUTE IMMEDIATE 'DROP TABLE t'",
            "CALL drop_all()",
            "FLUSH TABLES WITH READ LOCK",
            "SYSTEM rm -rf /var/lib/mysql",
            "RENAME TABLE a TO b",
            "COMMENT ON TABLE t IS 'x'",
            "DECLARE @x int; DELETE FROM t",
            "SET x = (DELETE FROM t)",
            "LOCK TABLE t",
            "SHOW TABLES",
            "GRANT ALL ON t TO u",
            "UNLOAD ('SELECT 1') TO 's3://x'",
            "REFRESH MATERIALIZED VIEW v",
            "PURGE TABLE t",
            "t DELETE FROM x",
            "\"t\" DROP TABLE x",
            "UPDATE",
            "x: BEGIN DELETE FROM t; END");
    int seen = 0;
    for (String text : texts) {
      for (SqlLexer.Mode mode : SqlLexer.Mode.values()) {
        Lexed lx = SqlLexer.lex(text, mode, Limits.DEFAULT);
        for (int i = 0; i < lx.statements; i++) {
          Stmt st = Stmt.of(lx, i, "");
          if (!ParsedRules.startsNoCoveredStatement(st)) {
            continue;
          }
          seen++;
          Object ast = ParsedRules.parse(st.parserText());
          assertThat(ast)
              .as(mode + ": " + st.parserText())
              .satisfiesAnyOf(
                  a -> assertThat(a).isNull(),
                  a ->
                      assertThat(a)
                          .isNotInstanceOfAny(
                              net.sf.jsqlparser.statement.drop.Drop.class,
                              net.sf.jsqlparser.statement.truncate.Truncate.class,
                              net.sf.jsqlparser.statement.delete.Delete.class,
                              net.sf.jsqlparser.statement.update.Update.class,
                              net.sf.jsqlparser.statement.insert.Insert.class,
                              net.sf.jsqlparser.statement.upsert.Upsert.class,
                              net.sf.jsqlparser.statement.merge.Merge.class,
                              net.sf.jsqlparser.statement.alter.Alter.class,
                              net.sf.jsqlparser.statement.select.Select.class)
                          .extracting(x -> x.getClass().getSimpleName())
                          .asString()
                          .doesNotStartWith("Create"));
        }
      }
    }
    assertThat(seen).isGreaterThan(texts.size());
  }

  @Test
  void tokenPaths_corpusShapesThatUsedToBeParsed_skipTheParser() {
    for (String sql :
        List.of(
            "UPDATE users SET plan = 'pro' WHERE id = 5 OR tenant_id IN (SELECT id FROM tenants)",
            "DELETE FROM orders WHERE id IN (SELECT id FROM orders)",
            "CREATE DATABASE app_test",
            "CREATE SCHEMA IF NOT EXISTS analytics",
            "ALTER TABLE events SET DATA_RETENTION_TIME_IN_DAYS = 0",
            "ALTER TABLE users ALTER COLUMN phone TYPE integer USING NULL",
            "DROP TABLE `acme-prod.analytics.events`",
            "DELETE FROM `acme-prod.analytics.events` WHERE TRUE",
            "DELETE FROM events WHERE id NOT IN (SELECT NULL::bigint WHERE false)",
            "DELETE FROM customers WHERE email LIKE '%'",
            "DELETE FROM orders WHERE coalesce(NULL, 1) = 1",
            "DELETE FROM users WHERE id = ANY(SELECT id FROM users)",
            "UPDATE orders o SET status = 'refunded' FROM payments p WHERE p.order_id = o.id",
            "DELETE FROM orders WHERE id = 5 OR 1 = 1",
            "UPDATE users SET email = lower(email)",
            "DELETE FROM users WHERE 1 = 1 AND id = 5",
            "DELETE FROM orders WHERE id IS NOT NULL",
            "DELETE FROM public.orders AS o WHERE o.id = o.id",
            "DELETE FROM orders USING customers WHERE orders.customer_id = customers.id",
            "UPDATE users SET role = 'admin'",
            "UPDATE users SET plan = 'pro', type = 2, data = NULL WHERE key = 1 OR name = 'x'",
            "UPDATE users SET case = 1",
            "UPDATE t SET t.status = s.status FROM s WHERE t.id = s.id",
            "DELETE FROM logs LIMIT 1000",
            "DELETE accounts",
            "REPLACE INTO settings (k, v) VALUES ('maintenance', '1')",
            "REPLACE INTO settings SELECT * FROM settings_import",
            "DELETE TOP (500) FROM dbo.Notifications",
            "SELECT id, email FROM users INTO OUTFILE '/tmp/users.csv'",
            "SELECT * INTO orders_copy FROM orders",
            "DROP TABLE IF EXISTS orders, order_items, payments",
            "DROP TABLE orders CASCADE CONSTRAINTS PURGE",
            "DROP FUNCTION IF EXISTS calculate_tax(numeric)",
            "DROP TRIGGER trg_audit_orders ON orders",
            "DROP TABLESPACE app_data INCLUDING CONTENTS AND DATAFILES",
            "TRUNCATE TABLE invoices, invoice_items RESTART IDENTITY CASCADE",
            "TRUNCATE TABLE orders REUSE STORAGE",
            "ALTER TABLE users DROP COLUMN IF EXISTS ssn, DROP COLUMN IF EXISTS dob",
            "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey",
            "ALTER TABLE events TRUNCATE PARTITION p2024",
            "ALTER TABLE users RENAME COLUMN fullname TO full_name",
            "MERGE INTO inventory t USING discontinued s ON t.sku = s.sku WHEN MATCHED THEN"
                + " DELETE")) {
      assertThat(takesTokenPath(sql)).as(sql).isTrue();
    }
  }

  @Test
  void parserWords_everyWordTakenAsPlain_isAnIdentifierToJSqlParser() throws IOException {
    Set<String> words = new TreeSet<>();
    addWords(words, Files.readString(Path.of("..", "corpus", "sql.jsonl")));
    addWords(words, Files.readString(Path.of("..", "corpus", "shell.jsonl")));
    try (InputStream in = SqlTokenPathsTest.class.getResourceAsStream("/sql/cases.txt")) {
      assertThat(in).isNotNull();
      addWords(words, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    for (String image : CCJSqlParserConstants.tokenImage) {
      addWords(words, image);
    }
    addWords(
        words,
        "current_time localtime localtimestamp sysdate systimestamp current_user session_user"
            + " now getdate interval binary char character varchar2 nvarchar2 nclob raw json"
            + " jsonb serial bigserial money inet bit byte mediumint week quarter epoch zone"
            + " struct list string boolean signed unsigned current dec fixed xml ntext image"
            + " datetime2 datetimeoffset smalldatetime int16 int32 int64 float32 trim extract"
            + " left right overlay substr position substring tinytext cs rs ur straight_join");
    assertThat(words).hasSizeGreaterThan(2_000);
    List<String> wrong = new ArrayList<>();
    for (String w : words) {
      Lexed lx = SqlLexer.lex(w, SqlLexer.Mode.POSTGRES, Limits.DEFAULT);
      if (lx.statements != 1 || !ParserWords.isPlainWord(Stmt.of(lx, 0, ""), 0)) {
        continue;
      }
      CCJSqlParserTokenManager tm =
          new CCJSqlParserTokenManager(new SimpleCharStream(new StringProvider(w)));
      Token t = tm.getNextToken();
      boolean name =
          t.kind == CCJSqlParserConstants.S_IDENTIFIER
              || ParserKeywordsUtils.isNonReservedKeyword(t.kind);
      if (!name || !t.image.equals(w)) {
        wrong.add(w + " -> " + CCJSqlParserConstants.tokenImage[t.kind]);
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static void addWords(Set<String> out, String text) {
    for (String w : text.split("[^A-Za-z0-9_]+")) {
      if (!w.isEmpty() && !Character.isDigit(w.charAt(0))) {
        out.add(w.toLowerCase(Locale.ROOT));
        out.add(w.toUpperCase(Locale.ROOT));
      }
    }
  }

  private static boolean takesTokenPath(String sql) {
    Trace.Recording trace = Trace.recording();
    Analysis out = new Analysis(Limits.DEFAULT, trace);
    new SqlClassifier().classify(sql, Scope.root("sql", Environment.UNKNOWN), out);
    return !String.join("\n", trace.lines()).contains("JSqlParser");
  }
}
