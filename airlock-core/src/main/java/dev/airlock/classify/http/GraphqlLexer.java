package dev.airlock.classify.http;

import dev.airlock.classify.Limits;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The lexer of {@link GraphqlParser}: turns a GraphQL document into tokens (GraphQL specification,
 * October 2021, section 2.1), one at a time, skipping ignored tokens (white space, line
 * terminators, commas, comments, the byte order mark) and decoding string values.
 *
 * <p>Implementation notes: it is stricter than the specification wherever servers are known to
 * disagree or where being wrong would be costly, and rejects instead of guessing: any character
 * outside ASCII except in strings and the byte order mark, U+2028 and U+2029 anywhere (graphql-java
 * ends comments and lines at them, the specification does not), control characters other than tab,
 * line feed and carriage return, unpaired surrogates, and the {@code \\u} escapes of surrogates and
 * the braced {@code \\u{...}} form, and block strings whose white space graphql-java reads
 * differently from the specification. Whatever it rejects goes to graphql-java's parser (see {@link
 * GraphqlDocument}), so strictness costs time, never a verdict.
 */
final class GraphqlLexer {

  static final int EOF = 0;
  static final int NAME = 1;
  static final int INT = 2;
  static final int FLOAT = 3;
  static final int STRING = 4;
  static final int SPREAD = 5;

  // Punctuators are their own character: ! $ & ( ) : = @ [ ] { | }

  /** Why the lexer or parser stopped: a syntax error, or a bound of {@link Limits} crossed. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient String reason;
    private final transient String limit;

    Rejected(String reason, String limit) {
      super(reason, null, false, false);
      this.reason = reason;
      this.limit = limit;
    }

    /** Why, for a person. */
    String reason() {
      return reason;
    }

