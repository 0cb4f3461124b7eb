package dev.airlock.install;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSON document parsed with the position of every value, so that text can be spliced in and out
 * without touching any other byte. Strict JSON (RFC 8259) plus, when asked, {@code //} and {@code
 * /* *\/} comments (JSONC, as Gemini CLI reads its settings). Duplicate member names are refused: a
 * file whose meaning depends on which duplicate a runtime keeps is not safe to edit.
 */
final class JsonSpans {

  /** Deepest nesting accepted; settings files are shallow. */
  static final int MAX_DEPTH = 100;

  /** A parsed value and where it sits in the text: [start, end). */
  sealed interface Node permits Obj, Arr, Scalar {
    int start();

    int end();
  }

  /** An object member: the key's span and the value. */
  record Member(String key, int keyStart, Node value) {}

  /** An object with its members in document order. */
  record Obj(int start, int end, List<Member> members) implements Node {
    @Nullable Member member(String key) {
      for (Member m : members) {
        if (m.key().equals(key)) {
          return m;
        }
      }
      return null;
    }
  }

  /** An array with its elements in document order. */
  record Arr(int start, int end, List<Node> elements) implements Node {}

  /** A string, number, true, false or null; {@code string} is the decoded value of a string. */
  record Scalar(int start, int end, @Nullable String string) implements Node {}

  /** Why a text is not a JSON document we will edit, with the 1-based line and column. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    SyntaxError(String message, int line, int column) {
      super(message + " at line " + line + ", column " + column);
      this.line = line;
      this.column = column;
    }
  }

  private final String text;
  private final boolean comments;
  private int pos;

  private JsonSpans(String text, boolean comments) {
    this.text = text;
    this.comments = comments;
  }

  /** Parses a whole document; a leading byte-order mark is skipped, trailing text is an error. */
  static Node parse(String text, boolean allowComments) throws SyntaxError {
    JsonSpans p = new JsonSpans(text, allowComments);
    if (text.startsWith("\uFEFF")) {
      p.pos = 1;
    }
    p.skipSpace();
    Node root = p.value(0);
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected text after the JSON value");
    }
    return root;
  }

  /** The end of the whitespace and comments that start at {@code from}. */
  static int skipSpace(String text, int from, boolean allowComments) {
    JsonSpans p = new JsonSpans(text, allowComments);
    p.pos = from;
    try {
      p.skipSpace();
    } catch (SyntaxError e) {
      return from;
    }
    return p.pos;
  }

  private Node value(int depth) throws SyntaxError {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    if (pos >= text.length()) {
      throw error("unexpected end of file");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> {
        int s = pos;
        String v = string();
        yield new Scalar(s, pos, v);
      }
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character '" + printable(c) + "'");
      }
    };
  }

  private Obj object(int depth) throws SyntaxError {
    int start = pos++;
    List<Member> members = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return new Obj(start, pos, members);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a member name in double quotes");
      }
      int keyStart = pos;
      String key = string();
      if (!seen.add(key)) {
        pos = keyStart;
        throw error("duplicate member \"" + key + "\"");
      }
      skipSpace();
      expect(':');
      skipSpace();
      members.add(new Member(key, keyStart, value(depth + 1)));
      skipSpace();
      char c = peek();
      pos++;
      if (c == '}') {
        return new Obj(start, pos, members);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private Arr array(int depth) throws SyntaxError {
    int start = pos++;
    List<Node> elements = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return new Arr(start, pos, elements);
    }
    while (true) {
      skipSpace();
      elements.add(value(depth + 1));
      skipSpace();
      char c = peek();
      pos++;
      if (c == ']') {
        return new Arr(start, pos, elements);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() throws SyntaxError {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character in a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short \\u escape");
          }
          int cp = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
              pos--;
              throw error("bad \\u escape");
            }
            cp = cp * 16 + d;
          }
          sb.append((char) cp);
        }
        default -> {
          pos--;
          throw error("bad escape '\\" + printable(e) + "'");
        }
      }
    }
  }

  private Scalar number() throws SyntaxError {
    int s = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("bad number");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("bad number");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("bad number");
      }
      digits();
    }
    return new Scalar(s, pos, null);
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Scalar literal(String word) throws SyntaxError {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected word");
    }
    int s = pos;
    pos += word.length();
    return new Scalar(s, pos, null);
  }

  private void expect(char c) throws SyntaxError {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() throws SyntaxError {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else if (c == '/' && pos + 1 < text.length()) {
        char n = text.charAt(pos + 1);
        if (!comments) {
          throw error("comments are not allowed in this file (it must be plain JSON)");
        }
        if (n == '/') {
          while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
          }
        } else if (n == '*') {
          int close = text.indexOf("*/", pos + 2);
          if (close < 0) {
            throw error("unterminated comment");
          }
          pos = close + 2;
        } else {
          return;
        }
      } else {
        return;
      }
    }
  }

  private SyntaxError error(String message) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new SyntaxError(message, line, col);
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}
