package io.gatehouse.auth.store;

import java.util.function.Function;

/**
 * The auth service's database. Every read and write goes through a transaction so that writes
 * that belong together (a change and its audit event) commit together or not at all.
 * Implementations run blocking JDBC: call only from virtual threads, never an event loop.
 */
public interface AuthStore extends AutoCloseable {
  /**
   * Runs work in one transaction and commits it; any exception rolls everything back and is
   * rethrown (database failures as {@link StoreException} of kind UNAVAILABLE).
   */
  <T> T inTransaction(Function<StoreTransaction, T> work);

  /** Whether the database answers (for {@code /readyz}). */
  boolean healthy();

  @Override
  void close();
}
