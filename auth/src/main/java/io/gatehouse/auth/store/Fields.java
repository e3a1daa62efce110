package io.gatehouse.auth.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Validates values before they reach SQL, so limits are INVALID with the field's name rather
 * than a database error. The limits are the column sizes of the migration (in UTF-16 units,
 * never more than either database counts). No value may hold control characters; identifiers
 * and permissions ("tokens") may not hold whitespace either, since scopes are space-separated.
 */
final class Fields {
  static final int ID = 32;
  static final int USERNAME = 128;
  static final int PASSWORD_HASH = 512;
  static final int ROLE = 128;
  static final int PERMISSION = 200;
  static final int CLIENT_ID = 128;
  static final int NAME = 200;
  static final int GRANT = 128;
  static final int AUDIENCE = 512;
  static final int KID = 64;
  static final int SEALED = 16384;
  static final int SUBJECT = 128;
  static final int FAMILY = 64;
  static final int ACTOR = 128;
  static final int ACTION = 64;
  static final int TARGET = 256;
  static final int DETAIL = 1024;

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private Fields() {}

  /** Required, not blank, at most {@code max} characters, no control characters. */
  static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field + " is required");
    }
    return optionalText(field, value, max);
  }

  /** Like {@link #text} but may be empty. */
  static String optionalText(String field, String value, int max) {
    if (value == null) {
      throw invalid(field + " must not be null");
    }
    if (value.length() > max) {
      throw invalid(field + " must be at most " + max + " characters, was " + value.length());
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw invalid(field + " must not contain control characters");
    }
    return value;
  }

  /** An identifier or permission: {@link #text} without whitespace. */
  static String token(String field, String value, int max) {
    text(field, value, max);
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(field + " must not contain whitespace");
    }
    return value;
  }

  /** A set of tokens, each checked, sorted and without duplicates. */
  static SortedSet<String> tokens(String field, Collection<String> values, int max) {
    if (values == null) {
      throw invalid(field + " must not be null");
    }
    SortedSet<String> out = new TreeSet<>();
    for (String value : values) {
      out.add(token(field + " entry", value, max));
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** A set of names (whitespace allowed), each checked, sorted and without duplicates. */
  static SortedSet<String> names(String field, Collection<String> values, int max) {
    if (values == null) {
      throw invalid(field + " must not be null");
    }
    SortedSet<String> out = new TreeSet<>();
    for (String value : values) {
      out.add(text(field + " entry", value, max));
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /**
   * Whether a lookup key could be stored at all; lookups answer "absent" for anything else
   * without asking the database (PostgreSQL would abort the transaction on a NUL character).
   */
  static boolean storable(String value, int max) {
    return value != null && value.length() <= max && value.chars().noneMatch(Character::isISOControl);
  }

  /** A SHA-256 as 64 lowercase hex characters, the one hash format the store keeps. */
  static String hash(String field, String value) {
    if (value == null || !value.matches("[0-9a-f]{64}")) {
      throw invalid(field + " must be a SHA-256 as 64 lowercase hex characters");
    }
    return value;
  }

  /** A time both databases can store (years 1 to 9999). */
  static Instant time(String field, Instant value) {
    if (value == null) {
      throw invalid(field + " is required");
    }
    if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
      throw invalid(field + " must be between years 1 and 9999, was " + value);
    }
    return value;
  }

  /** An optional time; when present, as {@link #time}. */
  static Optional<Instant> optionalTime(String field, Optional<Instant> value) {
    if (value == null) {
      throw invalid(field + " must not be null");
    }
    value.ifPresent(v -> time(field, v));
    return value;
  }

  static StoreException invalid(String message) {
    return new StoreException(StoreException.Kind.INVALID, message);
  }

  static StoreException notFound(String message) {
    return new StoreException(StoreException.Kind.NOT_FOUND, message);
  }
}
