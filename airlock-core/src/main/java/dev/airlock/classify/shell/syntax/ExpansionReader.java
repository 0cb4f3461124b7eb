package dev.airlock.classify.shell.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The expansion level of the shell parser: parameter expansions, command substitutions ({@code
 * $(...)} and backquotes), arithmetic, process substitutions, and the bodies of here-documents.
 *
 * <p>Implementation notes. Here-document bodies are read when the parser consumes the newline that
 * ends their command line ({@link #newline}), as bash does; the lines up to the delimiter line are
 * the body, and an unquoted body is then read for expansions within those lines only. {@code $((}
 * is arithmetic when its two parentheses close together ({@link Scanner#arithAt}), otherwise a
 * command substitution starting with a subshell.
 */
abstract class ExpansionReader extends WordReader {

  /** A here-document waiting for the end of its command line. */
  private record Pending(int op, String delimiter, boolean strip, boolean quoted) {}

  private @Nullable List<Pending> pending;

  /** Bodies found in an earlier pass over the same text, by the offset of their operator. */
  final @Nullable Map<Integer, Heredoc> known;

  /** Bodies found in this pass, by the offset of their operator. */
  final Map<Integer, Heredoc> found = new HashMap<>();

  boolean sawHeredoc;

  ExpansionReader(
      String top,
      String src,
      @Nullable Span fixed,
      Budget budget,
      int depth,
      @Nullable Map<Integer, Heredoc> known) {
    super(top, src, fixed, budget, depth);
    this.known = known;
  }

  /** Parses commands up to a closing {@code )} and consumes it; {@code what} names the opener. */
  abstract Script parseSub(int open, String what);

  /** Parses the unescaped text of a backquoted substitution spanning {@code span}. */
  abstract CommandSub parseBacktick(String text, Span span, int offset);

  @Override
  final WordPart dollar() {
    int s = pos;
    int q = nx(s);
    int c = at(q);
    switch (c) {
      case '\'' -> {
        return ansiC(s, q);
      }
      case '"' -> {
        return doubleQuoted(s, q + 1);
      }
      case '{' -> {
        return paramBraces(s, nx(q));
      }
      case '(' -> {
        if (at(q + 1) == '(' && arithAt(q)) {
          return arith(s, q + 2, false);
        }
        return commandSub(s, nx(q));
      }
      case '[' -> {
        return arith(s, q + 1, true);
      }
      default -> {
        int e = q + 1;
        String name;
        if (isNameStart(c)) {
          while (isNameChar(at(e))) {
            e++;
          }
          name = src.substring(q, e);
        } else {
          name = one(c);
        }
        pos = e;
        budget.token();
        return new Param(name, src.substring(s, e), "", List.of(), span(s, e));
      }
    }
  }

  private Param paramBraces(int s, int from) {
    enter();
    pos = from;
    String prefix = "";
    int c = at(pos);
    if (c == '#' || c == '!') {
      int n = at(pos + 1);
      if (n != '}' && (isNameStart(n) || isDigit(n) || isSpecial(n))) {
        prefix = one(c);
        pos++;
      }
    }
    int ns = pos;
    c = at(pos);
    if (isNameStart(c)) {
      while (isNameChar(at(pos))) {
        pos++;
      }
    } else if (isDigit(c)) {
      while (isDigit(at(pos))) {
        pos++;
      }
    } else if (isSpecial(c)) {
      pos++;
    }
    String name = pos - ns == 1 ? one(src.charAt(ns)) : src.substring(ns, pos);
    if (name.isEmpty()) {
      error(s, "bad substitution: no parameter name in `${`");
    }
    List<Word> nested = new ArrayList<>(2);
    if (at(pos) == '[') {
      int open = pos;
      pos++;
      Word subscript = readWord(W_SUBSCRIPT);
      if (!subscript.parts().isEmpty()) {
        nested.add(subscript);
      }
      if (at(pos) == ']') {
        pos++;
      } else {
        error(open, "unterminated array subscript");
      }
    }
    c = at(pos);
    String op;
    if (prefix.equals("!") && (c == '*' || c == '@') && at(pos + 1) == '}') {
      op = one(c);
      pos++;
    } else {
      op = operator();
    }
    c = at(pos);
    if (c != '}' && c != EOF) {
      if (op.isEmpty()) {
        error(pos, "bad substitution: unexpected `" + one(c) + "` in `${`");
      }
      nested.add(readWord(W_OPERAND));
    }
    if (at(pos) == '}') {
      pos++;
    } else {
      error(s, "unterminated `${`");
    }
    leave();
    budget.token();
    budget.keep(pos - s);
    return new Param(name, src.substring(s, pos), prefix + op, nested, span(s, pos));
  }

  /** Reads the operator after the name in {@code ${...}}, or returns "" when there is none. */
  private String operator() {
    int c = at(pos);
    int n = at(pos + 1);
    String op =
        switch (c) {
          case ':' -> n == '-' ? ":-" : n == '=' ? ":=" : n == '?' ? ":?" : n == '+' ? ":+" : ":";
          case '-', '=', '?', '+', '@' -> one(c);
          case '#' -> n == '#' ? "##" : "#";
          case '%' -> n == '%' ? "%%" : "%";
          case '/' -> n == '/' ? "//" : n == '#' ? "/#" : n == '%' ? "/%" : "/";
          case '^' -> n == '^' ? "^^" : "^";
          case ',' -> n == ',' ? ",," : ",";
          default -> "";
        };
    pos += op.length();
    return op;
  }

  private CommandSub commandSub(int s, int from) {
    pos = from;
    enter();
    Script body = parseSub(s, "`$(`");
    leave();
    budget.token();
    return new CommandSub(body, false, span(s, pos));
  }

  @Override
  final ProcessSub processSub(int c) {
    int s = pos;
    pos = nx(nx(s));
    enter();
    Script body = parseSub(s, "`" + (char) c + "(`");
    leave();
    budget.token();
    return new ProcessSub(body, (char) c, span(s, pos));
  }

  /**
   * Reads an arithmetic expression from {@code from} up to {@code ))} (or {@code ]} for {@code
   * $[...]}); {@code s} is where the construct starts.
   */
  final ArithSub arith(int s, int from, boolean bracket) {
    enter();
    pos = from;
    PartList nested = new PartList();
    int level = 0;
    int exprEnd;
    for (; ; ) {
      pos = cont(pos);
      int c = at(pos);
      if (c == EOF) {
        error(s, "unterminated arithmetic expression");
        exprEnd = pos;
        break;
      }
      if (bracket ? c == '[' : c == '(') {
        level++;
        pos++;
        continue;
      }
      if (bracket ? c == ']' : c == ')') {
        if (level > 0) {
          level--;
          pos++;
          continue;
        }
        exprEnd = pos;
        if (bracket) {
          pos++;
        } else if (at(nx(pos)) == ')') {
          pos = nx(pos) + 1;
        } else {
          error(pos, "expected `))` to close the arithmetic expression");
          pos++;
        }
        break;
      }
      switch (c) {
        case '$' -> {
          if (expands(at(nx(pos)), false)) {
            nested.add(dollar());
          } else {
            pos++;
          }
        }
        case '`' -> nested.add(backtick(false));
        case '"' -> {
          for (WordPart part : doubleQuoted(pos, pos + 1).parts()) {
            if (!(part instanceof Literal)) {
              nested.add(part);
            }
          }
        }
        case '\'' -> singleQuoted();
        case '\\' -> pos = Math.min(pos + 2, end);
        default -> pos++;
      }
    }
    leave();
    budget.token();
    budget.keep(exprEnd - from);
    return new ArithSub(src.substring(from, exprEnd), nested.toList(), span(s, pos));
  }

  /**
   * Reads a backquoted command substitution at {@link #pos}. Its text is unescaped as bash does
   * ({@code \$ \` \\}, and {@code \"} inside double quotes) and parsed by a parser of its own,
   * whose spans are all the span of the substitution.
   */
  @Override
  final CommandSub backtick(boolean inDq) {
    int s = pos;
    int i = s + 1;
    StringBuilder sb = null;
    int run = i;
    while (i < end) {
      char c = src.charAt(i);
      if (c == '`') {
        break;
      }
      if (c == '\\' && i + 1 < end) {
        char n = src.charAt(i + 1);
        if (n == '$' || n == '`' || n == '\\' || n == '\n' || inDq && n == '"') {
          if (sb == null) {
            sb = new StringBuilder(i - run + 16);
          }
          sb.append(src, run, i);
          if (n != '\n') {
            sb.append(n);
          }
          run = i + 2;
        }
        i += 2;
        continue;
      }
      i++;
    }
    i = Math.min(i, end);
    boolean closed = i < end;
    String text = sb == null ? src.substring(s + 1, i) : sb.append(src, run, i).toString();
    pos = closed ? i + 1 : end;
    if (!closed) {
      error(s, "unterminated backquote");
    }
    budget.token();
    budget.keep(text.length());
    return parseBacktick(text, span(s, pos), s);
  }

  // ---- here-documents

  /** Registers a here-document whose body starts after the current command line. */
  final void heredoc(int op, String delimiter, boolean strip, boolean quoted) {
    sawHeredoc = true;
    List<Pending> list = pending;
    if (list == null) {
      list = new ArrayList<>(2);
      pending = list;
    }
    list.add(new Pending(op, delimiter, strip, quoted));
  }

  /** Consumes the newline at {@link #pos} and the bodies of the here-documents waiting for it. */
  final void newline() {
    pos++;
    List<Pending> list = pending;
    if (list != null && !list.isEmpty()) {
      pending = null;
      for (Pending h : list) {
        readBody(h);
      }
    }
  }

  /** Reads the bodies still waiting at the end of the text: they are empty and unterminated. */
  final void flushHeredocs() {
    List<Pending> list = pending;
    if (list != null && !list.isEmpty()) {
      pending = null;
      pos = end;
      for (Pending h : list) {
        readBody(h);
      }
    }
  }

  private void readBody(Pending h) {
    int bodyStart = pos;
    int bodyEnd;
    boolean terminated = false;
    String delim = h.delimiter();
    StringBuilder stripped = h.strip() ? new StringBuilder() : null;
    for (; ; ) {
      if (pos >= end) {
        bodyEnd = end;
        break;
      }
      int ls = pos;
      int le = src.indexOf('\n', ls);
      if (le < 0 || le > end) {
        le = end;
      }
      int cs = ls;
      if (stripped != null) {
        while (cs < le && src.charAt(cs) == '\t') {
          cs++;
        }
      }
      if (le - cs == delim.length() && src.startsWith(delim, cs)) {
        bodyEnd = ls;
        pos = le < end ? le + 1 : end;
        terminated = true;
        break;
      }
      int next = le < end ? le + 1 : end;
      if (stripped != null) {
        stripped.append(src, cs, next);
      }
      pos = next;
    }
    if (!terminated) {
      error(h.op(), "here-document delimited by `" + delim + "` is not terminated");
    }
    budget.keep(bodyEnd - bodyStart);
    String body = stripped != null ? stripped.toString() : src.substring(bodyStart, bodyEnd);
    List<WordPart> parts = h.quoted() ? List.of() : bodyParts(bodyStart, bodyEnd, stripped != null);
    found.put(h.op(), new Heredoc(delim, h.quoted(), body, parts, span(bodyStart, bodyEnd)));
  }

  /** Reads the expansions of an unquoted here-document body {@code [from, to)}. */
  private List<WordPart> bodyParts(int from, int to, boolean strip) {
    int savedEnd = end;
    int resume = pos;
    end = to;
    pos = from;
    PartList parts = new PartList();
    boolean lineStart = true;
    for (; ; ) {
      if (strip && lineStart) {
        int p = pos;
        while (at(p) == '\t') {
          p++;
        }
        if (p != pos) {
          skipTo(p);
        }
      }
      lineStart = false;
      int p = cont(pos);
      if (p != pos) {
        skipTo(p);
      }
      int c = at(pos);
      if (c == EOF) {
        break;
      }
      if (c == '\\') {
        int n = at(pos + 1);
        if (n == '$' || n == '`' || n == '\\') {
          esc((char) n);
        } else {
          lit();
        }
      } else if (c == '$' && expands(at(nx(pos)), true)) {
        flush(parts);
        parts.add(dollar());
      } else if (c == '`') {
        flush(parts);
        parts.add(backtick(false));
      } else {
        lineStart = c == '\n';
        lit();
      }
    }
    flush(parts);
    end = savedEnd;
    pos = resume;
    return parts.toList();
  }

  /**
   * The delimiter of a here-document written as {@code src[from, to)}, after quote removal; the
   * second element is "quoted" when any part of it was quoted.
   */
  final String delimiter(int from, int to, boolean[] quoted) {
    StringBuilder b = new StringBuilder(to - from);
    boolean sq = false;
    boolean dq = false;
    for (int i = from; i < to; i++) {
      char c = src.charAt(i);
      if (sq) {
        if (c == '\'') {
          sq = false;
        } else {
          b.append(c);
        }
      } else if (c == '\\' && i + 1 < to) {
        quoted[0] = true;
        if (src.charAt(i + 1) != '\n') {
          b.append(src.charAt(i + 1));
        }
        i++;
      } else if (c == '\'' && !dq) {
        sq = true;
        quoted[0] = true;
      } else if (c == '"') {
        dq = !dq;
        quoted[0] = true;
      } else if (c == '$'
          && !dq
          && i + 1 < to
          && (src.charAt(i + 1) == '\'' || src.charAt(i + 1) == '"')) {
        quoted[0] = true;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
