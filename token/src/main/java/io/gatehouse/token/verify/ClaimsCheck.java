package io.gatehouse.token.verify;

import io.gatehouse.token.internal.StrictJson;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks an access token's claims set: required claims, JSON types, time, issuer and audience. */
final class ClaimsCheck {
  private final String issuer;
  private final Set<String> audiences;
  private final Clock clock;
  private final Duration skew;
  private final Duration maxLifetime;

  ClaimsCheck(String issuer, Set<String> audiences, Clock clock, Duration skew, Duration maxLifetime) {
    this.issuer = issuer;
    this.audiences = audiences;
    this.clock = clock;
    this.skew = skew;
    this.maxLifetime = maxLifetime;
  }

  VerifiedToken check(byte[] payload, String keyId) {
    Map<String, Object> claims;
    try {
      claims = StrictJson.parseObject(payload);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(Rejection.MALFORMED, "claims: " + e.getMessage());
    }
    Instant expiresAt = requiredTime(claims, "exp");
    Instant issuedAt = requiredTime(claims, "iat");
    String iss = requiredString(claims, "iss");
    String subject = requiredString(claims, "sub");
    List<String> audience = audience(claims);
    checkTimes(claims, issuedAt, expiresAt);
    if (!issuer.equals(iss)) {
      throw new TokenRejectedException(Rejection.ISSUER_MISMATCH, "iss is not the expected issuer");
    }
    // An empty set means any audience (see AccessTokenVerifier.Builder#anyAudience).
    if (!audiences.isEmpty() && audience.stream().noneMatch(audiences::contains)) {
      throw new TokenRejectedException(Rejection.AUDIENCE_MISMATCH, "aud does not include " + audiences);
    }
    return new VerifiedToken(subject, iss, audience, optionalString(claims, "client_id"), scopes(claims),
        issuedAt, expiresAt, optionalString(claims, "jti"), optionalString(claims, "api_key_id"), keyId, claims);
  }

  private void checkTimes(Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
    Instant now = clock.instant();
    if (!now.minus(skew).isBefore(expiresAt)) {
      throw new TokenRejectedException(Rejection.EXPIRED, "token expired at " + expiresAt);
    }
    if (issuedAt.isAfter(now.plus(skew))) {
      throw new TokenRejectedException(Rejection.ISSUED_IN_FUTURE, "iat " + issuedAt + " is in the future");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new TokenRejectedException(Rejection.INVALID_CLAIM, "exp is not after iat");
    }
    if (Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
      throw new TokenRejectedException(Rejection.LIFETIME_EXCEEDED, "exp - iat exceeds " + maxLifetime);
    }
    Optional<Instant> notBefore = optionalTime(claims, "nbf");
    if (notBefore.isPresent() && notBefore.get().isAfter(now.plus(skew))) {
      throw new TokenRejectedException(Rejection.NOT_YET_VALID, "nbf " + notBefore.get() + " is in the future");
    }
  }

  private static String requiredString(Map<String, Object> claims, String name) {
    return optionalString(claims, name)
        .orElseThrow(() -> new TokenRejectedException(Rejection.MISSING_CLAIM, "claim " + name + " is required"));
  }

  private static Optional<String> optionalString(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    if (value == null) {
      requireAbsentRatherThanNull(claims, name);
      return Optional.empty();
    }
    if (!(value instanceof String)) {
      throw new TokenRejectedException(Rejection.INVALID_CLAIM, "claim " + name + " must be a string");
    }
    return Optional.of((String) value);
  }

  private static Instant requiredTime(Map<String, Object> claims, String name) {
    return optionalTime(claims, name)
        .orElseThrow(() -> new TokenRejectedException(Rejection.MISSING_CLAIM, "claim " + name + " is required"));
  }

  private static Optional<Instant> optionalTime(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    if (value == null) {
      requireAbsentRatherThanNull(claims, name);
      return Optional.empty();
    }
    if (value instanceof Long) {
      long seconds = (Long) value;
      if (seconds >= 0 && seconds <= Instant.MAX.getEpochSecond()) {
        return Optional.of(Instant.ofEpochSecond(seconds));
      }
    } else if (value instanceof Double) {
      double seconds = (Double) value;
      if (seconds >= 0 && seconds <= Instant.MAX.getEpochSecond()) {
        return Optional.of(Instant.ofEpochSecond((long) Math.floor(seconds)));
      }
    } else if (!(value instanceof BigInteger)) {
      throw new TokenRejectedException(Rejection.INVALID_CLAIM, "claim " + name + " must be a number");
    }
    throw new TokenRejectedException(Rejection.INVALID_CLAIM, "claim " + name + " is out of range");
  }

  private static List<String> audience(Map<String, Object> claims) {
    Object value = claims.get("aud");
    if (value == null) {
      requireAbsentRatherThanNull(claims, "aud");
      throw new TokenRejectedException(Rejection.MISSING_CLAIM, "claim aud is required");
    }
    if (value instanceof String) {
      return List.of((String) value);
    }
    if (value instanceof List && !((List<?>) value).isEmpty()
        && ((List<?>) value).stream().allMatch(String.class::isInstance)) {
      return ((List<?>) value).stream().map(String.class::cast).collect(Collectors.toUnmodifiableList());
    }
    throw new TokenRejectedException(Rejection.INVALID_CLAIM, "claim aud must be a string or a non-empty array of strings");
  }

  private static Set<String> scopes(Map<String, Object> claims) {
    Optional<String> scope = optionalString(claims, "scope");
    if (scope.isEmpty() || scope.get().isBlank()) {
      return Set.of();
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String part : scope.get().split(" ")) {
      if (!part.isEmpty()) {
        scopes.add(part);
      }
    }
    return Collections.unmodifiableSet(scopes);
  }

  private static void requireAbsentRatherThanNull(Map<String, Object> claims, String name) {
    if (claims.containsKey(name)) {
      throw new TokenRejectedException(Rejection.INVALID_CLAIM, "claim " + name + " must not be null");
    }
  }
}
