package dev.airlock.classify.shell.syntax;

import java.util.List;

/**
 * Prints a syntax tree as one line of s-expressions, for tests.
 *
 * <ul>
 *   <li>{@code (cmd [assignments] words [redirects])}, {@code (pipe [!] [time] stages)}, {@code (&&
 *       l r)}, {@code (|| l r)}, {@code (bg c)}, {@code (fn name body)}, {@code (KEYWORD [words]
 *       body... redirects)} for compound commands
 *   <li>assignments {@code (= name value)}, {@code (+= name value)}, {@code (= name [a b])}
 *   <li>redirects {@code (OP target)} with the descriptor before the operator, heredocs {@code (<<
 *       target (doc|qdoc "body" parts...))}
 *   <li>a word is its part when it has one, else {@code (w parts...)}; a plain literal prints as
 *       its text, {@code (glob t)} / {@code (brace t)} when flagged; {@code (sq t)}, {@code (dq
 *       ...)}, {@code (ansi t)}, {@code (tilde u)}, {@code $name} or {@code (param name op
 *       nested...)}, {@code (sub ...)} / {@code (bq ...)}, {@code (arith "e" nested...)}, {@code
 *       (psub< ...)}
 *   <li>errors are appended as {@code !err@OFFSET}
 * </ul>
 */
final class TreeDump {

  private TreeDump() {}

  static String dump(Script script) {
    StringBuilder b = new StringBuilder();
    nodes(b, script.body());
    for (SyntaxError e : script.errors()) {
      sep(b).append("!err@").append(e.offset());
    }
    return b.toString();
  }

  private static StringBuilder sep(StringBuilder b) {
    if (!b.isEmpty() && b.charAt(b.length() - 1) != '(' && b.charAt(b.length() - 1) != '[') {
      b.append(' ');
    }
    return b;
  }

  private static void nodes(StringBuilder b, List<Node> nodes) {
    for (Node n : nodes) {
      node(b, n);
    }
  }

  static void node(StringBuilder b, Node n) {
    sep(b);
    switch (n) {
      case SimpleCommand c -> {
        b.append("(cmd");
        for (Assignment a : c.assignments()) {
          sep(b).append('(').append(a.append() ? "+=" : "=").append(' ').append(token(a.name()));
          Word v = a.value();
          if (v != null) {
            word(b, v);
          } else {
            sep(b).append('[');
            for (Word w : a.array()) {
              word(b, w);
            }
            b.append(']');
          }
          b.append(')');
        }
        for (Word w : c.words()) {
          word(b, w);
        }
        redirects(b, c.redirects());
        b.append(')');
      }
      case Pipeline p -> {
        b.append("(pipe");
        if (p.negated()) {
          b.append(" !");
        }
        if (p.timed()) {
          b.append(" time");
        }
        nodes(b, p.stages());
        b.append(')');
      }
      case AndOr a -> {
        b.append('(').append(a.operator());
        node(b, a.left());
        node(b, a.right());
        b.append(')');
      }
      case Sequence s -> {
        b.append("(seq");
        nodes(b, s.items());
        b.append(')');
      }
      case Background g -> {
        b.append("(bg");
        node(b, g.command());
        b.append(')');
      }
      case Compound c -> {
        b.append('(').append(c.keyword());
        if (!c.words().isEmpty()) {
          sep(b).append('[');
          for (Word w : c.words()) {
            word(b, w);
          }
          b.append(']');
        }
        nodes(b, c.body());
        redirects(b, c.redirects());
        b.append(')');
      }
      case FunctionDef f -> {
        b.append("(fn ").append(token(f.name()));
        node(b, f.body());
        b.append(')');
      }
    }
  }

  private static void redirects(StringBuilder b, List<Redirect> redirects) {
    for (Redirect r : redirects) {
      sep(b).append('(');
      if (r.fd() >= 0) {
        b.append(r.fd());
      }
      b.append(r.operator());
      Word t = r.target();
      if (t != null) {
        word(b, t);
      }
      Heredoc h = r.heredoc();
      if (h != null) {
        sep(b).append(h.quoted() ? "(qdoc " : "(doc ").append(quote(h.body()));
        parts(b, h.parts());
        b.append(')');
      }
      b.append(')');
    }
  }

  static void word(StringBuilder b, Word w) {
    if (w.parts().size() == 1) {
      part(b, w.parts().get(0));
    } else {
      sep(b).append("(w");
      parts(b, w.parts());
      b.append(')');
    }
  }

  private static void parts(StringBuilder b, List<WordPart> parts) {
    for (WordPart p : parts) {
      part(b, p);
    }
  }

  private static void part(StringBuilder b, WordPart p) {
    sep(b);
    switch (p) {
      case Literal l -> {
        if (l.glob() || l.brace()) {
          b.append('(').append(l.glob() ? "glob" : "").append(l.glob() && l.brace() ? "+" : "");
          b.append(l.brace() ? "brace" : "").append(' ').append(token(l.text())).append(')');
        } else {
          b.append(token(l.text()));
        }
      }
      case SingleQuoted s -> b.append("(sq ").append(quote(s.text())).append(')');
      case DoubleQuoted d -> {
        b.append("(dq");
        parts(b, d.parts());
        b.append(')');
      }
      case AnsiCQuoted a -> b.append("(ansi ").append(quote(a.text())).append(')');
      case Tilde t ->
          b.append("(tilde").append(t.user().isEmpty() ? "" : " " + token(t.user())).append(')');
      case Param m -> {
        if (m.operator().isEmpty() && m.nested().isEmpty()) {
          b.append('$').append(m.name());
        } else {
          b.append("(param ").append(token(m.name()));
          if (!m.operator().isEmpty()) {
            b.append(' ').append(quote(m.operator()));
          }
          for (Word w : m.nested()) {
            word(b, w);
          }
          b.append(')');
        }
      }
      case CommandSub c -> {
        b.append(c.backtick() ? "(bq" : "(sub");
        nodes(b, c.body().body());
        b.append(')');
      }
      case ArithSub a -> {
        b.append("(arith ").append(quote(a.expression()));
        parts(b, a.nested());
        b.append(')');
      }
      case ProcessSub s -> {
        b.append("(psub").append(s.direction());
        nodes(b, s.body().body());
        b.append(')');
      }
    }
  }

  /** The text as a bare token when it is plain, else quoted. */
  static String token(String s) {
    if (s.isEmpty()) {
      return "\"\"";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean plain =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || "_./:@%+=,-~*?^#{}!&|;<>".indexOf(c) >= 0;
      if (!plain) {
        return quote(s);
      }
    }
    return s;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
