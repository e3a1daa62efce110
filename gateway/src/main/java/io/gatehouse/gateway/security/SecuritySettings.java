package io.gatehouse.gateway.security;

import io.gatehouse.gateway.phantom.PhantomCacheSettings;
import io.gatehouse.gateway.route.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the gateway authenticates requests.
 *
 * @param issuer the auth service's issuer URL (its token endpoint is {@code <issuer>/oauth2/token},
 *     its JWKS is found through discovery); empty until known — {@code serve} fills in the
 *     in-process auth service's
 * @param clientId the gateway's own client, allowed the token-exchange grant for every route audience
 * @param clientSecret that client's secret, never logged; empty until known — with the auth role in
 *     the same process, {@code serve} creates the client and its secret
 * @param phantomCache the API-key token cache
 * @param exchangeTimeout bound on one token exchange (connect and answer)
 * @param perApiKey limit per API key across routes, if any
 * @param perClient limit per OAuth client (JWT credentials), if any
 * @param failedAuthPerAddress budget of failed authentication attempts per source address, if any
 */
public record SecuritySettings(Optional<URI> issuer, String clientId, Optional<String> clientSecret, PhantomCacheSettings phantomCache,
    Duration exchangeTimeout, Optional<RateLimit> perApiKey, Optional<RateLimit> perClient,
    Optional<RateLimit> failedAuthPerAddress) {
  /** Default bound on one token exchange. */
  public static final Duration DEFAULT_EXCHANGE_TIMEOUT = Duration.ofSeconds(2);
  /** Default brute-force budget: 20 failures per minute per address. */
  public static final RateLimit DEFAULT_FAILED_AUTH = RateLimit.of(20, Duration.ofMinutes(1));

  /** Checks the required fields. */
  public SecuritySettings {
    Objects.requireNonNull(issuer, "issuer");
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("client-id must not be empty");
    }
    if (clientSecret.isPresent() && clientSecret.get().isEmpty()) {
      throw new IllegalArgumentException("client-secret must not be empty");
    }
    Objects.requireNonNull(phantomCache, "phantomCache");
    if (exchangeTimeout.isNegative() || exchangeTimeout.isZero()) {
      throw new IllegalArgumentException("exchange-timeout must be positive, was: " + exchangeTimeout);
    }
  }

  /** Defaults for everything but the issuer and the secret: client {@code gateway}, 2 s, 20 failures a minute. */
  public static SecuritySettings defaults() {
    return new SecuritySettings(Optional.empty(), "gateway", Optional.empty(), PhantomCacheSettings.DEFAULTS,
        DEFAULT_EXCHANGE_TIMEOUT, Optional.empty(), Optional.empty(), Optional.of(DEFAULT_FAILED_AUTH));
  }

  /** The same settings with this issuer. */
  public SecuritySettings withIssuer(URI issuer) {
    return new SecuritySettings(Optional.of(issuer), clientId, clientSecret, phantomCache, exchangeTimeout, perApiKey,
        perClient, failedAuthPerAddress);
  }

  /** The same settings with this client and secret. */
  public SecuritySettings withClient(String clientId, String clientSecret) {
    return new SecuritySettings(issuer, clientId, Optional.of(clientSecret), phantomCache, exchangeTimeout, perApiKey,
        perClient, failedAuthPerAddress);
  }

  /** The issuer; fails when none was configured or filled in. */
  public URI requiredIssuer() {
    return issuer.orElseThrow(() -> new IllegalStateException("gateway.auth.issuer is not set and no auth service runs in this process"));
  }

  /** The auth service's token endpoint. */
  public URI tokenEndpoint() {
    String base = requiredIssuer().toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/oauth2/token");
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "SecuritySettings[issuer=" + issuer + ", client=" + clientId + "]";
  }
}
