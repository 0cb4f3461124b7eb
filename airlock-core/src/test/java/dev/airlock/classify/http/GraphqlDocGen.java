package dev.airlock.classify.http;

import java.util.Random;

/**
 * Writes random executable GraphQL documents from the grammar: operations of every type (and the
 * query shorthand), variable definitions with list and non-null types and defaults, aliases,
 * arguments, directives, fragment spreads, inline fragments, fragment definitions, every value
 * literal (escapes, block strings with indentation, ints, floats, enums, lists, objects), comments,
 * commas and assorted white space. Also mangles documents into near misses.
 */
final class GraphqlDocGen {

  private static final String[] NAMES = {
    "a",
    "volumeDelete",
    "id",
    "on",
    "query",
    "mutation",
    "fragment",
    "true_",
    "_x1",
    "Node",
    "input",
    "environmentId",
    "subscription",
    "nullable",
    "deleteRef",
    "T"
  };
  private static final String[] SPACE = {" ", "  ", "\n", "\t", ",", " , ", "\r\n", "\r", "\uFEFF"};
  private static final String[] STRING_BITS = {
    "abc",
    " ",
    "\\n",
    "\\\"",
    "\\\\",
    "\\/",
    "\\b",
    "\\f",
    "\\r",
    "\\t",
    "\\u00e9",
    "\\u0041",
    "é",
    "日本",
    "😀",
    "#",
    "{",
    "}",
    "$x",
    "mutation"
  };
  private static final String[] BLOCK_BITS = {
    "abc", " ", "  ", "\n", "\n    ", "\n  \t", "\r\n ", "\\\"\"\"", "\\n", "é", "{"
  };
  private static final String ALPHABET = "{}()[]:$@!=|&.,\"\\# \n\tabcxyz019_-+eE";

  private final Random r;
  private final StringBuilder sb = new StringBuilder();

  GraphqlDocGen(long seed) {
    this.r = new Random(seed);
  }

  /** A random valid document. */
  String document() {
    sb.setLength(0);
    ws();
    int defs = 1 + r.nextInt(3);
    for (int i = 0; i < defs; i++) {
      switch (r.nextInt(6)) {
        case 0 -> selectionSet(0);
        case 1 -> fragment();
        default -> operation();
      }
      ws();
    }
    return sb.toString();
  }

  /** A document with a few random edits: inserted, deleted or repeated characters. */
  String mangled() {
    String d = document();
    StringBuilder m = new StringBuilder(d);
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits && !m.isEmpty(); i++) {
      int at = r.nextInt(m.length());
      switch (r.nextInt(3)) {
        case 0 -> m.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        case 1 -> m.deleteCharAt(at);
        default -> {
          int end = Math.min(m.length(), at + 1 + r.nextInt(8));
          m.insert(at, m.substring(at, end));
        }
      }
    }
    return m.toString();
  }

  private void operation() {
    sb.append(new String[] {"query", "mutation", "subscription"}[r.nextInt(3)]);
    if (r.nextBoolean()) {
      sb.append(' ').append(name());
    }
    ws();
    if (r.nextInt(3) == 0) {
      sb.append('(');
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        ws();
        sb.append('$').append(name()).append(':');
        ws();
        type(0);
        if (r.nextInt(3) == 0) {
          sb.append('=');
          ws();
          value(true, 0);
        }
        directives(true);
      }
      sb.append(')');
    }
    directives(false);
    selectionSet(0);
  }

  private void fragment() {
    String n = name();
    sb.append("fragment ").append(n.equals("on") ? "F" : n).append(" on ").append(name());
    directives(false);
    selectionSet(0);
  }

  private void type(int depth) {
    if (depth < 3 && r.nextInt(3) == 0) {
      sb.append('[');
      ws();
      type(depth + 1);
      sb.append(']');
    } else {
      sb.append(name());
    }
    if (r.nextBoolean()) {
      sb.append('!');
    }
    ws();
  }

  private void selectionSet(int depth) {
    sb.append('{');
    ws();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      int k = depth > 3 ? 0 : r.nextInt(8);
      if (k == 6) {
        sb.append("...");
        ws();
        String f = name();
        sb.append(f.equals("on") ? "Frag" : f);
        directives(false);
      } else if (k == 7) {
        sb.append("...");
        if (r.nextBoolean()) {
          ws();
          sb.append("on ").append(name());
        }
        directives(false);
        selectionSet(depth + 1);
      } else {
        if (r.nextInt(3) == 0) {
          sb.append(name());
          ws();
          sb.append(':');
          ws();
        }
        sb.append(name());
        ws();
        if (r.nextBoolean()) {
          arguments(false, depth);
        }
        directives(false);
        if (depth < 4 && r.nextInt(3) == 0) {
          selectionSet(depth + 1);
        }
      }
      sep();
    }
    sb.append('}');
    ws();
  }

  private void arguments(boolean constant, int depth) {
    sb.append('(');
    ws();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      sb.append(name()).append(':');
      ws();
      value(constant, depth);
      sep();
    }
    sb.append(')');
    ws();
  }

  private void directives(boolean constant) {
    while (r.nextInt(4) == 0) {
      ws();
      sb.append('@').append(name());
      if (r.nextBoolean()) {
        arguments(constant, 3);
      }
      ws();
    }
  }

  private void value(boolean constant, int depth) {
    int k = r.nextInt(depth > 3 ? 8 : 10);
    switch (k) {
      case 0 -> {
        if (constant) {
          sb.append("null");
        } else {
          sb.append('$').append(name());
        }
      }
      case 1 ->
          sb.append(new String[] {"0", "-0", "7", "-12", "123456789012345678901234"}[r.nextInt(5)]);
      case 2 ->
          sb.append(
              new String[] {"1.5", "-0.0", "1e3", "1E+3", "2.5e-3", "0.1", "-1.25E10"}
                  [r.nextInt(7)]);
      case 3 -> {
        sb.append('"');
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          sb.append(STRING_BITS[r.nextInt(STRING_BITS.length)]);
        }
        sb.append('"');
      }
      case 4 -> {
        sb.append("\"\"\"");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
          sb.append(BLOCK_BITS[r.nextInt(BLOCK_BITS.length)]);
        }
        sb.append("\"\"\"");
      }
      case 5 -> sb.append(new String[] {"true", "false", "null"}[r.nextInt(3)]);
      case 6, 7 -> {
        String n = name();
        sb.append(n.equals("true_") ? "ENUM_A" : n);
      }
      case 8 -> {
        sb.append('[');
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
          sep();
          value(constant, depth + 1);
        }
        ws();
        sb.append(']');
      }
      default -> {
        sb.append('{');
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
          sep();
          sb.append(name()).append(':');
          ws();
          value(constant, depth + 1);
        }
        ws();
        sb.append('}');
      }
    }
  }

  private String name() {
    return NAMES[r.nextInt(NAMES.length)];
  }

  private void sep() {
    int at = sb.length();
    while (sb.length() == at) {
      ws();
    }
  }

  private void ws() {
    int k = r.nextInt(6);
    if (k == 0) {
      return;
    }
    if (k == 1) {
      sb.append(" # a comment, with {braces} and mutation\n");
      return;
    }
    sb.append(SPACE[r.nextInt(SPACE.length)]);
  }
}
