package io.gatehouse.auth.apikeys;

/**
 * Changes that shrink what existing credentials may do. A gateway in the same process listens to
 * evict its cached tokens at once; a cluster transport (Redis, PostgreSQL) can implement it later
 * without touching callers.
 */
public interface AuthChanges {
  /** Ignores every change. */
  AuthChanges NONE = new AuthChanges() {};

  /** An API key was revoked. */
  default void apiKeyRevoked(String keyId) {}

  /** A user was disabled or deleted, or lost roles. */
  default void userChanged(String userId) {}

  /** A role's permissions changed or the role was deleted. */
  default void roleChanged(String role) {}
}
