package dev.airlock.classify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the lexer and the classifier, and checks that inputs built to be slow (deep parens,
 * megabyte statements) end with a bounded, held outcome. No exception escapes {@link
 * SqlClassifier#classify}, not even {@link dev.airlock.classify.LimitExceededException}: limits
 * become an unknown {@code sql.limit} finding next to the findings made before them.
 */
class SqlFuzzTest {

  private static final int MB = 1_000_000;

  private static List<Finding> classify(String sql, Trace trace) {
    Analysis out = new Analysis(Limits.DEFAULT, trace);
    new SqlClassifier().classify(sql, Scope.root("sql", Environment.UNKNOWN), out);
    return out.findings();
  }

  @FuzzTest(maxDuration = "2m")
  void classify_fuzzedText_neverThrowsAndStaysInBounds(FuzzedDataProvider data) {
    boolean trace = data.consumeBoolean();
    String sql = data.consumeRemainingAsString();
    List<Finding> findings = classify(sql, trace ? Trace.recording() : Trace.OFF);
    assertThat(findings).isNotEmpty();
    for (Finding f : findings) {
      assertThat(f.evidence().start()).isBetween(0, sql.length());
      assertThat(f.evidence().end()).isBetween(f.evidence().start(), sql.length());
      assertThat(f.evidence().text().length()).isLessThanOrEqualTo(Pass.MAX_EVIDENCE + 40);
    }
  }

  @FuzzTest(maxDuration = "1m")
  void lex_fuzzedText_tokensAndStatementsWellFormed(FuzzedDataProvider data) {
    SqlLexer.Mode mode = data.pickValue(SqlLexer.Mode.values());
    String sql = data.consumeRemainingAsString();
    Lexed lx = SqlLexer.lex(sql, mode, Limits.DEFAULT);
    int last = 0;
    for (int i = 0; i < lx.count; i++) {
      assertThat(lx.start[i]).isGreaterThanOrEqualTo(last);
      assertThat(lx.end[i]).isGreaterThan(lx.start[i]).isLessThanOrEqualTo(sql.length());
      assertThat(lx.depth[i]).isBetween(0, Limits.DEFAULT.maxParseDepth());
      last = lx.end[i];
    }
    int previousEnd = 0;
    for (int s = 0; s < lx.statements; s++) {
      assertThat(lx.stmtFirst[s]).isLessThanOrEqualTo(lx.stmtEnd[s]);
      assertThat(lx.stmtSpanStart[s]).isBetween(previousEnd, lx.stmtSpanEnd[s]);
      assertThat(lx.stmtSpanEnd[s]).isLessThanOrEqualTo(sql.length());
      previousEnd = lx.stmtSpanEnd[s];
    }
  }

  @Test
  void classify_100kNestedParens_heldByTheDepthLimit() {
    List<Finding> f =
        classify("SELECT " + "(".repeat(100_000) + "1" + ")".repeat(100_000), Trace.OFF);
    assertThat(f).extracting(Finding::ruleId).containsExactly("sql.limit");
    assertThat(f.get(0).reason()).contains("maxParseDepth");
  }

  @Test
  void classify_deepButAllowedNesting_skipsTheParserAndStaysHeld() {
    String where = "(".repeat(150) + "a = 1 OR 1 = 1" + ")".repeat(150);
    Finding f = classify("DELETE FROM t WHERE " + where, Trace.OFF).get(0);
    assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
    String fine = "(".repeat(150) + "a = 1" + ")".repeat(150);
    assertThat(classify("DELETE FROM t WHERE " + fine, Trace.OFF).get(0).ruleId())
        .isEqualTo("sql.delete");
  }

  @Test
  void classify_megabyteInputs_endHeldOrRead() {
    assertThat(worst("SELECT '" + "x".repeat(MB - 20) + "'")).isEqualTo(Severity.SAFE);
    assertThat(worst("x".repeat(MB + 1))).isEqualTo(Severity.UNKNOWN);
    assertThat(worst("(".repeat(MB))).isEqualTo(Severity.UNKNOWN);
    assertThat(worst(")".repeat(MB))).isEqualTo(Severity.UNKNOWN);
    assertThat(worst("DELETE FROM t;".repeat(MB / 14))).isEqualTo(Severity.CATASTROPHIC);
    assertThat(worst("DELETE FROM t ".repeat(MB / 14))).isEqualTo(Severity.UNKNOWN);
    assertThat(worst("(DELETE FROM t) ".repeat(MB / 16))).isEqualTo(Severity.UNKNOWN);
    assertThat(worst("/*".repeat(MB / 2))).isEqualTo(Severity.UNKNOWN);
    assertThat(worst("$a$ ".repeat(MB / 4))).isEqualTo(Severity.UNKNOWN);
    assertThat(worst("E'\\'".repeat(MB / 4))).isEqualTo(Severity.UNKNOWN);
    assertThat(worst("DO $$ " + "DELETE FROM t; ".repeat(MB / 16) + " $$"))
        .isEqualTo(Severity.CATASTROPHIC);
    assertThat(worst("SELECT 1; DROP TABLE x; -- c\n".repeat(MB / 30)))
        .isEqualTo(Severity.CATASTROPHIC);
  }

  private static Severity worst(String sql) {
    Severity s = Severity.SAFE;
    for (Finding f : classify(sql, Trace.OFF)) {
      s = Severity.worst(s, f.severity());
    }
    return s;
  }
}
