package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.Limits;
import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import dev.airlock.testing.Corpus;
import graphql.parser.ParserOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * graphql-java as the oracle for {@link GraphqlParser}: whatever the hand parser accepts,
 * graphql-java must accept too and read into the same tree (operations, variables, fields, aliases,
 * arguments, directives, values, fragments and each field's offset). Also gathers every GraphQL
 * document the corpora and test cases hold.
 */
final class GraphqlOracle {

  private static final ParserOptions OPTIONS = GraphqlJava.options(Limits.DEFAULT);

  private GraphqlOracle() {}

  /** What the two parsers made of one document. */
  enum Outcome {
    /** Both parsed it, into the same tree. */
    SAME,
    /** The hand parser rejected it; graphql-java parsed it (the fallback reads it). */
    FALLBACK,
    /** Both rejected it. */
    BOTH_REJECT
  }

  /** The hand parser's tree, or null if it rejected the text. */
  static GraphqlAst.@Nullable Document hand(String doc) {
    try {
      return GraphqlParser.parse(doc, Limits.DEFAULT);
    } catch (GraphqlLexer.Rejected e) {
      return null;
    }
  }

  /** Why the hand parser rejects the text, or null if it accepts it. */
  static @Nullable String rejection(String doc) {
    try {
      GraphqlParser.parse(doc, Limits.DEFAULT);
      return null;
    } catch (GraphqlLexer.Rejected e) {
      return e.reason();
    }
  }

  /** Compares the two parsers on one document; fails if the hand parser accepts and differs. */
  static Outcome compare(String doc) {
    GraphqlAst.Document mine = hand(doc);
    GraphqlAst.Document theirs = GraphqlJava.parse(doc, OPTIONS, Limits.DEFAULT).document();
    if (mine != null) {
      assertThat(theirs)
          .as("graphql-java rejects what the hand parser accepts: %s", doc)
          .isNotNull();
      assertThat(mine).as("the trees differ for: %s", doc).isEqualTo(theirs);
      return Outcome.SAME;
    }
    return theirs != null ? Outcome.FALLBACK : Outcome.BOTH_REJECT;
  }

  /**
   * Every GraphQL document in the shared and own corpora and in the test cases: strings that start
   * like a document, and the {@code query} members of JSON bodies wherever they are embedded.
   */
  static List<String> corpusDocuments() {
    Set<String> out = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>(Corpus.ownFiles());
    files.add(Corpus.starterFile());
    JsonReader json = JsonReader.standard();
    try {
      for (Path f : files) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            walk(json.read(line), out, json);
          }
        }
      }
      Path res = Corpus.root().resolve("airlock-core/src/test/resources");
      try (Stream<Path> s = Files.walk(res)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
          Load load = new Load(LoadSettings.builder().build());
          for (Object o : load.loadAllFromString(Files.readString(f))) {
            walkYaml(o, out, json);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JsonException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(out);
  }

  private static void walkYaml(@Nullable Object o, Set<String> out, JsonReader json) {
    switch (o) {
      case String s -> strings(s, out, json);
      case Map<?, ?> m -> m.values().forEach(v -> walkYaml(v, out, json));
      case List<?> l -> l.forEach(v -> walkYaml(v, out, json));
      case null, default -> {}
    }
  }

  private static void walk(Json j, Set<String> out, JsonReader json) {
    switch (j) {
      case Json.Str(String s) -> strings(s, out, json);
      case Json.Obj o -> o.members().values().forEach(v -> walk(v, out, json));
      case Json.Arr a -> a.items().forEach(v -> walk(v, out, json));
      default -> {}
    }
  }

  private static void strings(String s, Set<String> out, JsonReader json) {
    if (GraphqlText.looksLikeDocument(s)) {
      out.add(s);
    }
    String t = s.strip();
    if ((t.startsWith("{") || t.startsWith("[")) && !GraphqlText.looksLikeDocument(t)) {
      try {
        walk(json.read(t), out, json);
        return;
      } catch (JsonException e) {
        // not JSON: look for embedded bodies below
      }
    }
    for (int at = s.indexOf("\"query\""); at >= 0; at = s.indexOf("\"query\"", at + 1)) {
      int q = s.indexOf('"', s.indexOf(':', at + 7) + 1);
      int end = q < 0 ? -1 : stringEnd(s, q);
      if (end > q) {
        try {
          if (json.read(s.substring(q, end)) instanceof Json.Str(String doc)) {
            out.add(doc);
          }
        } catch (JsonException e) {
          // not a JSON string literal
        }
      }
    }
  }

  private static int stringEnd(String s, int q) {
    for (int i = q + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }
}
