package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.rules.PackHarness.Nested;
import dev.airlock.classify.shell.rules.PackHarness.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The data, container, Kubernetes and GitHub rule packs against the cases in {@code
 * src/test/resources/shell/packs/data/*.cases}.
 *
 * <p>One case per line: {@code COMMAND => EXPECT [RULE-PREFIX] [| KEY=VALUE]...}. {@code EXPECT} is
 * the worst severity of the pack's own findings ({@code safe}, {@code destructive}, {@code
 * catastrophic}, {@code unknown}) or {@code handoff} when the pack only hands content on. Keys:
 * {@code declared=ENV} (the caller's environment, default unknown), {@code env=ENV} (the
 * environment of the worst finding, and of every handoff), {@code sql=}, {@code cmd=}, {@code
 * shell=}, {@code http=} (a handoff with exactly this text; {@code http} by prefix), {@code via~},
 * {@code resource~}, {@code reason~} (contains), {@code read} (the worst finding only reads),
 * {@code nested=N}, {@code stdin=KIND:TEXT} ({@code \n} for new lines).
 */
class DataPackCasesTest {

  record Case(String file, int line, String command, String expect) {}

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    try {
      Path dir = Path.of(DataPackCasesTest.class.getResource("/shell/packs/data").toURI());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".cases")).sorted().toList()) {
          List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
              continue;
            }
            int arrow = l.lastIndexOf(" => ");
            if (arrow < 0) {
              throw new IllegalStateException(f.getFileName() + ":" + (i + 1) + ": no ' => '");
            }
            out.add(
                new Case(
                    f.getFileName().toString(),
                    i + 1,
                    l.substring(0, arrow),
                    l.substring(arrow + 4)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Test
  void caseFiles_holdEnoughCases() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(200);
  }

  @TestFactory
  Stream<DynamicTest> packs_judgeEveryCaseAsExpected() {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.file() + ":" + c.line() + " " + c.command(), () -> check(c)));
  }

  private static Finding need(@Nullable Finding f, String desc) {
    if (f == null) {
      throw new AssertionError("expected a finding of the pack's own\n" + desc);
    }
    return f;
  }

  private static void check(Case c) {
    String[] items = c.expect().split(" \\| ");
    String[] head = items[0].strip().split(" ", 2);
    Environment declared = Environment.UNKNOWN;
    Invocation.Input input = null;
    for (String item : items) {
      if (item.startsWith("declared=")) {
        declared = Environment.parse(item.substring(9));
      } else if (item.startsWith("stdin=")) {
        String spec = item.substring(6);
        int colon = spec.indexOf(':');
        input =
            PackHarness.input(
                spec.substring(0, colon), spec.substring(colon + 1).replace("\\n", "\n"));
      }
    }
    Invocation inv = PackHarness.invocation(c.command(), input);
    Result r = PackHarness.run(inv, declared);
    String desc = "findings " + r.findings() + "\nnested " + r.nested();
    Finding worst = r.worstFinding();
    String expect = head[0].toLowerCase(Locale.ROOT);
    if (expect.equals("handoff")) {
      assertThat(r.findings()).as(desc).isEmpty();
      assertThat(r.nested()).as(desc).isNotEmpty();
    } else {
      Finding w = need(worst, desc);
      assertThat(w.severity()).as(desc).isEqualTo(Severity.parse(expect));
      if (head.length > 1) {
        String prefix = head[1].strip();
        assertThat(r.findings())
            .as(desc)
            .anySatisfy(
                f -> {
                  assertThat(f.severity()).isEqualTo(w.severity());
                  assertThat(f.ruleId()).startsWith(prefix);
                });
      }
    }
    for (int k = 1; k < items.length; k++) {
      String item = items[k].strip();
      int eq = item.indexOf('=');
      int tilde = item.indexOf('~');
      int sep = eq < 0 ? tilde : tilde < 0 ? eq : Math.min(eq, tilde);
      String key = sep < 0 ? item : item.substring(0, sep);
      String value = sep < 0 ? "" : item.substring(sep + 1).replace("\\n", "\n");
      switch (key) {
        case "declared", "stdin" -> {}
        case "env" -> {
          Environment e = Environment.parse(value);
          if (value.equals("unknown")) {
            e = Environment.UNKNOWN;
          }
          if (worst != null) {
            assertThat(worst.environment()).as(desc).isEqualTo(e);
          }
          for (Nested n : r.nested()) {
            assertThat(n.env()).as(desc).isEqualTo(e);
          }
        }
        case "sql", "cmd", "shell" -> {
          String kind = key.equals("cmd") ? "command" : key;
          assertThat(r.nested())
              .as(desc)
              .anySatisfy(
                  n -> {
                    assertThat(n.kind()).isEqualTo(kind);
                    assertThat(n.text()).isEqualTo(value);
                  });
        }
        case "http" ->
            assertThat(r.nested())
                .as(desc)
                .anySatisfy(
                    n -> {
                      assertThat(n.kind()).isEqualTo("http");
                      assertThat(n.text()).startsWith(value);
                    });
        case "via" ->
            assertThat(r.nested()).as(desc).anySatisfy(n -> assertThat(n.via()).contains(value));
        case "resource" -> assertThat(need(worst, desc).resource()).as(desc).contains(value);
        case "reason" -> assertThat(need(worst, desc).reason()).as(desc).contains(value);
        case "read" -> assertThat(need(worst, desc).access()).as(desc).isEqualTo(Access.READ);
        case "nested" -> assertThat(r.nested()).as(desc).hasSize(Integer.parseInt(value));
        default ->
            throw new IllegalStateException(c.file() + ":" + c.line() + ": unknown key " + key);
      }
    }
  }
}
