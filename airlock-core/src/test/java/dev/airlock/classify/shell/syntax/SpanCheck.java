package dev.airlock.classify.shell.syntax;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks the spans of a syntax tree, for tests: every span lies within the source, every child lies
 * within its parent, and siblings come in source order without overlapping. Inside a backquoted
 * substitution every span is the substitution's, so only containment is checked there. A
 * here-document body lies after its command line, so it is only checked against the source.
 */
final class SpanCheck {

  private final String source;
  private final Span all;

  private SpanCheck(String source) {
    this.source = source;
    this.all = new Span(0, source.length());
  }

  /** Throws an {@link AssertionError} naming the first bad span. */
  static void check(Script script) {
    new SpanCheck(script.source()).script(script, new Span(0, script.source().length()), false);
  }

  private void script(Script s, Span bound, boolean fixed) {
    if (!s.source().equals(source)) {
      throw new AssertionError("nested script does not refer to the top-level source");
    }
    for (SyntaxError e : s.errors()) {
      if (e.offset() < 0 || e.offset() > source.length()) {
        throw new AssertionError("error offset outside the source: " + e);
      }
    }
    nodes(s.body(), bound, fixed);
  }

  private void within(Span child, Span parent, String what) {
    if (child.start() < parent.start() || child.end() > parent.end()) {
      throw new AssertionError(what + " span " + child + " lies outside " + parent);
    }
  }

  private static Span order(@Nullable Span prev, Span next, boolean fixed, String what) {
    if (!fixed && prev != null && next.start() < prev.end()) {
      throw new AssertionError(what + " span " + next + " overlaps or precedes " + prev);
    }
    return next;
  }

  private void nodes(List<Node> nodes, Span parent, boolean fixed) {
    Span prev = null;
    for (Node n : nodes) {
      within(n.span(), parent, n.getClass().getSimpleName());
      prev = order(prev, n.span(), fixed, n.getClass().getSimpleName());
      node(n, fixed);
    }
  }

  private void node(Node n, boolean fixed) {
    Span s = n.span();
    switch (n) {
      case SimpleCommand c -> {
        Span prev = null;
        for (Assignment a : c.assignments()) {
          within(a.span(), s, "assignment");
          prev = order(prev, a.span(), fixed, "assignment");
          Word value = a.value();
          if (value != null) {
            word(value, a.span(), fixed);
          }
          words(a.array(), a.span(), fixed);
        }
        words(c.words(), s, fixed);
        redirects(c.redirects(), s, fixed);
      }
      case Pipeline p -> nodes(p.stages(), s, fixed);
      case AndOr a -> nodes(List.of(a.left(), a.right()), s, fixed);
      case Sequence q -> nodes(q.items(), s, fixed);
      case Background b -> nodes(List.of(b.command()), s, fixed);
      case Compound c -> {
        nodes(c.body(), s, fixed);
        words(c.words(), s, fixed);
        redirects(c.redirects(), s, fixed);
      }
      case FunctionDef f -> nodes(List.of(f.body()), s, fixed);
    }
  }

  private void redirects(List<Redirect> redirects, Span parent, boolean fixed) {
    Span prev = null;
    for (Redirect r : redirects) {
      within(r.span(), parent, "redirect");
      prev = order(prev, r.span(), fixed, "redirect");
      Word target = r.target();
      if (target != null) {
        word(target, r.span(), fixed);
      }
      Heredoc h = r.heredoc();
      if (h != null) {
        within(h.span(), all, "heredoc");
        parts(h.parts(), h.span(), fixed);
      }
    }
  }

  private void words(List<Word> words, Span parent, boolean fixed) {
    Span prev = null;
    for (Word w : words) {
      prev = order(prev, w.span(), fixed, "word");
      word(w, parent, fixed);
    }
  }

  private void word(Word w, Span parent, boolean fixed) {
    within(w.span(), parent, "word");
    parts(w.parts(), w.span(), fixed);
  }

  private void parts(List<WordPart> parts, Span parent, boolean fixed) {
    Span prev = null;
    for (WordPart p : parts) {
      Span s = p.span();
      within(s, parent, p.getClass().getSimpleName());
      prev = order(prev, s, fixed, p.getClass().getSimpleName());
      switch (p) {
        case DoubleQuoted d -> parts(d.parts(), s, fixed);
        case Param m -> words(m.nested(), s, fixed);
        case CommandSub c -> script(c.body(), s, fixed || c.backtick());
        case ArithSub a -> parts(a.nested(), s, fixed);
        case ProcessSub ps -> script(ps.body(), s, fixed);
        case Literal l -> {}
        case SingleQuoted q -> {}
        case AnsiCQuoted q -> {}
        case Tilde t -> {}
      }
    }
  }
}
