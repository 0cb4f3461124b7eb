package dev.airlock.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.airlock.testing.Corpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Airlock's JSON reader agrees with jackson-core (strict settings, duplicate detection, the same
 * limits) on what is JSON and what it says: over generated documents, over every corpus line, and
 * over those documents cut and mutated into almost-JSON.
 */
class JsonReaderDifferentialProperties {

  private static final JsonLimits LIMITS = new JsonLimits(100_000, 16, 50_000, 40);
  private static final JsonReader OURS = new JsonReader(LIMITS);
  private static final JsonFactory JACKSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(LIMITS.maxDepth())
                  .maxStringLength(LIMITS.maxStringChars())
                  .maxNumberLength(LIMITS.maxNumberChars())
                  .maxDocumentLength(LIMITS.maxDocumentChars())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** Jackson's reading as our value model, or null when Jackson rejects the text. */
  static @Nullable Json jackson(String text) {
    try (JsonParser p = JACKSON.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      Json v = value(p, first);
      return p.nextToken() == null ? v : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Json value(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> {
        LinkedHashMap<String, Json> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          m.put(name, value(p, p.nextToken()));
        }
        yield new Json.Obj(m);
      }
      case START_ARRAY -> {
        List<Json> items = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(value(p, n));
        }
        yield new Json.Arr(items);
      }
      case VALUE_STRING -> new Json.Str(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Json.Num(p.getText());
      case VALUE_TRUE -> Json.TRUE;
      case VALUE_FALSE -> Json.FALSE;
      case VALUE_NULL -> Json.NULL;
      default -> throw new IOException("unexpected " + t);
    };
  }

  static @Nullable Json ours(String text) {
    try {
      return OURS.read(text);
    } catch (JsonException e) {
      return null;
    }
  }

  static void agree(String text) {
    Json j = jackson(text);
    Json o = ours(text);
    assertThat(o)
        .as("reading %s", text.length() > 300 ? text.substring(0, 300) + "…" : text)
        .isEqualTo(j);
  }

  @Property(tries = 3000)
  void generatedDocuments_readTheSame(@ForAll("documents") String text) {
    agree(text);
  }

  @Property(tries = 5000)
  void mutatedDocuments_areAcceptedOrRejectedTheSame(
      @ForAll("documents") String text,
      @ForAll("edits") String edit,
      @ForAll("positions") double where) {
    int at = (int) (where * text.length());
    agree(text.substring(0, at) + edit + text.substring(at));
    agree(text.substring(0, at));
  }

  @Test
  void everyCorpusLine_readsTheSame() {
    List<Corpus.Case> cases = new ArrayList<>(Corpus.starter());
    cases.addAll(Corpus.own());
    for (Corpus.Case c : cases) {
      agree(c.line());
    }
  }

  @Test
  void edgeCases_readTheSame() {
    for (String t :
        List.of(
            "0",
            "-0",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "1E-7",
            "-0.0e0",
            "1.5e308",
            "\"\\u00e9\"",
            "\"\\ud800\"",
            "\"\\uDFFF\\uD800\"",
            "\"\\x\"",
            "\"\t\"",
            "\"a\u0000b\"",
            "tru",
            "truex",
            "nul",
            "[1,]",
            "{\"a\":1,}",
            "{,}",
            "[,1]",
            "{\"a\"1}",
            "{a:1}",
            "'a'",
            "NaN",
            "Infinity",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            " \r\n\t[ ] ",
            "\u00a0[]",
            "{\"a\":{\"a\":1}}",
            "{\"\":1,\"\":2}",
            "[".repeat(16) + "]".repeat(16),
            "[".repeat(17) + "]".repeat(17),
            "\"" + "x".repeat(50_001) + "\"",
            "1" + "0".repeat(40),
            "1" + "0".repeat(41),
            "/* c */ 1",
            "1 // c",
            "[\"\\/\"]",
            "\ufeff{}",
            "{}\u0000",
            "\"\\u12\"",
            "\"\\u12G4\"")) agree(t);
  }

  @Provide
  Arbitrary<String> documents() {
    return value(4);
  }

  private Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.of(
                "true",
                "false",
                "null",
                "0",
                "-1",
                "3.25",
                "1e9",
                "-0.5E-3",
                "12345678901234567890"),
            Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('é', '\u2028', '\ud83d', '\n', '\t', '"', '\\')
                .ofMaxLength(12)
                .map(JsonReaderDifferentialProperties::quote));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> array =
        value(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object =
        Combinators.combine(
                Arbitraries.strings()
                    .alpha()
                    .ofMaxLength(3)
                    .map(JsonReaderDifferentialProperties::quote),
                value(depth - 1))
            .as((k, v) -> k + ":" + v)
            .list()
            .ofMaxSize(4)
            .map(members -> "{" + String.join(",", members) + "}");
    return Arbitraries.oneOf(scalar, array, object);
  }

  @Provide
  Arbitrary<String> edits() {
    return Arbitraries.of(
        "",
        ",",
        ":",
        "{",
        "}",
        "[",
        "]",
        "\"",
        "\\",
        "\\u",
        "\\uD83D",
        "-",
        "0",
        "00",
        ".",
        "e",
        "true",
        "nul",
        " ",
        "\n",
        "\u0001",
        "/",
        "/*",
        "'",
        "NaN",
        "\"a\":1",
        "{\"a\":1,\"a\":2}");
  }

  @Provide
  Arbitrary<Double> positions() {
    return Arbitraries.doubles().between(0, 1);
  }

  private static String quote(String s) {
    return JsonWriter.write(Json.of(s));
  }
}
