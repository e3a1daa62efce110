package io.gatehouse.gateway.route;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Many small read-only hash tables from a text to a number, packed into one array: a trie node's
 * table from path segment to child node, and the tables from host name to trie root. Looked up by
 * a region of a larger string, so matching walks the request without cutting it into substrings.
 *
 * <p>Laid out so that a lookup touches little memory, which is what a lookup in a large table pays
 * for: an entry is four ints side by side (hash, value, text offset, text length), so a probe reads
 * one cache line, and each distinct text is kept once in one string, so a segment many routes share
 * ({@code items}, {@code v1}) is one line that stays cached, not a string object per route. Open
 * addressing with linear probing, each table at most half full. Route segments are alike
 * ({@code svc1}, {@code svc2}, …) and so are their {@link String#hashCode}s, so the slot is the top
 * bits of the hash times the golden ratio (Fibonacci hashing), which spreads neighbouring hashes
 * over the whole table.
 */
final class SegmentTables {
  /** The handle of an empty table. */
  static final int NONE = -1;

  private static final int GOLDEN = 0x9E3779B9;
  private static final int STRIDE = 4;
  private static final int HASH = 0;
  private static final int VALUE = 1;
  private static final int TEXT = 2;
  private static final int LENGTH = 3;
  private static final int EMPTY = -1;
  /** A handle is the table's first slot times 32 plus the log2 of its size. */
  private static final int SIZE_BITS = 5;

  private final int[] entries;
  /** Every key once, one after another. */
  private final String texts;

  private SegmentTables(int[] entries, String texts) {
    this.entries = entries;
    this.texts = texts;
  }

  static Builder builder() {
    return new Builder();
  }

  /** The value for {@code text[from, to)} in the table with this handle, or -1. */
  int get(int table, String text, int from, int to) {
    if (table == NONE) {
      return -1;
    }
    int bits = table & ((1 << SIZE_BITS) - 1);
    int first = table >>> SIZE_BITS;
    int mask = (1 << bits) - 1;
    int length = to - from;
    int hash = hash(text, from, to);
    for (int slot = hash >>> 32 - bits; ; slot = (slot + 1) & mask) {
      int at = (first + slot) * STRIDE;
      if (entries[at + VALUE] == EMPTY) {
        return -1;
      }
      if (entries[at + HASH] == hash && entries[at + LENGTH] == length && textEquals(entries[at + TEXT], text, from, length)) {
        return entries[at + VALUE];
      }
    }
  }

  /**
   * Compares char by char rather than with {@link String#regionMatches}: segments are short, and
   * the vectorised compare that would be inlined makes this method too large for the JIT to inline
   * into the trie walk.
   */
  private boolean textEquals(int at, String text, int from, int length) {
    for (int i = 0; i < length; i++) {
      if (texts.charAt(at + i) != text.charAt(from + i)) {
        return false;
      }
    }
    return true;
  }

  /** {@link String#hashCode} over the region, times the golden ratio. */
  private static int hash(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h * GOLDEN;
  }

  /** Lays out tables one after another and keeps each distinct text once. */
  static final class Builder {
    private final Map<String, Integer> textAt = new HashMap<>();
    private final StringBuilder texts = new StringBuilder();
    private int[] entries = new int[64 * STRIDE];
    private int slots;

    private Builder() {}

    /** Adds a table holding these keys and values (not negative); returns its handle, {@link #NONE} if empty. */
    int add(Map<String, Integer> table) {
      if (table.isEmpty()) {
        return NONE;
      }
      int bits = 32 - Integer.numberOfLeadingZeros(2 * table.size() - 1);
      int first = slots;
      if (first > Integer.MAX_VALUE >>> SIZE_BITS) {
        throw new IllegalArgumentException("routes have more path segments than a table can hold");
      }
      slots += 1 << bits;
      if (slots * STRIDE > entries.length) {
        entries = Arrays.copyOf(entries, Math.max(slots * STRIDE, 2 * entries.length));
      }
      Arrays.fill(entries, first * STRIDE, slots * STRIDE, EMPTY);
      table.forEach((key, value) -> put(first, bits, key, value));
      return first << SIZE_BITS | bits;
    }

    private void put(int first, int bits, String key, int value) {
      int hash = hash(key, 0, key.length());
      int slot = hash >>> 32 - bits;
      while (entries[(first + slot) * STRIDE + VALUE] != EMPTY) {
        slot = (slot + 1) & ((1 << bits) - 1);
      }
      int at = (first + slot) * STRIDE;
      entries[at + HASH] = hash;
      entries[at + VALUE] = value;
      entries[at + TEXT] = textAt.computeIfAbsent(key, k -> texts.append(k).length() - k.length());
      entries[at + LENGTH] = key.length();
    }

    SegmentTables build() {
      return new SegmentTables(Arrays.copyOf(entries, slots * STRIDE), texts.toString());
    }
  }
}
