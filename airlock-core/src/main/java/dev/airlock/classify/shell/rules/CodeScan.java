package dev.airlock.classify.shell.rules;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lexical view of a one-line program in Python, JavaScript, Perl, Ruby or PHP: its string
 * literals and its calls ({@code name(args)}), with comments skipped. Not a parser of those
 * languages: enough to find the calls that destroy files, run shell commands or evaluate code, and
 * the literals passed to them. Linear in the input.
 */
final class CodeScan {

  /** The languages whose comment and string syntax the scan knows. */
  enum Lang {
    PYTHON,
    JS,
    PERL,
    RUBY,
    PHP,
    LUA
  }

  /** A string literal: its decoded value and where its quotes are. */
  record Str(String value, int start, int end, boolean interpolated) {}

  /**
   * A call: the qualified name as written ({@code os.system}, {@code fs.rmSync}, {@code
   * FileUtils.rm_rf}), the text of its arguments, and its first argument as a literal if it is one.
   */
  record Call(
      String name,
      String args,
      @Nullable Str firstLiteral,
      @Nullable List<String> firstList,
      int start,
      int end) {

    /** The last segment of the name: {@code system} for {@code os.system}. */
    String simple() {
      int dot =
          Math.max(name.lastIndexOf('.'), Math.max(name.lastIndexOf(':'), name.lastIndexOf('>')));
      return dot < 0 ? name : name.substring(dot + 1);
    }
  }

  final String code;
  final Lang lang;
  final List<Str> strings = new ArrayList<>();
  final List<Call> calls = new ArrayList<>();

  /** Backtick or qx command literals (Perl, Ruby, PHP): shell commands. */
  final List<Str> commandLiterals = new ArrayList<>();

  private CodeScan(String code, Lang lang) {
    this.code = code;
    this.lang = lang;
  }

  static CodeScan of(String code, Lang lang) {
    CodeScan s = new CodeScan(code, lang);
    s.scan();
    return s;
  }

  private void scan() {
    int n = code.length();
    int i = 0;
    while (i < n) {
      char c = code.charAt(i);
      if (isCommentStart(i)) {
        i = skipComment(i);
        continue;
      }
      if (c == '\'' || c == '"' || (c == '`' && lang == Lang.JS)) {
        i = readString(i, c, strings);
        continue;
      }
      if (c == '`') {
        i = readString(i, c, commandLiterals);
        continue;
      }
      if (Character.isJavaIdentifierStart(c) || c == '$' || c == '@') {
        int start = i;
        i++;
        while (i < n
            && (Character.isJavaIdentifierPart(code.charAt(i))
                || code.charAt(i) == '.'
                || (code.charAt(i) == ':' && i + 1 < n && code.charAt(i + 1) == ':')
                || (code.charAt(i) == ':' && i > 0 && code.charAt(i - 1) == ':')
                || (code.charAt(i) == '-' && i + 1 < n && code.charAt(i + 1) == '>')
                || (code.charAt(i) == '>' && code.charAt(i - 1) == '-'))) {
          i++;
        }
        String name = code.substring(start, i);
        if ((lang == Lang.PERL || lang == Lang.RUBY)
            && (name.equals("qx") || name.equals("%x"))
            && i < n) {
          i = readDelimited(i, commandLiterals);
          continue;
        }
        int j = i;
        while (j < n && (code.charAt(j) == ' ' || code.charAt(j) == '\t')) {
          j++;
        }
        if (j < n && code.charAt(j) == '(') {
          int close = matching(j);
          String args = code.substring(j + 1, Math.max(j + 1, close));
          calls.add(
              new Call(
                  name, args, firstLiteral(args), firstList(args), start, Math.min(n, close + 1)));
        } else if ((lang == Lang.PERL || lang == Lang.RUBY)
            && j < n
            && (code.charAt(j) == '"' || code.charAt(j) == '\'')) {
          // Perl and Ruby allow calls without parentheses: system "rm -rf /"
          int end = endOfStatement(j);
          String args = code.substring(j, end);
          calls.add(new Call(name, args, firstLiteral(args), null, start, end));
        }
        continue;
      }
      i++;
    }
  }

  private boolean isCommentStart(int i) {
    char c = code.charAt(i);
    return switch (lang) {
      case PYTHON, PERL, RUBY -> c == '#' && (i == 0 || code.charAt(i - 1) != '$');
      case JS ->
          c == '/'
              && i + 1 < code.length()
              && (code.charAt(i + 1) == '/' || code.charAt(i + 1) == '*');
      case PHP ->
          c == '#'
              || (c == '/'
                  && i + 1 < code.length()
                  && (code.charAt(i + 1) == '/' || code.charAt(i + 1) == '*'));
      case LUA -> c == '-' && i + 1 < code.length() && code.charAt(i + 1) == '-';
    };
  }

  private int skipComment(int i) {
    int n = code.length();
    if (code.startsWith("/*", i)) {
      int e = code.indexOf("*/", i + 2);
      return e < 0 ? n : e + 2;
    }
    int e = code.indexOf('\n', i);
    return e < 0 ? n : e + 1;
  }

