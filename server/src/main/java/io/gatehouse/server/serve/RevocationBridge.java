package io.gatehouse.server.serve;

import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.gateway.phantom.CredentialEvents;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Carries the auth service's revocation events to a gateway in the same process, so a revoked
 * key or a changed role takes effect on the next request. The auth service starts first, so the
 * gateway connects later; events before that have nothing cached to evict.
 */
final class RevocationBridge implements AuthChanges {
  private final AtomicReference<CredentialEvents> gateway = new AtomicReference<>();

  void connect(CredentialEvents events) {
    gateway.set(events);
  }

  @Override
  public void apiKeyRevoked(String keyId) {
    CredentialEvents events = gateway.get();
    if (events != null) {
      events.apiKeyRevoked(keyId);
    }
  }

  @Override
  public void userChanged(String userId) {
    CredentialEvents events = gateway.get();
    if (events != null) {
      events.userChanged(userId);
    }
  }

  @Override
  public void roleChanged(String role) {
    CredentialEvents events = gateway.get();
    if (events != null) {
      events.roleChanged(role);
    }
  }
}
