package io.gatehouse.token.verify;

import io.gatehouse.token.Forge;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signing key, a fixed clock, and a header and claims set that verify; a test changes one
 * thing and signs it by hand, so that change is the token's only defect.
 */
final class Fixture {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final String ISSUER = "http://127.0.0.1:9000";
  static final String AUDIENCE = "orders";

  // Generating RSA keys is slow; one key per algorithm serves every test.
  private static final Map<SigningAlgorithm, SigningKey> KEYS = new EnumMap<>(SigningAlgorithm.class);

  final SigningKey key;
  final CryptoProvider provider;

  Fixture(SigningAlgorithm algorithm, CryptoProvider provider) {
    this.key = key(algorithm);
    this.provider = provider;
  }

  static synchronized SigningKey key(SigningAlgorithm algorithm) {
    return KEYS.computeIfAbsent(algorithm, SigningKey::generate);
  }

  /** {@code alg}, {@code typ: at+jwt}, {@code kid}; mutable. */
  Map<String, Object> header() {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", key.algorithm().joseName());
    header.put("typ", "at+jwt");
    header.put("kid", key.kid());
    return header;
  }

  /** Every contract claim, issued now for five minutes; mutable. */
  Map<String, Object> claims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", "alice");
    claims.put("aud", AUDIENCE);
    claims.put("exp", NOW.getEpochSecond() + 300);
    claims.put("iat", NOW.getEpochSecond());
    claims.put("jti", "jti-1");
    claims.put("client_id", "gateway");
    claims.put("scope", "orders:read orders:write");
    return claims;
  }

  /** The fixture's header and claims, signed. */
  String token() {
    return token(header(), claims());
  }

  String token(Map<String, ?> header, Map<String, ?> claims) {
    return token(Forge.json(header), Forge.json(claims));
  }

  String token(String headerJson, String claimsJson) {
    return Forge.jws(key, provider, headerJson, claimsJson);
  }

  /** A verifier for the fixture's issuer, audience and key, at {@link #NOW}. */
  AccessTokenVerifier.Builder verifier() {
    return AccessTokenVerifier.builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .keys(PublicJwks.of(List.of(key.verificationKey())))
        .clock(at(NOW))
        .provider(provider);
  }

  VerifiedToken verify(String token) {
    return verifier().build().verify(token);
  }

  static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }
}
