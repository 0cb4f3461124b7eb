package dev.airlock.classify.http;

/**
 * Character-level facts about GraphQL text that need no parse: whether text starts like a GraphQL
 * document, how deeply its braces nest, where a field's source text ends, and where a parser's line
 * and column fall. Strings, block strings and comments are skipped the way the lexer skips them.
 */
final class GraphqlText {

  private GraphqlText() {}

  /**
   * Whether the text starts like an executable GraphQL document: after whitespace, commas and
   * comments, an opening brace or one of the keywords {@code query}, {@code mutation}, {@code
   * subscription}, {@code fragment}.
   */
  static boolean looksLikeDocument(String s) {
    int i = skipIgnored(s, 0);
    if (i >= s.length()) {
      return false;
    }
    if (s.charAt(i) == '{') {
      return true;
    }
    return keywordAt(s, i, "query")
        || keywordAt(s, i, "mutation")
        || keywordAt(s, i, "subscription")
        || keywordAt(s, i, "fragment");
  }

  /** Whether the keyword starts at {@code i} and is not part of a longer name. */
  static boolean keywordAt(String s, int i, String kw) {
    return s.startsWith(kw, i)
        && (i + kw.length() >= s.length() || !isName(s.charAt(i + kw.length())));
  }

  /** Whether the word {@code mutation} appears anywhere (a cheap test before parsing). */
  static boolean mayMutate(String s) {
    return s.contains("mutation");
  }

  /** The deepest nesting of braces, brackets and parentheses outside strings and comments. */
  static int depth(String s) {
    int d = 0;
    int max = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '"') {
        i = skipString(s, i);
        continue;
      }
      if (c == '#') {
        i = skipComment(s, i);
        continue;
      }
      if (c == '{' || c == '(' || c == '[') {
        d++;
        if (d > max) {
          max = d;
        }
      } else if ((c == '}' || c == ')' || c == ']') && d > 0) {
        d--;
      }
      i++;
    }
    return max;
  }

  /**
   * The end of a field's head: from its start (alias or name), past the name, an optional alias and
   * the argument list, not including directives or the selection set.
   */
  static int fieldEnd(String s, int start) {
    int n = s.length();
    int i = skipName(s, start);
    int j = skipIgnored(s, i);
    if (j < n && s.charAt(j) == ':') {
      j = skipIgnored(s, j + 1);
      i = skipName(s, j);
      j = skipIgnored(s, i);
    }
    if (j < n && s.charAt(j) == '(') {
      int d = 0;
      while (j < n) {
        char c = s.charAt(j);
        if (c == '"') {
          j = skipString(s, j);
          continue;
        }
        if (c == '#') {
          j = skipComment(s, j);
          continue;
        }
        if (c == '(') {
          d++;
        } else if (c == ')') {
          d--;
          if (d == 0) {
            return j + 1;
          }
        }
        j++;
      }
      return n;
    }
    return i;
  }

  /** The offset of a 1-based line and column (columns counted in code points). */
  static int offset(String s, int line, int column) {
    int i = 0;
    int l = 1;
    int n = s.length();
    while (l < line && i < n) {
      int nl = s.indexOf('\n', i);
      if (nl < 0) {
        return n;
      }
      i = nl + 1;
      l++;
    }
    int c = 1;
    while (c < column && i < n) {
      i += Character.charCount(s.codePointAt(i));
      c++;
    }
    return Math.min(i, n);
  }

  static int skipIgnored(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\uFEFF') {
        i++;
      } else if (c == '#') {
        i = skipComment(s, i);
      } else {
        break;
      }
    }
    return i;
  }

  private static int skipName(String s, int i) {
    int n = s.length();
    while (i < n && isName(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isName(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static int skipComment(String s, int i) {
    int n = s.length();
    while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** Skips a string or block string starting at the quote at {@code i}. */
  private static int skipString(String s, int i) {
    int n = s.length();
    if (s.startsWith("\"\"\"", i)) {
      int j = i + 3;
      while (j < n) {
        if (s.startsWith("\\\"\"\"", j)) {
          j += 4;
        } else if (s.startsWith("\"\"\"", j)) {
          return j + 3;
        } else {
          j++;
        }
      }
      return n;
    }
    int j = i + 1;
    while (j < n) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '"' || c == '\n') {
        return j + 1;
      } else {
        j++;
      }
    }
    return n;
  }
}
