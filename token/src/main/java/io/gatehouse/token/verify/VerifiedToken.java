package io.gatehouse.token.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A verified access token's claims.
 *
 * @param subject {@code sub}: the user or client id
 * @param issuer {@code iss}
 * @param audience {@code aud} (a single string becomes a one-element list)
 * @param clientId {@code client_id}
 * @param scopes {@code scope} split on spaces: the permissions the token carries
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param jwtId {@code jti}
 * @param apiKeyId {@code api_key_id}, on tokens minted for an API key
 * @param keyId {@code kid} of the key that verified the signature
 * @param claims every claim, as parsed
 */
public record VerifiedToken(
    String subject,
    String issuer,
    List<String> audience,
    Optional<String> clientId,
    Set<String> scopes,
    Instant issuedAt,
    Instant expiresAt,
    Optional<String> jwtId,
    Optional<String> apiKeyId,
    String keyId,
    Map<String, Object> claims) {

  /** Whether the token carries this permission. */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }
}
