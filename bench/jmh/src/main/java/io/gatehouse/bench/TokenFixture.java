package io.gatehouse.bench;

import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.mint.AccessTokenIssuer;
import io.gatehouse.token.mint.TokenRequest;
import io.gatehouse.token.verify.AccessTokenVerifier;
import java.time.Duration;
import java.util.List;

/** A key, an issuer, a verifier and a sample token for one algorithm on one provider. */
final class TokenFixture {
  static final String ISSUER = "http://127.0.0.1:9000";
  static final String AUDIENCE = "orders";

  final SigningKey key;
  final CryptoProvider provider;
  final AccessTokenIssuer issuer;
  final AccessTokenVerifier verifier;
  final TokenRequest request;
  final String token;

  TokenFixture(String algorithm, String providerName) {
    this.provider = provider(providerName);
    this.key = SigningKey.generate(SigningAlgorithm.parse(algorithm));
    this.issuer = AccessTokenIssuer.builder().issuer(ISSUER).signingKey(key).provider(provider).build();
    this.verifier = AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
        .keys(PublicJwks.of(List.of(key.verificationKey()))).provider(provider).build();
    this.request = TokenRequest.builder().subject("user-1234").audience(AUDIENCE).clientId("gateway")
        .scopes(List.of("orders:read", "orders:write", "inventory:read"))
        .apiKeyId("k_7Hq2").lifetime(Duration.ofMinutes(5)).build();
    this.token = issuer.mint(request).value();
  }

  static CryptoProvider provider(String name) {
    if ("JDK".equals(name)) {
      return CryptoProvider.jdk();
    }
    return CryptoProvider.accp().orElseThrow(() -> new IllegalStateException("ACCP did not load here"));
  }
}
