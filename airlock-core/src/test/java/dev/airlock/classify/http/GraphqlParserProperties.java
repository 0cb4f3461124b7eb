package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated documents through both parsers: every valid document the generator writes is read by
 * the hand parser exactly as graphql-java reads it (or, for block strings whose white space
 * graphql-java reads against the specification, left to graphql-java); every near miss the hand
 * parser accepts, graphql-java accepts and reads the same way; and the hand parser never throws
 * anything but its rejection.
 */
class GraphqlParserProperties {

  @Property(tries = 3000)
  void generatedDocument_parsesLikeGraphqlJava(@ForAll long seed) {
    String doc = new GraphqlDocGen(seed).document();
    GraphqlOracle.Outcome o = GraphqlOracle.compare(doc);
    String why = GraphqlOracle.rejection(doc);
    Statistics.label("generated").collect(o);
    // The one place the hand parser refuses valid text on purpose: block strings whose white space
    // graphql-java reads against the specification go to graphql-java.
    if (o != GraphqlOracle.Outcome.SAME) {
      assertThat(why).as(doc).contains("white space parsers read differently");
      assertThat(o).as(doc).isEqualTo(GraphqlOracle.Outcome.FALLBACK);
    }
  }

  @Property(tries = 3000)
  void mangledDocument_isRejectedOrParsedLikeGraphqlJava(@ForAll long seed) {
    Statistics.label("mangled").collect(GraphqlOracle.compare(new GraphqlDocGen(seed).mangled()));
  }

  @Property(tries = 2000)
  void anyText_isParsedLikeGraphqlJavaOrRejected(@ForAll String text) {
    Statistics.label("text").collect(GraphqlOracle.compare(text));
  }
}
