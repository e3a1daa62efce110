package io.gatehouse.auth.oauth;

import io.gatehouse.token.TokenType;
import java.time.Duration;
import java.util.Map;

/**
 * What the token endpoint issues.
 *
 * @param issuer the {@code iss} (and discovery base URL)
 * @param clientTokenLifetime lifetime of client_credentials and refresh_token access tokens
 * @param apiKeyTokenLifetime lifetime of tokens minted for API keys (at most 300 s)
 * @param refreshTokenLifetime lifetime of refresh tokens
 * @param audienceTypes audiences configured with a {@code typ} other than {@code at+jwt}
 * @param cacheTtl how long clients, API keys and owners are cached (bounds cross-node staleness)
 */
public record TokenSettings(String issuer, Duration clientTokenLifetime, Duration apiKeyTokenLifetime,
    Duration refreshTokenLifetime, Map<String, TokenType> audienceTypes, Duration cacheTtl) {

  /** Longest lifetime of a token minted for an API key (contract). */
  public static final Duration MAX_API_KEY_TOKEN_LIFETIME = Duration.ofSeconds(300);

  /** Validates the lifetimes. */
  public TokenSettings {
    if (apiKeyTokenLifetime.compareTo(MAX_API_KEY_TOKEN_LIFETIME) > 0) {
      throw new IllegalArgumentException("API key token lifetime must be at most 300 s, was: " + apiKeyTokenLifetime);
    }
    audienceTypes = Map.copyOf(audienceTypes);
  }
}
