package dev.airlock.json;

import java.util.Iterator;
import java.util.Map;

/** Writes {@link Json} values as compact, single-line JSON. */
public final class JsonWriter {

  private JsonWriter() {}

  /** The compact JSON text of a value. */
  public static String write(Json value) {
    StringBuilder sb = new StringBuilder(128);
    write(value, sb);
    return sb.toString();
  }

  /** Appends the compact JSON text of a value. */
  public static void write(Json value, StringBuilder sb) {
    // Type tests rather than a pattern switch, which would spin up a class at every hook start.
    if (value instanceof Json.Obj o) {
      sb.append('{');
      Iterator<Map.Entry<String, Json>> it = o.members().entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Json> e = it.next();
        quote(e.getKey(), sb);
        sb.append(':');
        write(e.getValue(), sb);
        if (it.hasNext()) {
          sb.append(',');
        }
      }
      sb.append('}');
    } else if (value instanceof Json.Arr a) {
      sb.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(a.items().get(i), sb);
      }
      sb.append(']');
    } else if (value instanceof Json.Str s) {
      quote(s.value(), sb);
    } else if (value instanceof Json.Num n) {
      sb.append(n.text());
    } else if (value instanceof Json.Bool b) {
      sb.append(b.value());
    } else {
      sb.append("null");
    }
  }

  /** Appends a JSON string literal; control characters, quotes and line separators are escaped. */
  public static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20
              || c == 0x7f
              || c == '\u2028'
              || c == '\u2029'
              || (Character.isSurrogate(c) && !validSurrogate(s, i))) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
