package io.gatehouse.auth.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset pagination: a cursor is the base64url of the last item's key, so callers cannot
 * depend on what it holds. Queries fetch {@code limit + 1} rows to know whether a next page exists.
 */
final class Paging {
  private Paging() {}

  /** The limit to use: at least 1 (else INVALID), at most {@link StoreTransaction#MAX_PAGE_SIZE}. */
  static int limit(int requested) {
    if (requested < 1) {
      throw Fields.invalid("limit must be at least 1, was " + requested);
    }
    return Math.min(requested, StoreTransaction.MAX_PAGE_SIZE);
  }

  /** The key a cursor stands for; INVALID when it is not one of ours. */
  static Optional<String> after(Optional<String> cursor) {
    if (cursor.isEmpty()) {
      return Optional.empty();
    }
    String value = cursor.get();
    try {
      if (value.isEmpty() || value.length() > 200) {
        throw new IllegalArgumentException("bad length");
      }
      String key = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      if (!encode(key).equals(value)) {
        throw new IllegalArgumentException("not canonical");
      }
      return Optional.of(key);
    } catch (IllegalArgumentException e) {
      throw Fields.invalid("cursor is not valid; pass back the 'next' value of the previous page");
    }
  }

  /** A page of at most {@code limit} rows out of {@code rows} (fetched with {@code limit + 1}). */
  static <T> Page<T> page(List<T> rows, int limit, Function<T, String> key) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), Optional.empty());
    }
    List<T> items = List.copyOf(rows.subList(0, limit));
    return new Page<>(items, Optional.of(encode(key.apply(items.get(limit - 1)))));
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }
}
