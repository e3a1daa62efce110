package io.gatehouse.gateway.route;

import java.util.function.Supplier;

/**
 * A string-keyed map looked up by a region of a larger string, so matching a request walks the
 * path without cutting it into substrings. Open addressing, filled at build time and read-only
 * afterwards.
 *
 * <p>Route segments are alike ({@code svc1}, {@code svc2}, …) and so are their {@link
 * String#hashCode}s, which differ in the low bits only by small steps: taken as slots directly,
 * they fill runs of neighbouring slots, and linear probing then walks long runs. So the slot is
 * the top bits of the hash times the golden ratio (Fibonacci hashing), which spreads neighbouring
 * hashes over the whole table. Each slot's hash is kept beside it, so a probe that misses compares
 * two ints instead of touching another key's string: in a table of thousands of keys, each such
 * touch is a cache miss.
 */
final class SegmentMap<V> {
  private static final int GOLDEN = 0x9E3779B9;

  private String[] keys = new String[4];
  private int[] hashes = new int[4];
  private Object[] values = new Object[4];
  private int shift = 32 - 2;
  private int size;

  /** The value for {@code text[from, to)}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V get(String text, int from, int to) {
    if (size == 0) {
      return null;
    }
    int mask = keys.length - 1;
    int length = to - from;
    int hash = hash(text, from, to);
    for (int i = (hash * GOLDEN) >>> shift; ; i = (i + 1) & mask) {
      String key = keys[i];
      if (key == null) {
        return null;
      }
      if (hashes[i] == hash && key.length() == length && key.regionMatches(0, text, from, length)) {
        return (V) values[i];
      }
    }
  }

  /** The value for {@code key}, created and stored if absent. */
  V computeIfAbsent(String key, Supplier<V> create) {
    V existing = get(key, 0, key.length());
    if (existing != null) {
      return existing;
    }
    if (2 * (size + 1) > keys.length) {
      resize();
    }
    V value = create.get();
    put(key, value);
    return value;
  }

  private void put(String key, Object value) {
    int mask = keys.length - 1;
    int hash = hash(key, 0, key.length());
    int i = (hash * GOLDEN) >>> shift;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    hashes[i] = hash;
    values[i] = value;
    size++;
  }

  private void resize() {
    String[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    shift--;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** {@link String#hashCode} over the region. */
  private static int hash(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h;
  }
}
