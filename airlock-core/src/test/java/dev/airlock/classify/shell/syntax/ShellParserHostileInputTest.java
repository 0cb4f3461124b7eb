package dev.airlock.classify.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Pathological inputs complete with a definite outcome: a tree (with or without errors) or a bound
 * exceeded. The timeout only guards against a hang; it is not a performance check.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShellParserHostileInputTest {

  private static final int MB = 1 << 20;

  /** How a hostile input must end: parsed cleanly, parsed with errors, or a named bound. */
  private record Hostile(String name, Supplier<String> source, String outcome) {}

  private static Stream<Hostile> inputs() {
    return Stream.of(
        new Hostile("100k open parentheses", () -> "(".repeat(100_000), "errors"),
        new Hostile("100k spaced subshells", () -> "( ".repeat(100_000), "maxParseDepth"),
        new Hostile("100k command substitutions", () -> "$(".repeat(100_000), "maxParseDepth"),
        new Hostile("200k backslashes", () -> "\\".repeat(200_000), "ok"),
        new Hostile("200k+1 backslashes", () -> "\\".repeat(200_001), "ok"),
        new Hostile("50k heredoc markers", () -> "cat" + " <<A".repeat(50_000) + "\n", "maxWords"),
        new Hostile("30k heredoc markers", () -> "cat" + " <<A".repeat(30_000) + "\n", "errors"),
        new Hostile("1 MB of single quotes", () -> "'".repeat(MB), "maxWords"),
        new Hostile("1 MB of double quotes", () -> "\"".repeat(MB), "maxWords"),
        new Hostile("1 MB of backquotes", () -> "`".repeat(MB), "maxWords"),
        new Hostile("1 MB of $((", () -> "$((".repeat(MB / 3), "maxParseDepth"),
        new Hostile("1 MB of ${", () -> "${".repeat(MB / 2), "maxParseDepth"),
        new Hostile("1 MB of ((", () -> "((".repeat(MB / 2), "errors"),
        new Hostile("1 MB of ))", () -> "))".repeat(MB / 2), "maxWords"),
        new Hostile("1 MB of \"$(", () -> "\"$(".repeat(MB / 3), "maxParseDepth"),
        new Hostile("1 MB of <(", () -> "<(".repeat(MB / 2), "maxParseDepth"),
        new Hostile("1 MB of a=(", () -> "a=(".repeat(MB / 3), "maxParseDepth"),
        new Hostile("1 MB of *(", () -> "*(".repeat(MB / 2), "maxParseDepth"),
        new Hostile("100k groups", () -> "{ ".repeat(100_000), "maxParseDepth"),
        new Hostile("100k ifs", () -> "if ".repeat(100_000), "maxParseDepth"),
        new Hostile("1 MB pipeline", () -> "a|".repeat(MB / 2), "maxWords"),
        new Hostile("1 MB of semicolons", () -> ";".repeat(MB), "maxWords"),
        new Hostile("1 MB of newlines", () -> "\n".repeat(MB), "ok"),
        new Hostile("1 MB word", () -> "x".repeat(MB), "ok"),
        new Hostile("1 MB of brackets", () -> "[".repeat(MB), "ok"),
        new Hostile("1 MB of [[", () -> "[[ ".repeat(MB / 3), "maxWords"),
        new Hostile("1 MB of escaped backquotes", () -> "`\\`".repeat(MB / 3), "maxWords"),
        new Hostile(
            "1 MB heredoc body", () -> "cat <<EOF\n" + "text\n".repeat(MB / 5) + "EOF\n", "ok"),
        new Hostile("1 MB of NUL", () -> "\0".repeat(MB), "ok"),
        new Hostile(
            "1 MB word with many =",
            () -> "echo " + "a".repeat(MB / 2) + ".=".repeat(MB / 4),
            "ok"),
        new Hostile(
            "nested ${ around a large operand",
            () -> "echo " + "${x:-".repeat(150) + "y".repeat(MB / 2) + "}".repeat(150),
            "maxInputChars"),
        new Hostile(
            "nested $(( around a large expression",
            () -> "echo " + "$(( ".repeat(150) + "1".repeat(MB / 2) + " ))".repeat(150),
            "maxInputChars"));
  }

  @TestFactory
  Stream<DynamicTest> parse_hostileInput_endsWithTheExpectedOutcome() {
    return inputs()
        .map(
            h ->
                DynamicTest.dynamicTest(
                    h.name(),
                    () -> {
                      String outcome;
                      try {
                        Script script = ShellParser.parse(h.source().get(), Limits.DEFAULT);
                        SpanCheck.check(script);
                        outcome = script.ok() ? "ok" : "errors";
                      } catch (LimitExceededException e) {
                        outcome = e.limit();
                      }
                      assertThat(outcome).isEqualTo(h.outcome());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> parse_hostileInputUnderTightLimits_endsWithinThem() {
    Limits tight = new Limits(MB, 8, 300, 12, 256, 1_000, Limits.DEFAULT.json());
    return inputs()
        .map(
            h ->
                DynamicTest.dynamicTest(
                    h.name(),
                    () -> {
                      try {
                        SpanCheck.check(ShellParser.parse(h.source().get(), tight));
                      } catch (LimitExceededException e) {
                        assertThat(e.limit()).isIn("maxParseDepth", "maxWords", "maxInputChars");
                      }
                    }));
  }
}
