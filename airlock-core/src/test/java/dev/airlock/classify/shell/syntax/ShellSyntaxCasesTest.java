package dev.airlock.classify.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the syntax cases of {@code shell-syntax-cases.txt}: input and expected tree dump. */
class ShellSyntaxCasesTest {

  record Case(String name, String input, String expected) {}

  @TestFactory
  Stream<DynamicTest> parse_case_yieldsExpectedTree() throws IOException {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      Script script = ShellParser.parse(c.input(), Limits.DEFAULT);
                      assertThat(TreeDump.dump(script)).as(c.input()).isEqualTo(c.expected());
                      SpanCheck.check(script);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> parse_caseWithoutErrorMarker_isOk() throws IOException {
    return cases().stream()
        .filter(c -> !c.expected().contains("!err@"))
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () ->
                        assertThat(ShellParser.parse(c.input(), Limits.DEFAULT).errors())
                            .isEmpty()));
  }

  static List<Case> cases() throws IOException {
    String text;
    try (InputStream in =
        Objects.requireNonNull(
            ShellSyntaxCasesTest.class.getResourceAsStream("shell-syntax-cases.txt"),
            "shell-syntax-cases.txt is missing from the test resources")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      if (!lines[i].startsWith("=== ")) {
        i++;
        continue;
      }
      String name = lines[i++].substring(4);
      List<String> input = new ArrayList<>();
      while (!lines[i].equals("---")) {
        input.add(lines[i++]);
      }
      i++;
      StringBuilder expected = new StringBuilder();
      while (i < lines.length && !lines[i].isEmpty() && !lines[i].startsWith("=== ")) {
        if (!expected.isEmpty()) {
          expected.append(' ');
        }
        expected.append(lines[i++].strip());
      }
      String source = String.join("\n", input).replace("<TAB>", "\t").replace("<NUL>", "\0");
      cases.add(new Case(name, source, expected.toString()));
    }
    assertThat(cases).as("cases read").hasSizeGreaterThan(50);
    return cases;
  }
}
