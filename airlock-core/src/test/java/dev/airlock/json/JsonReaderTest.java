package dev.airlock.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonReaderTest {

  private final JsonReader reader = new JsonReader(new JsonLimits(10_000, 8, 1_000, 20));

  @Test
  void read_objectKeepsOrderAndValues() throws JsonException {
    Json j = reader.read("{\"b\":1,\"a\":[true,null,\"x\"],\"c\":{\"d\":1.5e3}}");
    assertThat(JsonWriter.write(j))
        .isEqualTo("{\"b\":1,\"a\":[true,null,\"x\"],\"c\":{\"d\":1.5e3}}");
  }

  @Test
  void read_duplicateKeys_areRejected() {
    assertThatThrownBy(() -> reader.read("{\"a\":1,\"a\":2}"))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void read_tooDeep_namesTheLimit() {
    assertThatThrownBy(() -> reader.read("[".repeat(50) + "]".repeat(50)))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void read_tooLong_namesTheLimit() {
    assertThatThrownBy(() -> reader.read("\"" + "x".repeat(20_000) + "\""))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("maxDocumentChars");
  }

  @Test
  void read_trailingGarbage_isRejected() {
    assertThatThrownBy(() -> reader.read("{} {}")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> reader.read(""))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> reader.read("{bad")).isInstanceOf(JsonException.class);
  }

  @Test
  void writer_escapesControlAndSeparators() {
    String s = JsonWriter.write(Json.of("a\"b\\c\n\u0001\u2028\ud800"));
    assertThat(s).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\\u2028\\ud800\"");
  }
}