    /** The name of the bound crossed, or the empty string for a syntax error. */
    String limit() {
      return limit;
    }
  }

  private final String s;
  private final int n;
  private final long maxTokens;
  private int pos;
  private long tokens;

  /** The current token's kind, start and end. */
  int kind;

  int start;
  int end;

  /** The decoded value of the current string token. */
  String string = "";

  GraphqlLexer(String s, Limits limits) {
    this.s = s;
    this.n = s.length();
    this.maxTokens = limits.maxWords();
  }

  String text() {
    return s.substring(start, end);
  }

  /** Whether the current token is the name {@code word}. */
  boolean isName(String word) {
    return kind == NAME && end - start == word.length() && s.startsWith(word, start);
  }

  Rejected error(String what) {
    return new Rejected(
        "the GraphQL document does not parse (" + what + " at offset " + start + ")", "");
  }

  /** Moves to the next token. */
  void next() {
    skipIgnored();
    start = pos;
    if (pos >= n) {
      kind = EOF;
      end = pos;
      return;
    }
    if (++tokens > maxTokens) {
      throw new Rejected(
          "the GraphQL document has more tokens than limit maxWords (" + maxTokens + ")",
          "maxWords");
    }
    char c = s.charAt(pos);
    if (isNameStart(c)) {
      pos++;
      while (pos < n && isNameContinue(s.charAt(pos))) {
        pos++;
      }
      kind = NAME;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      number();
    } else if (c == '"') {
      if (pos + 2 < n && s.charAt(pos + 1) == '"' && s.charAt(pos + 2) == '"') {
        blockString();
      } else {
        string();
      }
      kind = STRING;
    } else if (c == '.') {
      if (pos + 2 < n && s.charAt(pos + 1) == '.' && s.charAt(pos + 2) == '.') {
        pos += 3;
        kind = SPREAD;
      } else {
        throw error("a lone '.'");
      }
    } else if ("!$&():=@[]{|}".indexOf(c) >= 0) {
      pos++;
      kind = c;
    } else {
      throw error("an unexpected character");
    }
    end = pos;
  }

  private void skipIgnored() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\uFEFF') {
        pos++;
      } else if (c == '#') {
        pos++;
        while (pos < n) {
          char d = s.charAt(pos);
          if (d == '\n' || d == '\r') {
            break;
          }
          if ((d < ' ' && d != '\t') || d > '~') {
            start = pos;
            throw error("a character this parser does not accept in a comment");
          }
          pos++;
        }
      } else {
        return;
      }
    }
  }

  /** IntValue or FloatValue, followed by neither a digit, a dot nor a name start. */
  private void number() {
    int i = pos;
    if (s.charAt(i) == '-') {
      i++;
    }
    if (i >= n || !isDigit(s.charAt(i))) {
      throw error("a '-' without digits");
    }
    if (s.charAt(i) == '0') {
      i++;
    } else {
      i = digits(i);
    }
    boolean isFloat = false;
    if (i < n && s.charAt(i) == '.') {
      isFloat = true;
      int j = digits(i + 1);
      if (j == i + 1) {
        throw error("a fraction without digits");
      }
      i = j;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      isFloat = true;
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int j = digits(i);
      if (j == i) {
        throw error("an exponent without digits");
      }
      i = j;
    }
    if (i < n && (isNameContinue(s.charAt(i)) || s.charAt(i) == '.')) {
      throw error("a number run into a name, a digit or a dot");
    }
    pos = i;
    kind = isFloat ? FLOAT : INT;
  }

  private int digits(int i) {
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private void string() {
    int i = pos + 1;
    StringBuilder sb = null;
    int from = i;
    while (true) {
      if (i >= n) {
        throw error("an unterminated string");
      }
      char c = s.charAt(i);
      if (c == '"') {
        string = sb == null ? s.substring(from, i) : sb.append(s, from, i).toString();
        pos = i + 1;
        return;
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder(i - from + 16);
        }
        sb.append(s, from, i);
        i = escape(i, sb);
        from = i;
        continue;
      }
      checkSource(c, i, false);
      i++;
    }
  }

  /** Appends the escape sequence at {@code i} (a backslash) and returns the offset after it. */
  private int escape(int i, StringBuilder sb) {
    if (i + 1 >= n) {
      throw error("an unterminated string");
    }
    char e = s.charAt(i + 1);
    switch (e) {
      case '"', '\\', '/' -> sb.append(e);
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'u' -> {
        int v = 0;
        for (int k = i + 2; k < i + 6; k++) {
          int h = k < n ? Character.digit(s.charAt(k), 16) : -1;
          if (h < 0 || s.charAt(k) > 'f') {
            throw error("an escape this parser does not accept");
          }
          v = v * 16 + h;
        }
        if (Character.isSurrogate((char) v)) {
          throw error("an escaped surrogate");
        }
        sb.append((char) v);
        return i + 6;
      }
      default -> throw error("an unknown escape");
    }
    return i + 2;
  }

  private void blockString() {
    int i = pos + 3;
    StringBuilder raw = null;
    int from = i;
    while (true) {
      if (i >= n) {
        throw error("an unterminated block string");
      }
      char c = s.charAt(i);
      if (c == '"' && i + 2 < n && s.charAt(i + 1) == '"' && s.charAt(i + 2) == '"') {
        String body = raw == null ? s.substring(from, i) : raw.append(s, from, i).toString();
        String value = blockValue(body);
        if (value == null) {
          throw error("a block string whose white space parsers read differently");
        }
        string = value;
        pos = i + 3;
        return;
      }
      if (c == '\\' && s.startsWith("\"\"\"", i + 1)) {
        if (raw == null) {
          raw = new StringBuilder(i - from + 16);
        }
        raw.append(s, from, i).append("\"\"\"");
        i += 4;
        from = i;
        continue;
      }
      checkSource(c, i, true);
      i++;
    }
  }

  /** Rejects characters the lexer does not accept inside a string. */
  private void checkSource(char c, int i, boolean block) {
    if (c >= ' ' && c <= '~') {
      return;
    }
    boolean ok =
        switch (c) {
          case '\t' -> true;
          case '\n', '\r' -> block;
          case '\u2028', '\u2029' -> false;
          default -> {
            if (c < ' ' || (c >= '\u007f' && c < '\u00a0')) {
              yield false;
            }
            if (Character.isHighSurrogate(c)) {
              yield i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
            }
            if (Character.isLowSurrogate(c)) {
              yield i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            }
            yield true;
          }
        };
    if (!ok) {
      start = i;
      throw error("a character this parser does not accept in a string");
    }
  }

  /**
   * The value of a block string (specification section 2.9.4, BlockStringValue): common indentation
   * removed from every line but the first, leading and trailing blank lines dropped, lines joined
   * with line feeds. Null for the raw text where implementations disagree: carriage returns
   * (graphql-java splits lines at line feeds only) and lines of white space alone between lines of
   * text (graphql-java keeps those no longer than the common indentation).
   */
  static @Nullable String blockValue(String raw) {
    if (raw.indexOf('\r') >= 0) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    int from = 0;
    int len = raw.length();
    for (int i = 0; i <= len; i++) {
      if (i == len || raw.charAt(i) == '\n') {
        lines.add(raw.substring(from, i));
        from = i + 1;
      }
    }
    int first = 0;
    int last = lines.size() - 1;
    while (first <= last && blank(lines.get(first))) {
      first++;
    }
    while (last >= first && blank(lines.get(last))) {
      last--;
    }
    if (first > last) {
      return "";
    }
    int common = Integer.MAX_VALUE;
    for (int k = 1; k < lines.size(); k++) {
      String line = lines.get(k);
      int indent = indent(line);
      if (indent < line.length()) {
        common = Math.min(common, indent);
      } else if (k > first && k < last && !line.isEmpty()) {
        return null;
      }
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int k = first; k <= last; k++) {
      String line = lines.get(k);
      if (k > first) {
        out.append('\n');
      }
      if (k == 0 || common == Integer.MAX_VALUE) {
        out.append(line);
      } else if (line.length() > common) {
        out.append(line, common, line.length());
      }
    }
    return out.toString();
  }

  private static boolean blank(String line) {
    return indent(line) == line.length();
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNameContinue(char c) {
    return isNameStart(c) || isDigit(c);
  }
}
