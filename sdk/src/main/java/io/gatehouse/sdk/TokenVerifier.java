package io.gatehouse.sdk;

import io.gatehouse.sdk.jwks.RemoteJwks;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.keys.VerificationKeys;
import io.gatehouse.token.verify.AccessTokenVerifier;
import io.gatehouse.token.verify.Rejection;
import io.gatehouse.token.verify.TokenRejectedException;
import io.gatehouse.token.verify.VerifiedToken;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies Gatehouse access tokens locally:
 * {@code TokenVerifier.builder().issuer("http://127.0.0.1:9000").audience("orders").build()}.
 * Keys come from the issuer's JWKS (discovered, or an explicit URL, or given); verified tokens
 * are cached by their SHA-256 so a repeated token pays for its signature once. Thread-safe;
 * close it to stop the background JWKS refresh.
 */
public final class TokenVerifier implements Closeable {
  /** Verified tokens remembered by default. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;
  /** Tolerated clock difference by default. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

  private final AccessTokenVerifier verifier;
  private final Optional<RemoteJwks> remoteJwks;
  private final boolean ownsRemoteJwks;
  private final Optional<VerifiedTokenCache> cache;
  private final Duration clockSkew;

  private TokenVerifier(AccessTokenVerifier verifier, VerificationKeys keys, boolean ownsKeys, Builder builder) {
    this.verifier = verifier;
    this.remoteJwks = keys instanceof RemoteJwks ? Optional.of((RemoteJwks) keys) : Optional.empty();
    this.ownsRemoteJwks = ownsKeys;
    this.cache = builder.cacheSize == 0
        ? Optional.empty()
        : Optional.of(new VerifiedTokenCache(builder.cacheSize, builder.clock, keys));
    this.clockSkew = builder.clockSkew;
  }

  /** A builder; issuer and audience are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a compact JWS access token.
   *
   * @throws UnauthorizedException carrying the {@link Rejection}; {@code keys_unavailable} when
   *     the issuer's JWKS was never fetched
   */
  public Principal verify(String token) {
    if (token == null || token.isEmpty()) {
      throw UnauthorizedException.missingCredential("no token");
    }
    return cache.isPresent() ? cache.get().verify(token, this::verifyFully) : verifyFully(token).principal();
  }

  /**
   * The principal of a token this verifier already verified, still unexpired and signed by a key
   * still held; empty on a miss (then call {@link #verify}, which may fetch keys). Never does
   * I/O and never throws, so a non-blocking caller (an event loop) can try it first.
   */
  public Optional<Principal> cached(String token) {
    return token == null || cache.isEmpty() ? Optional.empty() : cache.get().cached(token);
  }

  /**
   * Verifies the token of an {@code Authorization} header value {@code Bearer <token>} (scheme
   * case-insensitive, exactly one token).
   *
   * @throws UnauthorizedException missing credential for an absent value or another scheme,
   *     {@code malformed} for a malformed Bearer value, otherwise as {@link #verify}
   */
  public Principal verifyAuthorizationHeader(String headerValue) {
    return verify(BearerHeader.token(headerValue));
  }

  /**
   * The JWKS this verifier fetches, for {@link RemoteJwks#status()} in readiness checks or
   * {@link RemoteJwks#refresh()} at startup; empty when other keys were given.
   */
  public Optional<RemoteJwks> remoteJwks() {
    return remoteJwks;
  }

  /** Stops the background refresh of a JWKS this verifier built; keys passed to the builder stay open. */
  @Override
  public void close() {
    if (ownsRemoteJwks) {
      remoteJwks.ifPresent(RemoteJwks::close);
    }
  }

  private VerifiedTokenCache.Entry verifyFully(String token) {
    VerifiedToken verified;
    try {
      verified = verifier.verify(token);
    } catch (TokenRejectedException e) {
      if (e.reason() == Rejection.UNKNOWN_KEY && remoteJwks.isPresent() && !remoteJwks.get().status().available()) {
        throw UnauthorizedException.rejected(Rejection.KEYS_UNAVAILABLE,
            "no JWKS fetched yet: " + remoteJwks.get().status().lastFailure().orElse("not attempted"));
      }
      throw UnauthorizedException.rejected(e.reason(), e.getMessage());
    }
    return new VerifiedTokenCache.Entry(Principal.of(verified), verified.keyId(),
        verified.expiresAt().plus(clockSkew));
  }

