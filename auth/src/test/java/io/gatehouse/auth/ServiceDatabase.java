package io.gatehouse.auth;

import io.gatehouse.auth.store.TestDatabase;
import java.util.Optional;

/**
 * The database an {@link AuthService} under test runs on: the embedded H2 default (a file in the
 * test's data directory, so every test starts empty) or a fresh PostgreSQL schema from the store
 * tests' {@link TestDatabase}, emptied before each test.
 */
final class ServiceDatabase implements AutoCloseable {
  private final Optional<TestDatabase> postgres;

  private ServiceDatabase(Optional<TestDatabase> postgres) {
    this.postgres = postgres;
  }

  static ServiceDatabase embeddedH2() {
    return new ServiceDatabase(Optional.empty());
  }

  static ServiceDatabase postgres() {
    return new ServiceDatabase(Optional.of(TestDatabase.postgres()));
  }

  /** What {@link AuthSettings#database()} should say. */
  Optional<AuthSettings.Database> settings() {
    return postgres.map(db -> new AuthSettings.Database(db.url(), db.user(), db.password(), 4));
  }

  /** Empties the database (skips the test when PostgreSQL is not there). */
  void reset() {
    postgres.ifPresent(TestDatabase::reset);
  }

  @Override
  public void close() {
    postgres.ifPresent(TestDatabase::close);
  }
}
