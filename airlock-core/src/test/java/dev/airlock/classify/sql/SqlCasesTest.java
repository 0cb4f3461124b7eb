package dev.airlock.classify.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every case of {@code sql/cases.txt} through the SQL classifier. */
class SqlCasesTest {

  private static final String CASES = "/sql/cases.txt";

  @TestFactory
  Stream<DynamicTest> cases_eachLine_worstFindingAsExpected() throws IOException {
    return SqlCase.load(CASES).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    (c.gap() ? "[known gap] " : "") + "line " + c.line() + ": " + shorten(c.sql()),
                    () -> check(c)));
  }

  private static void check(SqlCase c) {
    SqlCase.Outcome o = SqlCase.classify(c.sql());
    if (c.gap()) {
      assertThat(c.matches(o))
          .as(
              "known gap at line %d now behaves as wished (%s); move it out of the gaps",
              c.line(), c.expected())
          .isFalse();
      return;
    }
    assertThat(c.matches(o))
        .as("line %d: %s%nexpected %s, got:%s", c.line(), c.sql(), c.expected(), o.describe())
        .isTrue();
  }

  @Test
  void casesFile_isLargeAndCoversEverySeverity() throws IOException {
    List<SqlCase> cases = SqlCase.load(CASES);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
    assertThat(cases.stream().map(SqlCase::severity).distinct()).hasSize(4);
  }

  private static String shorten(String sql) {
    String s = sql.replace("\n", "\\n").replace("\t", "\\t").replace("\0", "\\0");
    return s.length() > 90 ? s.substring(0, 87) + "..." : s;
  }
}
