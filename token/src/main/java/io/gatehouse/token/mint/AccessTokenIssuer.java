package io.gatehouse.token.mint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.token.TokenException;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.internal.Base64Url;
import io.gatehouse.token.keys.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Mints RFC 9068 access tokens: header {@code alg}, {@code kid}, {@code typ: at+jwt}; claims
 * {@code iss}, {@code sub}, {@code aud}, {@code exp}, {@code iat}, {@code jti}, {@code client_id},
 * {@code scope} and, for API keys, {@code api_key_id}. Thread-safe.
 */
public final class AccessTokenIssuer {
  private static final int JTI_BYTES = 16;

  private final String issuer;
  private final Supplier<SigningKey> signingKey;
  private final Clock clock;
  private final Duration maxLifetime;
  private final CryptoProvider provider;
  private final SecureRandom random = new SecureRandom();

  private AccessTokenIssuer(Builder builder) {
    this.issuer = builder.issuer;
    this.signingKey = builder.signingKey;
    this.clock = builder.clock;
    this.maxLifetime = builder.maxLifetime;
    this.provider = builder.provider;
  }

  /** A builder; issuer and signing key are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code iss} this issuer writes. */
  public String issuer() {
    return issuer;
  }

  /**
   * Signs a token for the request with the current signing key.
   *
   * @throws IllegalArgumentException when the lifetime exceeds the issuer's maximum
   * @throws TokenException when signing fails
   */
  public MintedToken mint(TokenRequest request) {
    if (request.lifetime().compareTo(maxLifetime) > 0) {
      throw new IllegalArgumentException("lifetime " + request.lifetime() + " exceeds the maximum " + maxLifetime);
    }
    SigningKey key = signingKey.get();
    Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    Instant expiresAt = issuedAt.plus(request.lifetime());
    String jti = newJti();
    JWSHeader header = new JWSHeader.Builder(key.algorithm().jwsAlgorithm())
        .keyID(key.kid())
        .type(new JOSEObjectType(request.type().headerValue()))
        .build();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(request.subject())
        .audience(request.audience().size() == 1 ? request.audience().subList(0, 1) : request.audience())
        .expirationTime(Date.from(expiresAt))
        .issueTime(Date.from(issuedAt))
        .jwtID(jti)
        .claim("client_id", request.clientId())
        .claim("scope", String.join(" ", request.scopes()));
    request.apiKeyId().ifPresent(id -> claims.claim("api_key_id", id));
    request.extraClaims().forEach(claims::claim);
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(key.signer(provider));
    } catch (JOSEException e) {
      throw new TokenException("signing with key " + key.kid() + " failed: " + e.getMessage(), e);
    }
    return new MintedToken(jwt.serialize(), jti, issuedAt, expiresAt);
  }

  private String newJti() {
    byte[] bytes = new byte[JTI_BYTES];
    random.nextBytes(bytes);
    return Base64Url.encode(bytes);
  }

  /** Builds an {@link AccessTokenIssuer}. */
  public static final class Builder {
    private String issuer;
    private Supplier<SigningKey> signingKey;
    private Clock clock = Clock.systemUTC();
    private Duration maxLifetime = Duration.ofHours(24);
    private CryptoProvider provider = CryptoProvider.preferred();

    private Builder() {}

    /** The {@code iss} to write; required. */
    public Builder issuer(String issuer) {
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalArgumentException("issuer must not be blank");
      }
      this.issuer = issuer;
      return this;
    }

    /** A fixed signing key. */
    public Builder signingKey(SigningKey key) {
      Objects.requireNonNull(key, "key");
      this.signingKey = () -> key;
      return this;
    }

    /** Where the current signing key comes from, e.g. {@code keyRing::activeKey}. */
    public Builder signingKey(Supplier<SigningKey> source) {
      this.signingKey = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Time source; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Longest lifetime a request may ask for; default 24 h. */
    public Builder maxLifetime(Duration maxLifetime) {
      if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()) {
        throw new IllegalArgumentException("max lifetime must be positive, was: " + maxLifetime);
      }
      this.maxLifetime = maxLifetime;
      return this;
    }

    /** The JCA provider; default {@link CryptoProvider#preferred()}. */
    public Builder provider(CryptoProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** Builds the issuer. */
    public AccessTokenIssuer build() {
      if (issuer == null) {
        throw new IllegalStateException("issuer must be set");
      }
      if (signingKey == null) {
        throw new IllegalStateException("signing key must be set");
      }
      return new AccessTokenIssuer(this);
    }
  }
}
