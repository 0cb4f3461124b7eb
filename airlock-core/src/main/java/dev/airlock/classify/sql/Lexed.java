package dev.airlock.classify.sql;

import dev.airlock.classify.LimitExceededException;
import org.jspecify.annotations.Nullable;

/**
 * SQL text cut into tokens and statements by {@link SqlLexer}: parallel arrays of token type, span,
 * parenthesis depth and keyword id, and the token range and text span of every statement.
 */
final class Lexed {

  // Token types.
  static final byte WORD = 1;
  static final byte QIDENT = 2;
  static final byte STRING = 3;
  static final byte DOLLAR = 4;
  static final byte NUMBER = 5;
  static final byte PARAM = 6;
  static final byte LPAREN = 7;
  static final byte RPAREN = 8;
  static final byte COMMA = 9;
  static final byte DOT = 10;
  static final byte OP = 11;
  static final byte META = 12;

  // Token flags.
  static final byte SPACE_BEFORE = 1;
  static final byte BACKSLASH_ESCAPES = 2;
  static final byte Q_QUOTE = 4;
  static final byte UNCLOSED = 8;

  // Statement flags.
  static final byte UNTERMINATED = 1;
  static final byte GARBAGE = 2;

  final String text;
  final SqlLexer.Mode mode;

  int count;
  byte[] type = new byte[32];
  byte[] flags = new byte[32];
  int[] start = new int[32];
  int[] end = new int[32];
  int[] depth = new int[32];
  short[] kw = new short[32];

  int statements;
  int[] stmtFirst = new int[4];
  int[] stmtEnd = new int[4];
  int[] stmtSpanStart = new int[4];
  int[] stmtSpanEnd = new int[4];
  byte[] stmtFlags = new byte[4];

  /** Whether the text holds constructs other SQL dialects read differently. */
  boolean divergent;

  /** Hints at the dialect, a bit set of {@link SqlLexer} HINT_ constants. */
  int hints;

  /** The bound the lexer stopped at, if any; statements before it are complete. */
  @Nullable LimitExceededException limit;

  Lexed(String text, SqlLexer.Mode mode) {
    this.text = text;
    this.mode = mode;
  }

  void add(byte t, int s, int e, int d, int k, byte f) {
    if (count == type.length) {
      int n = count * 2;
      type = java.util.Arrays.copyOf(type, n);
      flags = java.util.Arrays.copyOf(flags, n);
      start = java.util.Arrays.copyOf(start, n);
      end = java.util.Arrays.copyOf(end, n);
      depth = java.util.Arrays.copyOf(depth, n);
      kw = java.util.Arrays.copyOf(kw, n);
    }
    type[count] = t;
    start[count] = s;
    end[count] = e;
    depth[count] = d;
    kw[count] = (short) k;
    flags[count] = f;
    count++;
  }

  void addStatement(int first, int endToken, int spanStart, int spanEnd, byte f) {
    if (statements == stmtFirst.length) {
      int n = statements * 2;
      stmtFirst = java.util.Arrays.copyOf(stmtFirst, n);
      stmtEnd = java.util.Arrays.copyOf(stmtEnd, n);
      stmtSpanStart = java.util.Arrays.copyOf(stmtSpanStart, n);
      stmtSpanEnd = java.util.Arrays.copyOf(stmtSpanEnd, n);
      stmtFlags = java.util.Arrays.copyOf(stmtFlags, n);
    }
    stmtFirst[statements] = first;
    stmtEnd[statements] = endToken;
    stmtSpanStart[statements] = spanStart;
    stmtSpanEnd[statements] = spanEnd;
    stmtFlags[statements] = f;
    statements++;
  }

  /** The keyword id of token i, or {@link Kw#NONE} (also for tokens that are not words). */
  int kw(int i) {
    return kw[i];
  }

  boolean is(int i, int keyword) {
    return kw[i] == keyword;
  }

  /** The source text of token i. */
  String text(int i) {
    return text.substring(start[i], end[i]);
  }

  /** Whether token i is a name: an unquoted word or a quoted identifier. */
  boolean isName(int i) {
    return type[i] == WORD || type[i] == QIDENT;
  }

  /** Whether token i is a string literal of any quoting. */
  boolean isString(int i) {
    return type[i] == STRING || type[i] == DOLLAR;
  }

  /** The name token i spells, without its quotes. */
  String name(int i) {
    if (type[i] != QIDENT) {
      return text(i);
    }
    int s = start[i];
    int e = end[i];
    char open = text.charAt(s);
    char close = open == '[' ? ']' : open;
    if (e - s < 2) {
      return "";
    }
    String inner = text.substring(s + 1, e - 1);
    String doubled = String.valueOf(close) + close;
    return inner.indexOf(doubled) >= 0 ? inner.replace(doubled, String.valueOf(close)) : inner;
  }

  /** Where the content of string token i starts in the text. */
  int contentStart(int i) {
    int s = start[i];
    if (type[i] == DOLLAR) {
      return text.indexOf('$', s + 1) + 1;
    }
    while (s < end[i] && text.charAt(s) != '\'' && text.charAt(s) != '"') {
      s++;
    }
    return Math.min(s + ((flags[i] & Q_QUOTE) != 0 ? 2 : 1), end[i]);
  }

  /** Where the content of string token i ends in the text. */
  int contentEnd(int i) {
    int cs = contentStart(i);
    int trailer = type[i] == DOLLAR ? cs - start[i] : (flags[i] & Q_QUOTE) != 0 ? 2 : 1;
    if ((flags[i] & UNCLOSED) != 0) {
      trailer = 0;
    }
    return Math.max(cs, end[i] - trailer);
  }

  /** Whether the value of string token i is exactly its content in the text (no escapes). */
  boolean verbatim(int i) {
    if (type[i] == DOLLAR || (flags[i] & Q_QUOTE) != 0) {
      return true;
    }
    int s = contentStart(i);
    int e = contentEnd(i);
    char quote = text.charAt(s - 1);
    boolean backslash = (flags[i] & BACKSLASH_ESCAPES) != 0;
    for (int p = s; p < e; p++) {
      char c = text.charAt(p);
      if (c == quote || (backslash && c == '\\')) {
        return false;
      }
    }
    return true;
  }

  /** The value of string token i: its content with quote doubling and escapes resolved. */
  String stringValue(int i) {
    int s = contentStart(i);
    int e = contentEnd(i);
    if (verbatim(i)) {
      return text.substring(s, e);
    }
    char quote = text.charAt(s - 1);
    boolean backslash = (flags[i] & BACKSLASH_ESCAPES) != 0;
    StringBuilder b = new StringBuilder(e - s);
    for (int p = s; p < e; p++) {
      char c = text.charAt(p);
      if (c == quote && p + 1 < e && text.charAt(p + 1) == quote) {
        b.append(c);
        p++;
      } else if (backslash && c == '\\' && p + 1 < e) {
        char n = text.charAt(++p);
        b.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case '0' -> '\0';
              case 'b' -> '\b';
              default -> n;
            });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The index of the token after the paren group that starts at LPAREN token i. */
  int skipGroup(int i, int limit) {
    int d = depth[i];
    int j = i + 1;
    while (j < limit && !(type[j] == RPAREN && depth[j] == d)) {
      j++;
    }
    return Math.min(limit, j + 1);
  }
}
