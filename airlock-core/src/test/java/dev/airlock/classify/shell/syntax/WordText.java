package dev.airlock.classify.shell.syntax;

/** The text of a word after quote removal, for words without expansions; for tests. */
final class WordText {

  private WordText() {}

  /** Joins the parts; throws when a part would expand at run time. */
  static String of(Word word) {
    StringBuilder b = new StringBuilder();
    for (WordPart p : word.parts()) {
      append(b, p);
    }
    return b.toString();
  }

  private static void append(StringBuilder b, WordPart p) {
    switch (p) {
      case Literal l -> b.append(l.text());
      case SingleQuoted s -> b.append(s.text());
      case AnsiCQuoted a -> b.append(a.text());
      case Tilde t -> b.append('~').append(t.user());
      case DoubleQuoted d -> {
        for (WordPart inner : d.parts()) {
          append(b, inner);
        }
      }
      default -> throw new AssertionError("word part expands at run time: " + p);
    }
  }
}
