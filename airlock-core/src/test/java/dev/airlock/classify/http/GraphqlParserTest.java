package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.classify.Limits;
import dev.airlock.classify.http.GraphqlAst.Argument;
import dev.airlock.classify.http.GraphqlAst.Field;
import dev.airlock.classify.http.GraphqlAst.OperationType;
import dev.airlock.json.JsonLimits;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written GraphQL parser against graphql-java (the oracle) on every document of the
 * corpora and test cases, and on the corners of the grammar: block strings, escapes, numbers, the
 * query shorthand, keywords used as names, limits, and what it refuses so that graphql-java
 * decides.
 */
class GraphqlParserTest {

  @Test
  void corpusDocuments_parseLikeGraphqlJava() {
    List<String> docs = GraphqlOracle.corpusDocuments();
    Map<GraphqlOracle.Outcome, Integer> counts = new EnumMap<>(GraphqlOracle.Outcome.class);
    StringBuilder fallbacks = new StringBuilder();
    for (String doc : docs) {
      GraphqlOracle.Outcome o = GraphqlOracle.compare(doc);
      counts.merge(o, 1, Integer::sum);
      if (o == GraphqlOracle.Outcome.FALLBACK) {
        fallbacks.append("\n  ").append(doc);
      }
    }
    System.out.println("GraphQL corpus documents: " + docs.size() + " " + counts + fallbacks);
    assertThat(docs.size()).isGreaterThan(150);
    // The fast path must be the common path: only documents outside the executable grammar (type
    // definitions) fall back to graphql-java.
    assertThat(counts.getOrDefault(GraphqlOracle.Outcome.FALLBACK, 0)).isLessThanOrEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{ a }",
        "query { a }",
        "query Q($id: ID! = \"x\", $n: [[Int!]]! @d(x: 1)) @op { a(id: $id) }",
        "mutation { a: volumeDelete(volumeId: \"v\") @skip(if: false) { id } }",
        "mutation M { ...F ... on Mutation { b } ... @include(if: true) { c } }"
            + " fragment F on Mutation @f { d }",
        "subscription { s }",
        "{ query mutation subscription fragment on true_: on }",
        "{ a(x: [1, -0, 12, 1.5, -0.0, 1e3, 1E+3, 2.5e-3, true, false, null, ENUM, {}, [], {a: {b: [1]}}]) }",
        "{ a(s: \"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u0041 é 😀\") }",
        "{ a(s: \"\"\"\n    first\n      indented\n\n    last\n  \"\"\") }",
        "{ a(s: \"\"\"  one line  \"\"\") }",
        "{ a(s: \"\"\"escaped \\\"\"\" quote and \\n kept\"\"\") }",
        "{ a(s: \"\"\"\"\"\") }",
        "{ a(s: \"\"\"\n  \t\n \"\"\") }",
        "{ a(s: \"\"\"\n    text\n  \"\"\") }",
        "\uFEFF# comment\n{ a, b,,, c }",
        "query($v: Int = 3) { a(x: $v) } mutation { b }",
      })
  void gallery_parsesLikeGraphqlJava(String doc) {
    assertThat(GraphqlOracle.compare(doc)).isEqualTo(GraphqlOracle.Outcome.SAME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   # only a comment",
        "type Query { a: Int }",
        "{ a(x: 1a) }",
        "{ a(x: 01) }",
        "{ a(x: 1.) }",
        "{ a(x: .5) }",
        "{ a(x: 1e) }",
        "{ a(x: \"unterminated) }",
        "{ a(x: \"bad \\q escape\") }",
        "{ a(x: \"\\ud83d\\ude00\") }",
        "{ a(s: \"\"\"\r\n  crlf\r  cr\n  lf\r\n\"\"\") }",
        "{ a(x: \"\\u{1F600}\") }",
        "{ a } # \u2028 mutation { volumeDelete(volumeId: \"v\") }",
        "{ a(x: \"line\u2028sep\") }",
        "{ a(x: \"ctl\u0001\") }",
        "{ a(x: \"\ud800\") }",
        "{ ... on { a } }",
        "fragment on on T { a }",
        "query ($x: Int = $y) { a }",
        "{ a .. b }",
        "{ }",
        "{ a(x: 1)(y: 2) }",
      })
  void outsideTheGrammarOrUnsure_isRejected(String doc) {
    assertThat(GraphqlOracle.hand(doc)).isNull();
    GraphqlOracle.compare(doc);
  }

  @Test
  void fieldOffsets_pointAtTheAliasOrName() {
    String doc =
        "mutation {\n  x: volumeDelete(volumeId: \"v\")  y: projectDelete(id: \"é😀\") z: a }";
    GraphqlAst.Document d = GraphqlParser.parse(doc, Limits.DEFAULT);
    assertThat(d.operations().getFirst().type()).isEqualTo(OperationType.MUTATION);
    List<GraphqlAst.Selection> sel = d.operations().getFirst().selections();
    Field f = (Field) sel.getFirst();
    assertThat(doc.substring(f.offset())).startsWith("x: volumeDelete");
    assertThat(doc.substring(((Field) sel.getLast()).offset())).startsWith("z: a");
    assertThat(GraphqlOracle.compare(doc)).isEqualTo(GraphqlOracle.Outcome.SAME);
    assertThat(f.arguments())
        .containsExactly(new Argument("volumeId", new GraphqlAst.StringValue("v")));
  }

  @Test
  void deepNesting_isALimitNotAFallback() {
    Limits tight = new Limits(10_000, 20, 500, 4, 16, 3, new JsonLimits(10_000, 8, 5_000, 20));
    assertThatThrownBy(
            () -> GraphqlParser.parse("{ a " + "{ b ".repeat(30) + "}".repeat(31), tight))
        .isInstanceOfSatisfying(
            GraphqlLexer.Rejected.class, e -> assertThat(e.limit()).isEqualTo("maxParseDepth"));
    assertThatThrownBy(
            () -> GraphqlParser.parse("{ a(x: " + "[".repeat(30) + "]".repeat(30) + ") }", tight))
        .isInstanceOfSatisfying(
            GraphqlLexer.Rejected.class, e -> assertThat(e.limit()).isEqualTo("maxParseDepth"));
    assertThatThrownBy(() -> GraphqlParser.parse("{ a(x: [" + "1 ".repeat(600) + "]) }", tight))
        .isInstanceOfSatisfying(
            GraphqlLexer.Rejected.class, e -> assertThat(e.limit()).isEqualTo("maxWords"));
    assertThatThrownBy(() -> GraphqlParser.parse("{ a }" + " ".repeat(10_000), tight))
        .isInstanceOfSatisfying(
            GraphqlLexer.Rejected.class, e -> assertThat(e.limit()).isEqualTo("maxInputChars"));
  }

  @Test
  void documentTheHandParserRejects_isReadByGraphqlJava() {
    GraphqlDocument d =
        GraphqlDocument.parse(
            "type Query { a: Int }\nmutation { volumeDelete(volumeId: \"v\") }",
            GraphqlJava.options(Limits.DEFAULT),
            Limits.DEFAULT);
    assertThat(d.fallback()).isNotNull();
    assertThat(d.failure()).isNull();
    GraphqlDocument.Walk w = d.walk(Limits.DEFAULT);
    assertThat(w.mutations()).extracting(m -> m.field().name()).containsExactly("volumeDelete");
  }

  @Test
  void documentBothReject_failsWithGraphqlJavasReason() {
    GraphqlDocument d =
        GraphqlDocument.parse(
            "mutation { volumeDelete(volumeId: \"v\" }",
            GraphqlJava.options(Limits.DEFAULT),
            Limits.DEFAULT);
    assertThat(d.failure())
        .isNotNull()
        .extracting(GraphqlDocument.Failure::reason)
        .asString()
        .contains("does not parse");
  }
}
