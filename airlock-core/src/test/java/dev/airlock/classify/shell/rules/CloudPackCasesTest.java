package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cloud packs' case files, one test per case.
 *
 * <p>{@code shell/packs/cloud/{iac,aws,cloud,platform}.cases}: {@code <severity> <rule-id prefix or
 * -> [read|write] [environment] | <command>}. The worst severity the packs report (safe when they
 * report nothing), and a finding of that severity whose rule id starts with the prefix, with that
 * access and that detected environment when given.
 *
 * <p>{@code shell/packs/cloud/cloud.nested}: {@code <shell|command|sql> <environment> | <text> |
 * <command>}: the pack hands exactly that text on, with that detected environment.
 */
class CloudPackCasesTest {

  private static final List<String> CASE_FILES =
      List.of("iac.cases", "aws.cases", "cloud.cases", "platform.cases");

  record Case(String file, int line, String head, String text, String cmd) {}

  @TestFactory
  Stream<DynamicTest> cloudPackCases_eachMeetsItsExpectation() {
    List<Case> cases = new ArrayList<>();
    for (String f : CASE_FILES) {
      cases.addAll(read(f, 2));
    }
    cases.addAll(read("cloud.nested", 3));
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.file() + ":" + c.line() + " " + c.cmd(),
                    () -> {
                      if (c.file().endsWith(".nested")) {
                        checkNested(c);
                      } else {
                        check(c);
                      }
                    }));
  }

  @org.junit.jupiter.api.Test
  void caseFiles_holdAtLeastTwoHundredCases() {
    int n = 0;
    for (String f : CASE_FILES) {
      n += read(f, 2).size();
    }
    assertThat(n + read("cloud.nested", 3).size()).isGreaterThanOrEqualTo(200);
  }

  private static void check(Case c) {
    String[] head = c.head().split("\\s+");
    Severity severity = Objects.requireNonNull(Severity.parse(head[0]), c.head());
    String rule = head[1];
    Access access = head.length > 2 ? Objects.requireNonNull(Access.parse(head[2])) : null;
    Environment env = head.length > 3 ? Environment.parse(head[3]) : null;
    CloudTestContext ctx = CloudTestContext.classify(c.cmd());
    List<Finding> findings = ctx.findings();
    String report = describe(findings) + "\nnested: " + ctx.nested();
    assertThat(ctx.worst()).as(report).isEqualTo(severity);
    for (Finding f : findings) {
      assertThat(f.ruleId()).as(report).startsWith("shell.");
      assertThat(f.reason()).as(report).isNotBlank().doesNotContain("{}").doesNotContain("null");
      assertThat(f.evidence().end()).as(report).isLessThanOrEqualTo(c.cmd().length());
      if (f.access() == Access.READ) {
        assertThat(f.severity()).as(report).isEqualTo(Severity.SAFE);
      }
    }
    if (rule.equals("-")) {
      return;
    }
    List<Finding> matching =
        findings.stream()
            .filter(f -> f.severity() == severity && f.ruleId().startsWith(rule))
            .toList();
    assertThat(matching).as(report).isNotEmpty();
    if (access != null) {
      assertThat(matching).as(report).anyMatch(f -> f.access() == access);
    }
    if (env != null) {
      assertThat(matching).as(report).anyMatch(f -> f.environment() == env);
    }
  }

  private static void checkNested(Case c) {
    String[] head = c.head().split("\\s+");
    CloudTestContext ctx = CloudTestContext.classify(c.cmd());
    String report = describe(ctx.findings()) + "\nnested: " + ctx.nested();
    assertThat(ctx.nested())
        .as(report)
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(head[0]);
              assertThat(n.text()).isEqualTo(c.text());
              assertThat(n.detected()).isEqualTo(Environment.parse(head[1]));
            });
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
          .append(' ')
          .append(f.environment().id())
          .append(" [")
          .append(f.resource())
          .append("] ")
          .append(f.reason())
          .append(" @")
          .append(f.evidence().start())
          .append('-')
          .append(f.evidence().end());
    }
    return sb.toString();
  }

  /** Reads a case file: {@code fields} is how many {@code |}-separated parts a line has. */
  static List<Case> read(String file, int fields) {
    List<Case> out = new ArrayList<>();
    try (InputStream in =
        CloudPackCasesTest.class.getResourceAsStream("/shell/packs/cloud/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource shell/packs/cloud/" + file);
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i].strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int bar = l.indexOf(" | ");
        if (bar < 0) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": no | in " + l);
        }
        String head = l.substring(0, bar).strip().toLowerCase(Locale.ROOT);
        String rest = l.substring(bar + 3).strip();
        String text = "";
        if (fields == 3) {
          int second = rest.indexOf(" | ");
          text = rest.substring(0, second).strip();
          rest = rest.substring(second + 3).strip();
        }
        out.add(new Case(file, i + 1, head, text, rest));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
