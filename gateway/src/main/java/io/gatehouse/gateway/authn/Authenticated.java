package io.gatehouse.gateway.authn;

import io.gatehouse.gateway.credential.ForwardedToken;
import io.gatehouse.gateway.filter.GatewayContext;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request was authenticated as, for the filters after authentication and the access log.
 *
 * @param subject {@code sub}
 * @param apiKeyId the API key's public id, when the credential was one
 * @param clientId {@code client_id}, when the token has one
 * @param permissions what the forwarded token grants
 * @param forwardedToken the JWT sent upstream; never to the client, never logged
 */
public record Authenticated(String subject, Optional<String> apiKeyId, Optional<String> clientId,
    Set<String> permissions, ForwardedToken forwardedToken) {
  /** The context attribute the authentication filter sets. */
  public static final GatewayContext.Key<Authenticated> KEY = GatewayContext.Key.of("authenticated", Authenticated.class);

  /** Copies the permissions. */
  public Authenticated {
    permissions = Set.copyOf(permissions);
  }

  /** Everything but the token. */
  @Override
  public String toString() {
    return "Authenticated[sub=" + subject + ", key=" + apiKeyId.orElse("-") + ", client=" + clientId.orElse("-") + "]";
  }
}
