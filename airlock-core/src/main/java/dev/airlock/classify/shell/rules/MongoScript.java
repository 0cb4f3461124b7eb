package dev.airlock.classify.shell.rules;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A mongosh script read far enough to find its method calls: which method, on what receiver text,
 * with what argument texts. Strings, comments, template literals and regular expression literals
 * are skipped; brackets are matched. A script whose strings or brackets do not close is {@link
 * #broken()}; a call through a computed name ({@code x[name]()}) is {@link #dynamicCall()}.
 */
final class MongoScript {

  /** One method call: {@code receiver.name(args)}, or a bare {@code name(args)}. */
  record Call(String name, String receiver, List<String> args, String argsText, int at) {}

  /** A {@code use name} line at an offset. */
  record Use(String database, int at) {}

  private final String s;
  private final int[] match;
  private final List<Call> calls = new ArrayList<>();
  private final List<Use> uses = new ArrayList<>();
  private boolean broken;
  private boolean dynamicCall;

  private MongoScript(String s) {
    this.s = s;
    this.match = new int[s.length() + 1];
  }

  /** Reads a script. */
  static MongoScript read(String script) {
    MongoScript m = new MongoScript(script);
    m.scan();
    return m;
  }

  List<Call> calls() {
    return calls;
  }

  /** The database a {@code use name} line before {@code at} switched to, or null. */
  @Nullable String useBefore(int at) {
    String db = null;
    for (Use u : uses) {
      if (u.at() < at) {
        db = u.database();
      }
    }
    return db;
  }

  boolean broken() {
    return broken;
  }

  boolean dynamicCall() {
    return dynamicCall;
  }

  private void scan() {
    int n = s.length();
    int[] stack = new int[64];
    int depth = 0;
    List<int[]> pending = new ArrayList<>();
    char prev = ';';
    boolean lineStart = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (lineStart && c == 'u' && s.startsWith("use ", i) && depth == 0) {
        int e = i + 4;
        while (e < n && s.charAt(e) != '\n' && s.charAt(e) != ';') {
          e++;
        }
        uses.add(new Use(s.substring(i + 4, e).strip(), i));
      }
      if (c == '\n') {
        lineStart = true;
        continue;
      }
      if (Character.isWhitespace(c)) {
        continue;
      }
      lineStart = false;
      if (c == '\'' || c == '"' || c == '`') {
        i = skipString(i, c);
        if (i < 0) {
          broken = true;
          return;
        }
        prev = 'a';
        continue;
      }
      if (c == '/' && i + 1 < n && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*')) {
        int e = s.charAt(i + 1) == '/' ? s.indexOf('\n', i) : s.indexOf("*/", i + 2);
        if (e < 0 && s.charAt(i + 1) == '*') {
          broken = true;
          return;
        }
        i = e < 0 ? n : (s.charAt(i + 1) == '/' ? e - 1 : e + 1);
        continue;
      }
      if (c == '/' && "(,:=[!&|?{};+-*%<>~^".indexOf(prev) >= 0) {
        i = skipRegex(i);
        prev = 'a';
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        if (depth == stack.length) {
          broken = true;
          return;
        }
        stack[depth++] = i;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0 || "([{".indexOf(s.charAt(stack[depth - 1])) != ")]}".indexOf(c)) {
          broken = true;
          return;
        }
        int open = stack[--depth];
        match[open] = i;
        match[i] = open;
        if (c == ']') {
          int next = skipSpace(i + 1);
          if (next < n && s.charAt(next) == '(') {
            String inside = s.substring(open + 1, i).strip();
            String lit = literal(inside);
            if (lit == null) {
              dynamicCall = true;
            } else {
              pending.add(new int[] {open, next, 1});
            }
          }
        }
      } else if (Character.isJavaIdentifierStart(c)) {
        int e = i;
        while (e < n && Character.isJavaIdentifierPart(s.charAt(e))) {
          e++;
        }
        int next = skipSpace(e);
        if (next < n && s.charAt(next) == '(') {
          pending.add(new int[] {i, next, 0, e});
        }
        i = e - 1;
        c = 'a';
      }
      prev = c;
    }
    if (depth != 0) {
      broken = true;
      return;
    }
    for (int[] p : pending) {
      int paren = p[1];
      int close = match[paren];
      if (close <= paren) {
        continue;
      }
      String argsText = s.substring(paren + 1, close);
      String name;
      int recvEnd;
      if (p[2] == 1) {
        name = literal(s.substring(p[0] + 1, match[p[0]]).strip());
        recvEnd = p[0];
      } else {
        name = s.substring(p[0], p[3]);
        recvEnd = p[0];
      }
      if (name == null) {
        continue;
      }
      int d = recvEnd - 1;
      while (d >= 0 && Character.isWhitespace(s.charAt(d))) {
        d--;
      }
      if (d >= 0 && s.charAt(d) == '?') {
        d--;
      }
      String receiver = "";
      if (p[2] == 1 || d >= 0 && s.charAt(d) == '.') {
        int end = p[2] == 1 ? recvEnd : d;
        receiver = s.substring(receiverStart(end), end).strip();
      }
      calls.add(new Call(name, receiver, split(argsText), argsText, p[0]));
    }
  }

  private int skipSpace(int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Returns the index of the closing quote, or -1 when the string does not close. */
  private int skipString(int i, char q) {
    for (int k = i + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == q) {
        return k;
      } else if (c == '\n' && q != '`') {
        return -1;
      }
    }
    return -1;
  }

  private int skipRegex(int i) {
    boolean inClass = false;
    for (int k = i + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        return k;
      } else if (c == '\n') {
        return k - 1;
      }
    }
    return s.length();
  }

  /** Where the receiver expression ending before {@code end} starts. */
  private int receiverStart(int end) {
    int k = end - 1;
    while (k >= 0) {
      char c = s.charAt(k);
      if (c == ')' || c == ']') {
        k = match[k] - 1;
      } else if (Character.isJavaIdentifierPart(c) || c == '.' || c == '?' || c == '$') {
        k--;
      } else if (Character.isWhitespace(c)) {
        int j = k;
        while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
          j--;
        }
        int f = skipSpace(k);
        if (j >= 0 && s.charAt(j) == '.' || f >= end || s.charAt(f) == '.') {
          k = j;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return k + 1;
  }

  /** Splits an argument list at its top-level commas. */
  static List<String> split(String args) {
    List<String> out = new ArrayList<>();
    if (args.isBlank()) {
      return out;
    }
    int depth = 0;
    int from = 0;
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int k = i + 1;
        while (k < args.length() && args.charAt(k) != c) {
          if (args.charAt(k) == '\\') {
            k++;
          }
          k++;
        }
        i = k;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(args.substring(from, i).strip());
        from = i + 1;
      }
    }
    out.add(args.substring(Math.min(from, args.length())).strip());
    return out;
  }

  /** The value of a quoted string literal, or null if the text is anything else. */
  static @Nullable String literal(String text) {
    String t = text.strip();
    if (t.length() < 2) {
      return null;
    }
    char q = t.charAt(0);
    if ((q == '\'' || q == '"' || q == '`') && t.charAt(t.length() - 1) == q) {
      String inner = t.substring(1, t.length() - 1);
      if (inner.indexOf(q) >= 0 || q == '`' && inner.contains("${")) {
        return null;
      }
      return inner;
    }
    return null;
  }

  /** Whether a filter argument matches every document ({@code {}} or nothing). */
  static boolean emptyFilter(List<String> args) {
    if (args.isEmpty()) {
      return true;
    }
    String f = args.get(0).replace(" ", "").replace("\n", "").replace("\t", "");
    return f.isEmpty() || f.equals("{}");
  }
}
