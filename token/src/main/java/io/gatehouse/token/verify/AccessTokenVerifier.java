package io.gatehouse.token.verify;

import io.gatehouse.token.TokenType;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.keys.VerificationKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies RFC 9068 access tokens: signature ({@link JwsVerifier}), {@code typ}, then claims —
 * {@code exp}, {@code iat}, {@code iss}, {@code aud}, {@code sub} required with their JSON types,
 * exact issuer, audience containment, clock skew, maximum lifetime. Thread-safe.
 */
public final class AccessTokenVerifier {
  private final JwsVerifier jwsVerifier;
  private final Optional<TokenType> requiredType;
  private final ClaimsCheck claimsCheck;

  private AccessTokenVerifier(Builder builder) {
    this.jwsVerifier = JwsVerifier.builder().keys(builder.keys).provider(builder.provider)
        .maxTokenLength(builder.maxTokenLength).build();
    this.requiredType = Optional.ofNullable(builder.requiredType);
    this.claimsCheck = new ClaimsCheck(builder.issuer, Set.copyOf(builder.audiences), builder.clock,
        builder.clockSkew, builder.maxLifetime);
  }

  /** A builder; issuer, audience and keys are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a token.
   *
   * @throws TokenRejectedException with the reason
   */
  public VerifiedToken verify(String token) {
    JwsVerifier.VerifiedJws verified = jwsVerifier.verify(token);
    CompactJws jws = verified.jws();
    if (requiredType.isPresent() && !requiredType.get().matches(jws.type().orElse(null))) {
      throw new TokenRejectedException(Rejection.WRONG_TYPE,
          "typ must be " + requiredType.get().headerValue() + ", was " + jws.type().orElse("absent"));
    }
    return claimsCheck.check(jws.payloadBytes(), verified.key().kid());
  }

  /** Builds an {@link AccessTokenVerifier}. */
  public static final class Builder {
    private String issuer;
    private final Set<String> audiences = new LinkedHashSet<>();
    private boolean anyAudience;
    private VerificationKeys keys;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofSeconds(30);
    private Duration maxLifetime = Duration.ofHours(24);
    private TokenType requiredType = TokenType.AT_JWT;
    private CryptoProvider provider = CryptoProvider.preferred();
    private int maxTokenLength = JwsVerifier.DEFAULT_MAX_TOKEN_LENGTH;

    private Builder() {}

    /** The exact {@code iss} expected; required. */
    public Builder issuer(String issuer) {
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalArgumentException("issuer must not be blank");
      }
      this.issuer = issuer;
      return this;
    }

    /** An audience this verifier accepts ({@code aud} must contain one); at least one is required. */
    public Builder audience(String audience) {
      if (audience == null || audience.isBlank()) {
        throw new IllegalArgumentException("audience must not be blank");
      }
      audiences.add(audience);
      return this;
    }

    /**
     * Accept any audience ({@code aud} must still be present and well-formed): for the issuer's
     * own introspection endpoint, which answers for tokens of every audience.
     */
    public Builder anyAudience() {
      this.anyAudience = true;
      return this;
    }

    /** Several accepted audiences. */
    public Builder audiences(Collection<String> audiences) {
      audiences.forEach(this::audience);
      return this;
    }

    /** Where the public keys come from; required. */
    public Builder keys(VerificationKeys keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /** Time source; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Tolerated clock difference, 0 to 5 minutes; default 30 s. */
    public Builder clockSkew(Duration clockSkew) {
      if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("clock skew must be between 0 and 5 minutes, was: " + clockSkew);
      }
      this.clockSkew = clockSkew;
      return this;
    }

    /** Longest {@code exp - iat} accepted; default 24 h. */
    public Builder maxLifetime(Duration maxLifetime) {
      if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()) {
        throw new IllegalArgumentException("max lifetime must be positive, was: " + maxLifetime);
      }
      this.maxLifetime = maxLifetime;
      return this;
    }

    /** The {@code typ} required; default {@code at+jwt}. */
    public Builder requireType(TokenType type) {
      this.requiredType = Objects.requireNonNull(type, "type");
      return this;
    }

    /** Accept any {@code typ} (or none): for verifiers of plain JWTs from other issuers. */
    public Builder anyType() {
      this.requiredType = null;
      return this;
    }

    /** The JCA provider; default {@link CryptoProvider#preferred()}. */
    public Builder provider(CryptoProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** Longest token accepted, in characters; default 8192. */
    public Builder maxTokenLength(int maxTokenLength) {
      this.maxTokenLength = maxTokenLength;
      return this;
    }

    /** Builds the verifier. */
    public AccessTokenVerifier build() {
      if (issuer == null) {
        throw new IllegalStateException("issuer must be set");
      }
      if (audiences.isEmpty() && !anyAudience) {
        throw new IllegalStateException("at least one audience must be set");
      }
      if (!audiences.isEmpty() && anyAudience) {
        throw new IllegalStateException("anyAudience() and listed audiences exclude each other");
      }
      if (keys == null) {
        throw new IllegalStateException("keys must be set");
      }
      return new AccessTokenVerifier(this);
    }
  }
}
