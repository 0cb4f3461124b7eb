package dev.airlock.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads one JSON document (RFC 8259, strictly: no comments, no trailing commas, no single quotes,
 * no {@code NaN}, no leading zeros, no raw control characters in strings) into a {@link Json}
 * value. Duplicate object keys are rejected: two readers of the same document must never see
 * different values. Every bound of {@link JsonLimits} is checked as the text is read, and an error
 * names the line and column.
 *
 * <p>Hand-written rather than built on a general library because it runs at the start of every hook
 * process, where a library's start-up costs more than the parse; jackson-core stays in the tests as
 * the oracle this reader must agree with.
 */
public final class JsonReader {

  private final JsonLimits limits;

  public JsonReader(JsonLimits limits) {
    this.limits = limits;
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
    Cursor c = new Cursor(text, limits);
    c.skipSpace();
    if (c.at >= text.length()) {
      throw new JsonException("empty document: expected a JSON value");
    }
    Json value = c.value(0);
    c.skipSpace();
    if (c.at < text.length()) {
      throw new JsonException(
          "malformed JSON: unexpected content after the JSON value at " + c.where(c.at));
    }
    return value;
  }

  /** One pass over the text. */
  private static final class Cursor {
    private final String s;
    private final JsonLimits limits;
    private int at;

    Cursor(String s, JsonLimits limits) {
      this.s = s;
      this.limits = limits;
    }

    Json value(int depth) throws JsonException {
      if (at >= s.length()) {
        throw malformed("unexpected end of input: expected a value");
      }
      char ch = s.charAt(at);
      return switch (ch) {
        case '{' -> object(depth + 1);
        case '[' -> array(depth + 1);
        case '"' -> new Json.Str(string());
        case 't' -> literal("true", Json.TRUE);
        case 'f' -> literal("false", Json.FALSE);
        case 'n' -> literal("null", Json.NULL);
        default -> {
          if (ch == '-' || (ch >= '0' && ch <= '9')) {
            yield number();
          }
          throw malformed("unexpected character " + show(ch) + ": expected a value");
        }
      };
    }

    private Json object(int depth) throws JsonException {
      nest(depth);
      at++; // {
      LinkedHashMap<String, Json> members = new LinkedHashMap<>();
      skipSpace();
      if (peek() == '}') {
        at++;
        return new Json.Obj(members);
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw malformed("expected a member name in double quotes");
        }
        int nameAt = at;
        String name = string();
        if (!wellFormed(name)) {
          at = nameAt;
          throw malformed("a member name with an unpaired surrogate");
        }
        skipSpace();
        expect(':', "after a member name");
        skipSpace();
        Json v = value(depth);
        if (members.putIfAbsent(name, v) != null) {
          throw new JsonException(
              "malformed JSON: duplicate member name \""
                  + shorten(name)
                  + "\" at "
                  + where(nameAt));
        }
        skipSpace();
        char ch = peek();
        if (ch == ',') {
          at++;
        } else if (ch == '}') {
          at++;
          return new Json.Obj(members);
        } else {
          throw malformed("expected ',' or '}' in an object");
        }
      }
    }

    private Json array(int depth) throws JsonException {
      nest(depth);
      at++; // [
      List<Json> items = new ArrayList<>();
      skipSpace();
      if (peek() == ']') {
        at++;
        return new Json.Arr(items);
      }
      while (true) {
        skipSpace();
        items.add(value(depth));
        skipSpace();
        char ch = peek();
        if (ch == ',') {
          at++;
        } else if (ch == ']') {
          at++;
          return new Json.Arr(items);
        } else {
          throw malformed("expected ',' or ']' in an array");
        }
      }
    }

    private void nest(int depth) throws JsonException {
      if (depth > limits.maxDepth()) {
        throw new JsonException(
            "JSON exceeds a limit: nesting depth over maxDepth="
                + limits.maxDepth()
                + " at "
                + where(at));
      }
    }

