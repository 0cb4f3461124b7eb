package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.Access;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The rule packs' case files ({@code shell/packs/*.cases}), one test per case. A case line is
 * {@code <severity> <rule-id prefix or -> [read|write] | <command>}: the worst severity the packs
 * report for the command (safe when they report nothing), a prefix of the rule id of a finding with
 * that severity, and optionally its access. The command is one simple command read by {@link
 * Words}; {@code #} starts a comment line.
 */
class PackCasesTest {

  record Case(String file, int line, Severity severity, String rule, String access, String cmd) {}

  @TestFactory
  Stream<DynamicTest> packCases_eachCaseMeetsItsExpectation() {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(c.file() + ":" + c.line() + " " + c.cmd(), () -> check(c)));
  }

  private static void check(Case c) {
    RecordingContext ctx = RecordingContext.classify(c.cmd());
    List<Finding> findings = ctx.findings();
    String report = describe(findings) + "\ncalls: " + ctx.calls();
    assertThat(ctx.worst()).as(report).isEqualTo(c.severity());
    for (Finding f : findings) {
      assertThat(f.ruleId()).as(report).matches("shell\\.[a-z]+\\.[a-z0-9-]+");
      assertThat(f.reason()).as(report).isNotBlank();
      assertThat(f.evidence().end()).as(report).isLessThanOrEqualTo(c.cmd().length());
    }
    if (c.rule().equals("-")) {
      return;
    }
    List<Finding> matching =
        findings.stream()
            .filter(f -> f.severity() == c.severity() && f.ruleId().startsWith(c.rule()))
            .toList();
    assertThat(matching).as(report).isNotEmpty();
    if (!c.access().isEmpty()) {
      assertThat(matching)
          .as(report)
          .anyMatch(f -> f.access() == Objects.requireNonNull(Access.parse(c.access())));
    }
  }

  static String describe(List<Finding> findings) {
    StringBuilder sb = new StringBuilder("findings:");
    for (Finding f : findings) {
      sb.append("\n  ")
          .append(f.severity().id())
          .append(' ')
          .append(f.ruleId())
          .append(' ')
          .append(f.access().id())
          .append(" [")
          .append(f.resource())
          .append("] ")
          .append(f.reason())
          .append(" @")
          .append(f.evidence().start())
          .append('-')
          .append(f.evidence().end())
          .append(' ')
          .append(f.evidence().text());
    }
    return sb.toString();
  }

  static List<Case> cases() {
    URL dir = PackCasesTest.class.getResource("/shell/packs");
    if (dir == null) {
      throw new IllegalStateException("no shell/packs test resources");
    }
    List<Case> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".cases")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String l = lines.get(i).strip();
          if (l.isEmpty() || l.startsWith("#")) {
            continue;
          }
          out.add(parse(f.getFileName().toString(), i + 1, l));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static Case parse(String file, int line, String l) {
    int bar = l.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException(file + ":" + line + ": no | in " + l);
    }
    String[] head = l.substring(0, bar).trim().split("\\s+");
    Severity s = Severity.parse(head[0]);
    if (s == null || head.length < 2) {
      throw new IllegalArgumentException(file + ":" + line + ": bad expectation in " + l);
    }
    String access = head.length > 2 ? head[2] : "";
    return new Case(file, line, s, head[1], access, l.substring(bar + 1).strip());
  }
}
