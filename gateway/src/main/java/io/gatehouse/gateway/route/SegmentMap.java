package io.gatehouse.gateway.route;

import java.util.function.Supplier;

/**
 * A string-keyed map looked up by a region of a larger string, so matching a request walks the
 * path without cutting it into substrings. Open addressing, filled at build time and read-only
 * afterwards.
 */
final class SegmentMap<V> {
  private String[] keys = new String[4];
  private Object[] values = new Object[4];
  private int size;

  /** The value for {@code text[from, to)}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V get(String text, int from, int to) {
    if (size == 0) {
      return null;
    }
    int mask = keys.length - 1;
    int length = to - from;
    for (int i = hash(text, from, to) & mask; ; i = (i + 1) & mask) {
      String key = keys[i];
      if (key == null) {
        return null;
      }
      if (key.length() == length && key.regionMatches(0, text, from, length)) {
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
    int i = hash(key, 0, key.length()) & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  private void resize() {
    String[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** {@link String#hashCode} over the region, its high bits folded in for the power-of-two table. */
  private static int hash(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h ^ (h >>> 16);
  }
}
