package dev.airlock.classify.http;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A REST path template matched segment by segment, without regexes: literal segments match ignoring
 * case, {@code {name}} captures one segment, {@code {name+}} captures the rest (one or more
 * segments), {@code *} matches any one segment and {@code v#} any version segment ({@code v1},
 * {@code v13}).
 */
final class PathPattern {

  private final String text;
  private final String[] parts;

  private PathPattern(String text, String[] parts) {
    this.text = text;
    this.parts = parts;
  }

  static PathPattern of(String template) {
    List<String> p = new java.util.ArrayList<>();
    int i = 0;
    int n = template.length();
    while (i < n) {
      int slash = template.indexOf('/', i);
      int e = slash < 0 ? n : slash;
      if (e > i) {
        p.add(template.substring(i, e));
      }
      i = e + 1;
    }
    return new PathPattern(template, p.toArray(new String[0]));
  }

  /** The captures if the segments match, else null. */
  @Nullable Map<String, String> match(List<String> segments) {
    Map<String, String> captures = null;
    int s = 0;
    for (int k = 0; k < parts.length; k++) {
      String part = parts[k];
      if (part.startsWith("{") && part.endsWith("+}")) {
        if (s >= segments.size()) {
          return null;
        }
        captures = put(captures, part.substring(1, part.length() - 2), join(segments, s));
        return captures == null ? Map.of() : captures;
      }
      if (s >= segments.size()) {
        return null;
      }
      String seg = segments.get(s);
      if (part.startsWith("{") && part.endsWith("}")) {
        captures = put(captures, part.substring(1, part.length() - 1), seg);
      } else if (part.equals("v#")) {
        if (!isVersion(seg)) {
          return null;
        }
      } else if (!part.equals("*") && !part.equalsIgnoreCase(seg)) {
        return null;
      }
      s++;
    }
    if (s != segments.size()) {
      return null;
    }
    return captures == null ? Map.of() : captures;
  }

  private static Map<String, String> put(@Nullable Map<String, String> m, String k, String v) {
    Map<String, String> out = m == null ? new HashMap<>(4) : m;
    out.put(k, v);
    return out;
  }

  private static String join(List<String> segments, int from) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < segments.size(); i++) {
      if (i > from) {
        sb.append('/');
      }
      sb.append(segments.get(i));
    }
    return sb.toString();
  }

  static boolean isVersion(String seg) {
    String s = seg.toLowerCase(Locale.ROOT);
    if (s.length() < 2 || s.charAt(0) != 'v') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}
