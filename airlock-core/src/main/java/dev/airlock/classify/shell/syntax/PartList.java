package dev.airlock.classify.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a word being read. Most words have one part, so the first is held in a field and a
 * list is made only for the second.
 */
final class PartList {

  private @Nullable WordPart first;
  private @Nullable ArrayList<WordPart> all;
  private long braceMask;
  private boolean braceOverflow;

  void add(WordPart part) {
    ArrayList<WordPart> list = all;
    if (list != null) {
      list.add(part);
    } else if (first == null) {
      first = part;
    } else {
      list = new ArrayList<>(4);
      list.add(first);
      list.add(part);
      all = list;
    }
  }

  int size() {
    ArrayList<WordPart> list = all;
    return list != null ? list.size() : first != null ? 1 : 0;
  }

  /** Notes that the next part added is a literal holding an unquoted brace. */
  void braceNext() {
    int index = size();
    if (index < 64) {
      braceMask |= 1L << index;
    } else {
      braceOverflow = true;
    }
  }

  /** Marks the literals noted by {@link #braceNext} as holding a brace expansion. */
  void markBraces() {
    ArrayList<WordPart> list = all;
    if (list == null) {
      if (first instanceof Literal l && (braceMask & 1L) != 0) {
        first = new Literal(l.text(), l.glob(), true, l.span());
      }
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Literal l
          && (i < 64 ? (braceMask & (1L << i)) != 0 : braceOverflow)) {
        list.set(i, new Literal(l.text(), l.glob(), true, l.span()));
      }
    }
  }

  List<WordPart> toList() {
    ArrayList<WordPart> list = all;
    if (list != null) {
      return list;
    }
    WordPart one = first;
    return one == null ? List.of() : List.of(one);
  }
}
