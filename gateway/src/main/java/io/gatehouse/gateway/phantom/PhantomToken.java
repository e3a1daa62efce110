package io.gatehouse.gateway.phantom;

import io.gatehouse.gateway.credential.ForwardedToken;
import java.time.Instant;
import java.util.Set;

/**
 * An internal JWT issued for an API key, with the claims the gateway needs to authorize and log.
 *
 * @param jwt the compact token forwarded upstream; never shown to the client or logged
 * @param subject {@code sub}: the key's owner
 * @param keyId {@code api_key_id}
 * @param permissions {@code scope} split on spaces
 * @param expiresAt {@code exp}
 */
public record PhantomToken(ForwardedToken jwt, String subject, String keyId, Set<String> permissions, Instant expiresAt) {
  /** Copies the permissions. */
  public PhantomToken {
    permissions = Set.copyOf(permissions);
  }

  /** Everything but the token. */
  @Override
  public String toString() {
    return "PhantomToken[sub=" + subject + ", key=" + keyId + ", exp=" + expiresAt + "]";
  }
}