  /** Builds a {@link TokenVerifier}; setters reject bad values with a message naming the field. */
  public static final class Builder {
    private final AccessTokenVerifier.Builder access = AccessTokenVerifier.builder();
    private final RemoteJwks.Builder remote = RemoteJwks.builder();
    private String issuer;
    private boolean jwksUriSet;
    private boolean remoteOptionSet;
    private VerificationKeys keys;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private int cacheSize = DEFAULT_CACHE_SIZE;

    private Builder() {}

    /** The exact {@code iss} expected; also where the JWKS is discovered unless {@link #jwksUri} is set. Required. */
    public Builder issuer(String issuer) {
      access.issuer(issuer);
      this.issuer = issuer;
      return this;
    }

    /** An audience this service accepts ({@code aud} must contain one); at least one is required. */
    public Builder audience(String audience) {
      access.audience(audience);
      return this;
    }

    /** Several accepted audiences. */
    public Builder audiences(Collection<String> audiences) {
      access.audiences(audiences);
      return this;
    }

    /** Fetch keys from this JWKS URL instead of discovering it from the issuer. */
    public Builder jwksUri(String jwksUri) {
      remote.jwksUri(jwksUri);
      jwksUriSet = true;
      return this;
    }

    /** Use these keys instead of fetching a JWKS (a {@link RemoteJwks} of your own, a static JWKS, a key ring). */
    public Builder keys(VerificationKeys keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** Time source for token times, the verified-token cache and the JWKS refetch limit; default UTC system clock. */
    public Builder clock(Clock clock) {
      access.clock(clock);
      remote.clock(clock);
      this.clock = clock;
      return this;
    }

    /** Tolerated clock difference, 0 to 5 minutes; default 30 s. */
    public Builder clockSkew(Duration clockSkew) {
      access.clockSkew(clockSkew);
      this.clockSkew = clockSkew;
      return this;
    }

    /** The {@code typ} required; default {@code at+jwt}. */
    public Builder tokenType(TokenType type) {
      access.requireType(type);
      return this;
    }

    /** The JCA provider for signatures; default {@link CryptoProvider#preferred()}. */
    public Builder cryptoProvider(CryptoProvider provider) {
      access.provider(provider);
      return this;
    }

    /** Verified tokens remembered, 0 (no cache) to 10 000 000; default 10 000. */
    public Builder cacheSize(int cacheSize) {
      if (cacheSize < 0 || cacheSize > 10_000_000) {
        throw new IllegalArgumentException("cache size must be between 0 and 10000000, was: " + cacheSize);
      }
      this.cacheSize = cacheSize;
      return this;
    }

    /** Background JWKS refresh interval; default 5 min (a shorter {@code max-age} is honoured). */
    public Builder refreshInterval(Duration interval) {
      remote.refreshInterval(interval);
      remoteOptionSet = true;
      return this;
    }

    /** Shortest time between JWKS fetches triggered by unknown {@code kid}s; default 30 s. */
    public Builder refetchInterval(Duration interval) {
      remote.refetchInterval(interval);
      remoteOptionSet = true;
      return this;
    }

    /** JWKS connect timeout; default 2 s. */
    public Builder connectTimeout(Duration timeout) {
      remote.connectTimeout(timeout);
      remoteOptionSet = true;
      return this;
    }

    /** JWKS response timeout, body included; default 5 s. */
    public Builder requestTimeout(Duration timeout) {
      remote.requestTimeout(timeout);
      remoteOptionSet = true;
      return this;
    }

    /** Builds the verifier; fetches nothing until the first token (or {@link RemoteJwks#refresh()}). */
    public TokenVerifier build() {
      if (issuer == null) {
        throw new IllegalStateException("issuer must be set");
      }
      if (keys != null && (jwksUriSet || remoteOptionSet)) {
        throw new IllegalStateException("keys(...) replaces the fetched JWKS: jwks uri, refresh, refetch "
            + "and timeout options do not apply; configure the RemoteJwks you pass instead");
      }
      if (keys != null) {
        return new TokenVerifier(access.keys(keys).build(), keys, false, this);
      }
      if (!jwksUriSet) {
        remote.issuer(issuer);
      }
      RemoteJwks fetched = remote.build();
      return new TokenVerifier(access.keys(fetched).build(), fetched, true, this);
    }
  }
}
