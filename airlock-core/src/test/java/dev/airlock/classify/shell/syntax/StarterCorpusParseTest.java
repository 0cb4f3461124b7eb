package dev.airlock.classify.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.Limits;
import dev.airlock.json.Json;
import dev.airlock.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every shell input of the shared starter corpus parses without syntax errors. */
class StarterCorpusParseTest {

  @TestFactory
  Stream<DynamicTest> parse_starterCorpusShellInput_hasNoErrors() throws Exception {
    String shared = System.getProperty("airlock.shared");
    assertThat(shared)
        .as("system property airlock.shared (Maven sets it to the shared checkout, ../shared)")
        .isNotBlank();
    Path file = Path.of(shared, "corpus", "starter.jsonl");
    assertThat(file).as("the starter corpus").isRegularFile();
    List<String[]> cases = shellCases(file);
    assertThat(cases).as("shell cases in " + file).hasSizeGreaterThan(100);
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0],
                    () -> {
                      Script script = ShellParser.parse(c[1], Limits.DEFAULT);
                      assertThat(script.errors()).as(c[1]).isEmpty();
                      assertThat(script.body()).as(c[1]).isNotEmpty();
                      SpanCheck.check(script);
                    }));
  }

  private static List<String[]> shellCases(Path file) throws IOException {
    JsonReader reader = JsonReader.standard();
    List<String[]> cases = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Json.Obj obj;
      try {
        obj = (Json.Obj) reader.read(line);
      } catch (Exception e) {
        throw new AssertionError("unreadable corpus line: " + line, e);
      }
      String input = obj.string("input");
      if ("shell".equals(obj.string("kind")) && input != null) {
        cases.add(new String[] {String.valueOf(obj.string("id")), input});
      }
    }
    return cases;
  }
}
