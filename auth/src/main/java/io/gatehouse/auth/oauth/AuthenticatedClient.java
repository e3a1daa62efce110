package io.gatehouse.auth.oauth;

import io.gatehouse.auth.store.Client;

/**
 * A client whose credentials checked out for this request.
 *
 * @param client its record
 */
public record AuthenticatedClient(Client client) {
  /** Its id. */
  public String id() {
    return client.clientId();
  }

  /** Whether it may use a grant type. */
  public boolean allowsGrant(String grantType) {
    return client.grants().contains(grantType);
  }
}
