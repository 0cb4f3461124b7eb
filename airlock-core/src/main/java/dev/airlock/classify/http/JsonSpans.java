package dev.airlock.classify.http;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Locates the string literal of each {@code "query"} member in a JSON body that was already parsed:
 * the root object's, or that of each object in a root array, in order. Used only to point evidence
 * at the right characters; an item without one gets a null entry.
 */
final class JsonSpans {

  private JsonSpans() {}

  /** For each root item, {@code [start, end)} of the query string's content, or null. */
  static List<int @Nullable []> queryLiterals(String body) {
    List<int @Nullable []> out = new ArrayList<>(2);
    int n = body.length();
    int depth = 0;
    boolean rootArray = false;
    int item = -1;
    int i = 0;
    while (i < n) {
      char c = body.charAt(i);
      if (c == '"') {
        int close = closing(body, i);
        boolean atObjectKey = depth == (rootArray ? 2 : 1) && item >= 0;
        if (atObjectKey && close - i - 1 == 5 && body.startsWith("query", i + 1)) {
          int j = skipWs(body, close + 1);
          if (j < n && body.charAt(j) == ':') {
            j = skipWs(body, j + 1);
            if (j < n && body.charAt(j) == '"') {
              int end = closing(body, j);
              while (out.size() <= item) {
                out.add(null);
              }
              if (out.get(item) == null) {
                out.set(item, new int[] {j + 1, Math.max(j + 1, end)});
              }
              i = end + 1;
              continue;
            }
          }
        }
        i = close + 1;
        continue;
      }
      if (c == '{' || c == '[') {
        if (depth == 0) {
          rootArray = c == '[';
          item = rootArray ? -1 : 0;
        } else if (depth == 1 && rootArray && c == '{') {
          item++;
        }
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
      i++;
    }
    return out;
  }

  /** The index of the quote closing the string that opens at {@code i} (or the end). */
  private static int closing(String s, int i) {
    int n = s.length();
    int j = i + 1;
    while (j < n) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '"') {
        return j;
      } else {
        j++;
      }
    }
    return n;
  }

  private static int skipWs(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
