package dev.airlock.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads one JSON document into a {@link Json} value with jackson-core's streaming parser. Duplicate
 * object keys are rejected: two readers of the same document must never see different values.
 */
public final class JsonReader {

  private final JsonFactory factory;
  private final JsonLimits limits;

  public JsonReader(JsonLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxStringLength(limits.maxStringChars())
                    .maxNumberLength(limits.maxNumberChars())
                    .maxDocumentLength(limits.maxDocumentChars())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /** A reader with {@link JsonLimits#DEFAULT}. */
  public static JsonReader standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final JsonReader STANDARD = new JsonReader(JsonLimits.DEFAULT);
  }

  /** Parses exactly one JSON value; trailing content other than whitespace is an error. */
  public Json read(String text) throws JsonException {
    if (text.length() > limits.maxDocumentChars()) {
      throw new JsonException(
          "JSON document is "
              + text.length()
              + " characters, over the limit maxDocumentChars="
              + limits.maxDocumentChars());
    }
    try (JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new JsonException("empty document: expected a JSON value");
      }
      Json value = readValue(p, first);
      if (p.nextToken() != null) {
        throw new JsonException(
            "unexpected content after the JSON value at column "
                + p.currentLocation().getColumnNr());
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new JsonException("JSON exceeds a limit: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new JsonException("malformed JSON: " + firstLine(describe(e)), e);
    }
  }

  private static String describe(IOException e) {
    String m =
        e instanceof com.fasterxml.jackson.core.JacksonException je
            ? je.getOriginalMessage()
            : e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private Json readValue(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> {
        LinkedHashMap<String, Json> members = new LinkedHashMap<>();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          members.put(name, readValue(p, v));
        }
        if (n != JsonToken.END_OBJECT) {
          throw new IOException("unterminated object");
        }
        yield new Json.Obj(members);
      }
      case START_ARRAY -> {
        List<Json> items = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          if (n == null) {
            throw new IOException("unterminated array");
          }
          items.add(readValue(p, n));
        }
        yield new Json.Arr(items);
      }
      case VALUE_STRING -> new Json.Str(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Json.Num(p.getText());
      case VALUE_TRUE -> Json.TRUE;
      case VALUE_FALSE -> Json.FALSE;
      case VALUE_NULL -> Json.NULL;
      default -> throw new IOException("unexpected token " + t);
    };
  }
}
