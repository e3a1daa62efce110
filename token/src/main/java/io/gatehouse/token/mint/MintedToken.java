package io.gatehouse.token.mint;

import java.time.Instant;

/**
 * A freshly signed token. {@link #toString()} hides the value, which is a bearer credential.
 *
 * @param value the compact JWS
 * @param jwtId its {@code jti}
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 */
public record MintedToken(String value, String jwtId, Instant issuedAt, Instant expiresAt) {
  @Override
  public String toString() {
    return "MintedToken[jti=" + jwtId + ", expiresAt=" + expiresAt + "]";
  }
}
