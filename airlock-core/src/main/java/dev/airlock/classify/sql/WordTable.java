package dev.airlock.classify.sql;

/**
 * A fixed set of ASCII words with an allocation-free, case-insensitive lookup from a span of text:
 * open addressing over a hash of the upper-cased characters.
 */
final class WordTable {

  private final String[] names;
  private final short[] slots;
  private final int mask;

  /** A table of the given words; index i of the array is returned as id i + 1. */
  WordTable(String... words) {
    this.names = new String[words.length];
    int size = Integer.highestOneBit(Math.max(16, words.length * 4) - 1) << 1;
    this.slots = new short[size];
    this.mask = size - 1;
    for (int i = 0; i < words.length; i++) {
      String upper = words[i].toUpperCase(java.util.Locale.ROOT);
      names[i] = upper;
      int h = hash(upper, 0, upper.length()) & mask;
      while (slots[h] != 0) {
        h = (h + 1) & mask;
      }
      slots[h] = (short) (i + 1);
    }
  }

  /**
   * The id (1-based index) of the word {@code text[start, end)}, or 0 if it is not in the table.
   */
  int lookup(CharSequence text, int start, int end) {
    int len = end - start;
    if (len < 1 || len > 40) {
      return 0;
    }
    int h = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c > 127) {
        return 0;
      }
      h = h * 31 + upper(c);
    }
    int slot = mix(h) & mask;
    while (true) {
      int id = slots[slot];
      if (id == 0) {
        return 0;
      }
      String name = names[id - 1];
      if (name.length() == len && matches(name, text, start)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The upper-case word with this id. */
  String name(int id) {
    return names[id - 1];
  }

  private static boolean matches(String name, CharSequence text, int start) {
    for (int i = 0; i < name.length(); i++) {
      if (upper(text.charAt(start + i)) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static char upper(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
  }

  private static int hash(CharSequence s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = h * 31 + upper(s.charAt(i));
    }
    return mix(h);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x45d9f3b;
    h ^= h >>> 16;
    return h;
  }
}
