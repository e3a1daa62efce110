package io.gatehouse.auth.admin;

import io.gatehouse.http.HttpException;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Validation of admin request fields; failures are 400 problems naming the field. */
final class Fields {
  private Fields() {}

  /** Printable text without control characters, 1 to max chars (stored verbatim otherwise). */
  static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field, "is required");
    }
    if (value.length() > max) {
      throw invalid(field, "must be at most " + max + " characters");
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw invalid(field, "must not contain control characters");
    }
    return value;
  }

  /** Like {@link #text} and without whitespace (names, permissions, audiences). */
  static String token(String field, String value, int max) {
    text(field, value, max);
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(field, "must not contain whitespace");
    }
    return value;
  }

  /** A list of tokens (may be empty), at most 256 entries. */
  static SortedSet<String> tokens(String field, Collection<String> values) {
    SortedSet<String> out = new TreeSet<>();
    List<String> list = values == null ? List.of() : List.copyOf(values);
    if (list.size() > 256) {
      throw invalid(field, "must have at most 256 entries");
    }
    for (int i = 0; i < list.size(); i++) {
      out.add(token(field + "[" + i + "]", list.get(i), 128));
    }
    return out;
  }

  /** A 400 naming the field. */
  static HttpException invalid(String field, String reason) {
    return HttpException.builder(400).title("Invalid field").detail(field + ": " + reason).build();
  }
}
