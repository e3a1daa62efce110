package io.gatehouse.auth.store;

import java.sql.SQLException;

/**
 * Maps a {@link SQLException} to a {@link StoreException} by SQLState, which H2 and PostgreSQL
 * share: 23505 unique violation, 23503/23506 foreign key, class 22 bad data, anything else
 * (connection loss, lock timeout, server error) UNAVAILABLE. Messages never carry the
 * database's own text, which may quote values.
 */
final class SqlErrors {
  private SqlErrors() {}

  /**
   * The store exception for {@code e}.
   *
   * @param what the thing being written or read, as the caller would name it, e.g. {@code user 'alice'}
   */
  static StoreException translate(SQLException e, String what) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return switch (state) {
      case "23505" -> new StoreException(StoreException.Kind.CONFLICT, what + " already exists", e);
      case "23503", "23506" -> new StoreException(StoreException.Kind.INVALID,
          what + " refers to a row that does not exist", e);
      default -> state.startsWith("22") || state.startsWith("23")
          ? new StoreException(StoreException.Kind.INVALID, what + " has a value the database rejects (SQLState "
              + state + ")", e)
          : new StoreException(StoreException.Kind.UNAVAILABLE, "database unavailable or failed on " + what
              + " (SQLState " + (state.isEmpty() ? "none" : state) + ")", e);
    };
  }
}
