package dev.airlock.classify.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the hand-written GraphQL parser against graphql-java: whatever the text, the hand parser
 * rejects it or reads it exactly as graphql-java does, and throws nothing else. {@code
 * JAZZER_FUZZ=1} fuzzes for real; otherwise the seeds run as a regression test.
 */
class GraphqlParserFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void anyDocument_isRejectedOrParsedLikeGraphqlJava(FuzzedDataProvider data) {
    GraphqlOracle.compare(data.consumeRemainingAsString());
  }
}
