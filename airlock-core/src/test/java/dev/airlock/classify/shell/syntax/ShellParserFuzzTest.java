package dev.airlock.classify.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the shell parser. Under plain {@code mvn test} it runs on the seed inputs in {@code
 * ShellParserFuzzTestInputs/parse_fuzzedInput_neverThrowsAndSpansAreSane}; with {@code
 * JAZZER_FUZZ=1} it fuzzes.
 */
class ShellParserFuzzTest {

  private static final Limits SMALL =
      new Limits(1_000_000, 24, 2_000, 12, 256, 1_000, Limits.DEFAULT.json());

  @FuzzTest(maxDuration = "30s")
  void parse_fuzzedInput_neverThrowsAndSpansAreSane(byte[] data) {
    String source = new String(data, StandardCharsets.UTF_8);
    for (Limits limits : new Limits[] {Limits.DEFAULT, SMALL}) {
      Script script;
      try {
        script = ShellParser.parse(source, limits);
      } catch (LimitExceededException e) {
        assertThat(e.limit()).isIn("maxParseDepth", "maxWords");
        continue;
      }
      SpanCheck.check(script);
    }
  }
}
