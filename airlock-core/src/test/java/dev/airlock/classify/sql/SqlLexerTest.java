package dev.airlock.classify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import dev.airlock.json.JsonLimits;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

  private static Lexed pg(String sql) {
    return SqlLexer.lex(sql, SqlLexer.Mode.POSTGRES, Limits.DEFAULT);
  }

  private static String limit(Lexed lx) {
    LimitExceededException e = lx.limit;
    return e == null ? "" : e.limit();
  }

  private static List<String> statements(Lexed lx) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lx.statements; i++) {
      out.add(lx.text.substring(lx.stmtSpanStart[i], lx.stmtSpanEnd[i]));
    }
    return out;
  }

  @Test
  void lex_topLevelSemicolons_splitStatementsWithSpans() {
    Lexed lx = pg("SELECT 1;  DROP TABLE x ;");
    assertThat(statements(lx)).containsExactly("SELECT 1", "DROP TABLE x");
    assertThat(lx.stmtSpanStart[1]).isEqualTo(11);
  }

  @Test
  void lex_semicolonsInsideLiteralsAndComments_doNotSplit() {
    assertThat(statements(pg("SELECT ';' AS a, \"x;y\" FROM t"))).hasSize(1);
    assertThat(statements(pg("SELECT $tag$ ; $$ ; $tag$"))).hasSize(1);
    assertThat(statements(pg("SELECT 1 /* ; /* ; */ ; */ + 1"))).hasSize(1);
    assertThat(statements(pg("SELECT 1 -- ; \n + 1"))).hasSize(1);
    assertThat(statements(pg("SELECT E'\\'; x'"))).hasSize(1);
  }

  @Test
  void lex_commentsOnlyOrEmpty_noStatements() {
    assertThat(pg("").statements).isZero();
    assertThat(pg(" -- a\n/* b */ ;; ").statements).isZero();
  }

  @Test
  void lex_keywords_caseInsensitiveOutsideLiterals() {
    Lexed lx = pg("dRoP tAbLe 'drop' \"drop\"");
    assertThat(lx.kw(0)).isEqualTo(Kw.DROP);
    assertThat(lx.kw(1)).isEqualTo(Kw.TABLE);
    assertThat(lx.type[2]).isEqualTo(Lexed.STRING);
    assertThat(lx.type[3]).isEqualTo(Lexed.QIDENT);
    assertThat(lx.kw(2)).isEqualTo(Kw.NONE);
  }

  @Test
  void lex_postgresConstructsOtherDialectsReadDifferently_markDivergence() {
    assertThat(pg("SELECT 'a\\'; DROP TABLE t; --'").divergent).isTrue();
    assertThat(pg("SELECT 1 --x").divergent).isTrue();
    assertThat(pg("SELECT $$;$$").divergent).isTrue();
    assertThat(pg("SELECT 1 /* /* */ */").divergent).isTrue();
    assertThat(pg("SELECT [a b]").divergent).isTrue();
    assertThat(pg("SELECT q'[x]'").divergent).isTrue();
    assertThat(pg("SELECT 'plain', \"ident\" FROM t -- comment").divergent).isFalse();
  }

  @Test
  void lex_plainBracketNameWhereANameGoes_noDivergence() {
    assertThat(pg("DROP TABLE [dbo].[Order Details]").divergent).isFalse();
    assertThat(pg("UPDATE [dbo].[Customers] SET [Email] = NULL").divergent).isFalse();
    assertThat(pg("SELECT * FROM [Sales].[Orders] o JOIN [Lines] l ON l.id = o.id").divergent)
        .isFalse();
    assertThat(pg("INSERT INTO [Log] (a) VALUES (1)").divergent).isFalse();
    assertThat(pg("DROP DATABASE IF EXISTS [Shop]").divergent).isFalse();
  }

  @Test
  void lex_bracketThatOtherReadingsCouldReadDifferently_marksDivergence() {
    // Not where a name goes, or not a plain name, or a write keyword inside.
    assertThat(pg("SELECT [drop table users]").divergent).isTrue();
    assertThat(pg("DELETE FROM [Delete]").divergent).isTrue();
    assertThat(pg("DROP TABLE [a;b]").divergent).isTrue();
    assertThat(pg("DROP TABLE [a'b]").divergent).isTrue();
    assertThat(pg("SELECT x[1] FROM t").divergent).isTrue();
    // Another construct still marks the text, whatever its brackets.
    assertThat(pg("SELECT * FROM [t] WHERE a = 'a\\'; DROP TABLE t; --'").divergent).isTrue();
  }

  @Test
  void lex_mysqlMode_readsBackslashEscapesHashCommentsAndExecutableComments() {
    Lexed my = SqlLexer.lex("SELECT 'a\\'; DROP TABLE t; --'", SqlLexer.Mode.MYSQL, Limits.DEFAULT);
    assertThat(my.statements).isEqualTo(1);
    Lexed hash = SqlLexer.lex("SELECT 1 # ; DROP\n", SqlLexer.Mode.MYSQL, Limits.DEFAULT);
    assertThat(statements(hash)).containsExactly("SELECT 1");
    Lexed dash = SqlLexer.lex("SELECT 1 --; DROP TABLE x", SqlLexer.Mode.MYSQL, Limits.DEFAULT);
    assertThat(statements(dash)).containsExactly("SELECT 1 --", "DROP TABLE x");
    Lexed exec =
        SqlLexer.lex("SELECT 1 /*!50000 ; DROP TABLE x */", SqlLexer.Mode.MYSQL, Limits.DEFAULT);
    assertThat(statements(exec)).containsExactly("SELECT 1", "DROP TABLE x");
  }

  @Test
  void lex_bracketMode_readsBracketIdentifiersAndQQuotes() {
    Lexed br = SqlLexer.lex("SELECT [it's] ; DROP TABLE x", SqlLexer.Mode.BRACKET, Limits.DEFAULT);
    assertThat(statements(br)).containsExactly("SELECT [it's]", "DROP TABLE x");
    Lexed q =
        SqlLexer.lex("SELECT q'[it's; here]' FROM dual", SqlLexer.Mode.BRACKET, Limits.DEFAULT);
    assertThat(q.statements).isEqualTo(1);
    assertThat(q.stringValue(1)).isEqualTo("it's; here");
  }

  @Test
  void lex_stringValues_resolveDoublingAndEscapes() {
    Lexed lx = pg("SELECT 'it''s', E'a\\nb', $x$raw'$x$");
    assertThat(lx.stringValue(1)).isEqualTo("it's");
    assertThat(lx.verbatim(1)).isFalse();
    assertThat(lx.stringValue(3)).isEqualTo("a\nb");
    assertThat(lx.stringValue(5)).isEqualTo("raw'");
    assertThat(lx.verbatim(5)).isTrue();
    assertThat(lx.text.substring(lx.contentStart(5), lx.contentEnd(5))).isEqualTo("raw'");
  }

  @Test
  void lex_clientCommandsDelimiterAndGo_separateStatements() {
    assertThat(statements(pg("SELECT 1\n\\dt\nSELECT 2")))
        .containsExactly("SELECT 1", "\\dt", "SELECT 2");
    assertThat(statements(pg("DELIMITER //\nSELECT 1; SELECT 2 //\nDELIMITER ;\nSELECT 3;")))
        .containsExactly("SELECT 1; SELECT 2", "SELECT 3");
    assertThat(statements(pg("SELECT 1\nGO\nSELECT 2\ngo 3\n")))
        .containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void lex_brokenInput_marksStatements() {
    assertThat(pg("SELECT 'abc").stmtFlags[0] & Lexed.UNTERMINATED).isNotZero();
    assertThat(pg("SELECT 1 /* x").stmtFlags[0] & Lexed.UNTERMINATED).isNotZero();
    assertThat(pg("SELECT \u0001").stmtFlags[0] & Lexed.GARBAGE).isNotZero();
  }

  @Test
  void lex_parenDepth_trackedAndBoundedKeepingEarlierStatements() {
    Lexed lx = pg("SELECT (1); SELECT " + "(".repeat(500));
    assertThat(limit(lx)).isEqualTo("maxParseDepth");
    assertThat(statements(lx)).containsExactly("SELECT (1)");
    Lexed ok = pg("SELECT ((a)) + (b)");
    assertThat(ok.depth[1]).isEqualTo(0);
    assertThat(ok.depth[3]).isEqualTo(2);
    assertThat(ok.skipGroup(1, ok.count)).isEqualTo(6);
  }

  @Test
  void lex_statementAndTokenCounts_bounded() {
    assertThat(limit(pg("SELECT 1;".repeat(1_001)))).isEqualTo("maxStatements");
    Limits few = new Limits(1_000_000, 200, 10, 12, 256, 1_000, JsonLimits.DEFAULT);
    Lexed lx = SqlLexer.lex("SELECT a, b, c, d, e, f FROM t", SqlLexer.Mode.POSTGRES, few);
    assertThat(limit(lx)).isEqualTo("maxWords");
  }

  @Test
  void keywords_everyNamedIdMatchesItsSpelling() throws IllegalAccessException {
    int named = 0;
    for (Field f : Kw.class.getDeclaredFields()) {
      if (f.getType() != int.class
          || !Modifier.isStatic(f.getModifiers())
          || f.getName().equals("NONE")
          || f.getName().equals("COUNT")) {
        continue;
      }
      int id = f.getInt(null);
      assertThat(Kw.name(id)).isEqualTo(f.getName());
      String lower = f.getName().toLowerCase(java.util.Locale.ROOT);
      assertThat(Kw.lookup(lower, 0, lower.length())).isEqualTo(id);
      named++;
    }
    assertThat(named).isGreaterThan(150);
    assertThat(Kw.lookup("dropx", 0, 5)).isEqualTo(Kw.NONE);
  }
}
