package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every data-driven HTTP case, one dynamic test each. */
class HttpCasesTest {

  static final List<String> FILES =
      List.of(
          "/dev/airlock/classify/http/graphql-cases.yaml",
          "/dev/airlock/classify/http/rest-cases.yaml",
          "/dev/airlock/classify/http/client-cases.yaml");

  static List<HttpCase> all() {
    List<HttpCase> cases = new ArrayList<>();
    for (String f : FILES) {
      cases.addAll(HttpCase.load(f));
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> httpCases() {
    return all().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> c.check(c.run())));
  }

  @Test
  void cases_areManyAndUniquelyNamed() {
    List<HttpCase> cases = all();
    Set<String> ids = new HashSet<>();
    for (HttpCase c : cases) {
      assertThat(ids.add(c.id())).as("duplicate case id " + c.id()).isTrue();
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(120);
  }
}