    /** A string starting at the opening quote; leaves the cursor after the closing one. */
    private String string() throws JsonException {
      int start = ++at;
      StringBuilder sb = null;
      int runStart = start;
      while (true) {
        if (at >= s.length()) {
          throw malformed("unterminated string");
        }
        char ch = s.charAt(at);
        if (ch == '"') {
          String out;
          if (sb == null) {
            out = s.substring(runStart, at);
          } else {
            sb.append(s, runStart, at);
            out = sb.toString();
          }
          at++;
          if (out.length() > limits.maxStringChars()) {
            throw new JsonException(
                "JSON exceeds a limit: a string of "
                    + out.length()
                    + " characters, over maxStringChars="
                    + limits.maxStringChars());
          }
          return out;
        }
        if (ch < 0x20) {
          throw malformed("control character " + show(ch) + " inside a string: it must be escaped");
        }
        if (ch == '\\') {
          if (sb == null) {
            sb = new StringBuilder(Math.max(16, at - start + 16));
          }
          sb.append(s, runStart, at);
          at++;
          if (at >= s.length()) {
            throw malformed("unterminated escape");
          }
          char e = s.charAt(at);
          switch (e) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
              if (at + 4 >= s.length()) {
                throw malformed("incomplete \\u escape");
              }
              int code = 0;
              for (int k = 1; k <= 4; k++) {
                int d = Character.digit(s.charAt(at + k), 16);
                if (d < 0) {
                  throw malformed("bad hex digit in a \\u escape");
                }
                code = code * 16 + d;
              }
              sb.append((char) code);
              at += 4;
            }
            default -> throw malformed("unknown escape \\" + show(e));
          }
          at++;
          runStart = at;
          continue;
        }
        at++;
      }
    }

    private Json number() throws JsonException {
      int start = at;
      if (peek() == '-') {
        at++;
      }
      if (peek() == '0') {
        at++;
        if (isDigit(peek())) {
          throw malformed("leading zero in a number");
        }
      } else if (isDigit(peek())) {
        while (isDigit(peek())) {
          at++;
        }
      } else {
        throw malformed("expected a digit");
      }
      if (peek() == '.') {
        at++;
        if (!isDigit(peek())) {
          throw malformed("expected a digit after the decimal point");
        }
        while (isDigit(peek())) {
          at++;
        }
      }
      if (peek() == 'e' || peek() == 'E') {
        at++;
        if (peek() == '+' || peek() == '-') {
          at++;
        }
        if (!isDigit(peek())) {
          throw malformed("expected a digit in the exponent");
        }
        while (isDigit(peek())) {
          at++;
        }
      }
      if (at - start > limits.maxNumberChars()) {
        throw new JsonException(
            "JSON exceeds a limit: a number of "
                + (at - start)
                + " characters, over maxNumberChars="
                + limits.maxNumberChars());
      }
      return new Json.Num(s.substring(start, at));
    }

    private Json literal(String word, Json value) throws JsonException {
      if (!s.startsWith(word, at)) {
        throw malformed("unrecognised token: expected " + word);
      }
      at += word.length();
      if (at < s.length() && Character.isLetterOrDigit(s.charAt(at))) {
        throw malformed("unrecognised token after " + word);
      }
      return value;
    }

    void skipSpace() {
      while (at < s.length()) {
        char ch = s.charAt(at);
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
          return;
        }
        at++;
      }
    }

    private char peek() {
      return at < s.length() ? s.charAt(at) : '\0';
    }

    private void expect(char ch, String context) throws JsonException {
      if (peek() != ch) {
        throw malformed("expected '" + ch + "' " + context);
      }
      at++;
    }

    /** Whether every surrogate in the text is half of a pair. */
    private static boolean wellFormed(String text) {
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (Character.isHighSurrogate(ch)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(ch)) {
          return false;
        }
      }
      return true;
    }

    private static boolean isDigit(char ch) {
      return ch >= '0' && ch <= '9';
    }

    private JsonException malformed(String what) {
      return new JsonException("malformed JSON: " + what + " at " + where(at));
    }

    /** {@code line L column C}, both from 1. */
    String where(int offset) {
      int line = 1;
      int lineStart = 0;
      int end = Math.min(offset, s.length());
      for (int i = 0; i < end; i++) {
        if (s.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return "line " + line + " column " + (end - lineStart + 1);
    }

    private static String show(char ch) {
      return ch < 0x20 || ch > 0x7e ? String.format("U+%04X", (int) ch) : "'" + ch + "'";
    }

    private static String shorten(String name) {
      return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
  }
}
