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
 * for. An entry is four ints side by side, 16 bytes, four to a cache line: the value, the key's
 * length and its first eight chars packed into two ints. Keys of up to eight chars — most path
 * segments — are compared with those ints alone, without reading the text; the rest of a longer key
 * is kept once per distinct key in one string, and where it starts in an array beside the entries
 * that only such keys read. Open addressing with linear probing, each table at most half full, so
 * a probe mostly stays in one cache line. Route segments are
 * alike ({@code svc1}, {@code svc2}, …) and so are their {@link String#hashCode}s, so the slot is
 * the top bits of the hash times the golden ratio (Fibonacci hashing), which spreads neighbouring
 * hashes over the whole table.
 */
final class SegmentTables {
  /** The handle of an empty table. */
  static final int NONE = -1;

  private static final int GOLDEN = 0x9E3779B9;
  private static final int PACKED = 8;
  private static final int STRIDE = 4;
  private static final int VALUE = 0;
  private static final int LENGTH = 1;
  private static final int PREFIX = 2;
  private static final int EMPTY = -1;
  /** A handle is the table's first slot times 32 plus the log2 of its size. */
  private static final int SIZE_BITS = 5;

  private final int[] entries;
  /** Per slot whose key is longer than {@link #PACKED} chars, where the rest of the key is in {@link #rests}. */
  private final int[] restAt;
  /** The chars of long keys after their first {@link #PACKED}, each distinct rest once. */
  private final String rests;

  private SegmentTables(int[] entries, int[] restAt, String rests) {
    this.entries = entries;
    this.restAt = restAt;
    this.rests = rests;
  }

  static Builder builder() {
    return new Builder();
  }

  /** The value for {@code text[from, to)} in the table with this handle, or -1. */
  int get(int table, String text, int from, int to) {
    if (table == NONE) {
      return -1;
    }
    int hash = 0;
    long prefix = 0;
    int chars = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      hash = 31 * hash + c; // String.hashCode over the region
      chars |= c;
      prefix = i - from < PACKED ? prefix << 8 | c : prefix;
    }
    if (chars > 0xFF) {
      return -1;
    }
    hash *= GOLDEN;
    int length = to - from;
    int bits = table & ((1 << SIZE_BITS) - 1);
    int first = table >>> SIZE_BITS;
    for (int slot = hash >>> 32 - bits; ; slot = (slot + 1) & ((1 << bits) - 1)) {
      int at = (first + slot) * STRIDE;
      int value = entries[at + VALUE];
      if (value == EMPTY) {
        return -1;
      }
      if (entries[at + LENGTH] == length && entries[at + PREFIX] == (int) prefix
          && entries[at + PREFIX + 1] == (int) (prefix >>> 32)
          && (length <= PACKED || rests.regionMatches(restAt[first + slot], text, from + PACKED, length - PACKED))) {
        return value;
      }
    }
  }

  /** Lays out tables one after another and keeps each distinct text once. */
  static final class Builder {
    private final Map<String, Integer> restStarts = new HashMap<>();
    private final StringBuilder rests = new StringBuilder();
    private int[] entries = new int[64 * STRIDE];
    private int[] restAt = new int[64];
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
        restAt = Arrays.copyOf(restAt, entries.length / STRIDE);
      }
      Arrays.fill(entries, first * STRIDE, slots * STRIDE, EMPTY);
      table.forEach((key, value) -> put(first, bits, key, value));
      return first << SIZE_BITS | bits;
    }

    private void put(int first, int bits, String key, int value) {
      if (!key.chars().allMatch(c -> c <= 0xFF)) {
        throw new IllegalArgumentException("keys must be ISO 8859-1 text, was: " + key);
      }
      int hash = key.hashCode() * GOLDEN;
      long prefix = 0;
      for (int i = 0; i < Math.min(key.length(), PACKED); i++) {
        prefix = prefix << 8 | key.charAt(i);
      }
      int slot = hash >>> 32 - bits;
      while (entries[(first + slot) * STRIDE + VALUE] != EMPTY) {
        slot = (slot + 1) & ((1 << bits) - 1);
      }
      int at = (first + slot) * STRIDE;
      entries[at + VALUE] = value;
      entries[at + LENGTH] = key.length();
      entries[at + PREFIX] = (int) prefix;
      entries[at + PREFIX + 1] = (int) (prefix >>> 32);
      restAt[first + slot] = key.length() <= PACKED ? 0 : restStarts.computeIfAbsent(key.substring(PACKED), rest -> {
        int start = rests.length();
        rests.append(rest);
        return start;
      });
    }

    SegmentTables build() {
      return new SegmentTables(Arrays.copyOf(entries, slots * STRIDE), Arrays.copyOf(restAt, slots), rests.toString());
    }
  }
}
