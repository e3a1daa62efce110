package io.gatehouse.gateway.phantom;

/**
 * Changes that shrink what a credential may do, as the gateway consumes them. In one process the
 * auth service calls these directly; a cluster transport (Redis, PostgreSQL) can deliver them
 * later without touching the filters.
 */
public interface CredentialEvents {
  /** An API key was revoked: its cached tokens go now. */
  void apiKeyRevoked(String keyId);

  /** A user was disabled, deleted or lost roles: their cached tokens go now. */
  void userChanged(String userId);

  /** A role's permissions changed or it was deleted. */
  void roleChanged(String role);
}
