package dev.airlock.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Where classifiers explain their steps for {@code --explain}: the parse, the wrappers seen
 * through, the rules tried. {@link #OFF} costs nothing.
 */
public interface Trace {

  /** Discards everything. */
  Trace OFF =
      new Trace() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public void note(String line) {}
      };

  /** Whether notes are kept; check before building an expensive note. */
  boolean enabled();

  /** Records one line of explanation. */
  void note(String line);

  /** A trace that keeps its notes in order. */
  static Recording recording() {
    return new Recording();
  }

  /** A trace that keeps its notes. */
  final class Recording implements Trace {
    private final List<String> lines = new ArrayList<>();

    private Recording() {}

    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public void note(String line) {
      if (lines.size() < 10_000) {
        lines.add(line);
      }
    }

    public List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