  private int readString(int i, char q, List<Str> into) {
    int n = code.length();
    boolean triple = lang == Lang.PYTHON && code.startsWith(String.valueOf(q).repeat(3), i);
    int j = i + (triple ? 3 : 1);
    StringBuilder sb = new StringBuilder();
    boolean raw =
        lang == Lang.PYTHON && i > 0 && (code.charAt(i - 1) == 'r' || code.charAt(i - 1) == 'R');
    boolean interpolated =
        q == '`'
            || (q == '"' && (lang == Lang.PERL || lang == Lang.RUBY || lang == Lang.PHP))
            || (lang == Lang.PYTHON
                && i > 0
                && (code.charAt(i - 1) == 'f' || code.charAt(i - 1) == 'F'));
    while (j < n) {
      char c = code.charAt(j);
      if (c == '\\' && !raw && j + 1 < n) {
        char d = code.charAt(j + 1);
        sb.append(
            switch (d) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> d;
            });
        j += 2;
        continue;
      }
      if (triple ? code.startsWith(String.valueOf(q).repeat(3), j) : c == q) {
        into.add(
            new Str(sb.toString(), i, j + (triple ? 3 : 1), interpolated && hasInterpolation(sb)));
        return j + (triple ? 3 : 1);
      }
      sb.append(c);
      j++;
    }
    into.add(new Str(sb.toString(), i, n, interpolated && hasInterpolation(sb)));
    return n;
  }

  private boolean hasInterpolation(CharSequence s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '$'
          || (c == '{' && lang == Lang.PYTHON)
          || (c == '#' && k + 1 < s.length() && s.charAt(k + 1) == '{')) {
        return true;
      }
    }
    return false;
  }

  private int readDelimited(int i, List<Str> into) {
    int n = code.length();
    char open = code.charAt(i);
    char close =
        switch (open) {
          case '(' -> ')';
          case '{' -> '}';
          case '[' -> ']';
          case '<' -> '>';
          default -> open;
        };
    int e = code.indexOf(close, i + 1);
    int end = e < 0 ? n : e;
    into.add(new Str(code.substring(i + 1, end), i, Math.min(n, end + 1), true));
    return Math.min(n, end + 1);
  }

  private int matching(int open) {
    int depth = 0;
    int n = code.length();
    int i = open;
    while (i < n) {
      char c = code.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(i, c);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
      i++;
    }
    return n;
  }

  private int skipQuoted(int i, char q) {
    int n = code.length();
    int j = i + 1;
    while (j < n) {
      char c = code.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == q) {
        return j + 1;
      }
      j++;
    }
    return n;
  }

  private int endOfStatement(int i) {
    int n = code.length();
    int j = i;
    while (j < n && code.charAt(j) != ';' && code.charAt(j) != '\n') {
      char c = code.charAt(j);
      if (c == '\'' || c == '"') {
        j = skipQuoted(j, c);
        continue;
      }
      j++;
    }
    return j;
  }

  /**
   * The first argument if it is exactly one string literal (no concatenation, no interpolation).
   */
  private @Nullable Str firstLiteral(String args) {
    String a = firstArgument(args).strip();
    if (a.length() < 2) {
      return null;
    }
    char q = a.charAt(0);
    if ((q == '\'' || q == '"' || q == '`') && a.charAt(a.length() - 1) == q) {
      List<Str> tmp = new ArrayList<>();
      CodeScan inner = new CodeScan(a, lang);
      int end = inner.readString(0, q, tmp);
      if (end == a.length() && tmp.size() == 1 && !tmp.getFirst().interpolated()) {
        return tmp.getFirst();
      }
    }
    return null;
  }

  /** The first argument if it is a list of string literals ({@code ['rm', '-rf', '/']}). */
  private @Nullable List<String> firstList(String args) {
    String a = firstArgument(args).strip();
    if (a.length() < 2
        || !((a.charAt(0) == '[' && a.endsWith("]")) || (a.charAt(0) == '(' && a.endsWith(")")))) {
      return null;
    }
    String body = a.substring(1, a.length() - 1);
    CodeScan inner = CodeScan.of(body, lang);
    if (inner.strings.isEmpty() || !inner.calls.isEmpty()) {
      return null;
    }
    int at = 0;
    for (Str s : inner.strings) {
      if (!gapIsSeparators(body, at, s.start())) {
        return null;
      }
      at = s.end();
    }
    if (!gapIsSeparators(body, at, body.length())) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Str s : inner.strings) {
      if (s.interpolated()) {
        return null;
      }
      out.add(s.value());
    }
    return out;
  }

  private static boolean gapIsSeparators(String s, int from, int to) {
    for (int i = from; i < Math.min(to, s.length()); i++) {
      char c = s.charAt(i);
      if (c != ',' && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** The text of the first top-level argument. */
  static String firstArgument(String args) {
    int depth = 0;
    for (int i = 0; i < args.length(); i++) {
      char c = args.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < args.length() && args.charAt(j) != c) {
          j += args.charAt(j) == '\\' ? 2 : 1;
        }
        i = Math.min(j, args.length() - 1);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        return args.substring(0, i);
      }
    }
    return args;
  }
}
