package io.gatehouse.token.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.token.Providers;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.mint.AccessTokenIssuer;
import io.gatehouse.token.mint.MintedToken;
import io.gatehouse.token.mint.TokenRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  static Stream<Arguments> algorithmsAndProviders() {
    return Stream.of(SigningAlgorithm.values())
        .flatMap(alg -> Providers.all().stream().map(p -> Arguments.of(alg, p)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("algorithmsAndProviders")
  void mintedTokenVerifiesAndTamperedTokenDoesNot(SigningAlgorithm algorithm, CryptoProvider provider) {
    SigningKey key = SigningKey.generate(algorithm);
    AccessTokenIssuer issuer = AccessTokenIssuer.builder().issuer("http://127.0.0.1:9000")
        .signingKey(key).clock(CLOCK).provider(provider).build();
    MintedToken token = issuer.mint(TokenRequest.builder().subject("alice").audience("orders")
        .clientId("gateway").scopes(List.of("orders:read", "orders:write"))
        .lifetime(Duration.ofMinutes(5)).build());
    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer("http://127.0.0.1:9000")
        .audience("orders").keys(PublicJwks.of(List.of(key.verificationKey())))
        .clock(CLOCK).provider(provider).build();

    VerifiedToken verified = verifier.verify(token.value());

    assertThat(verified.subject()).isEqualTo("alice");
    assertThat(verified.scopes()).containsExactly("orders:read", "orders:write");
    assertThat(verified.keyId()).isEqualTo(key.kid());
    String[] parts = token.value().split("\\.");
    char last = parts[1].charAt(5);
    String tampered = parts[0] + "." + parts[1].substring(0, 5) + (last == 'A' ? 'B' : 'A')
        + parts[1].substring(6) + "." + parts[2];
    assertThatThrownBy(() -> verifier.verify(tampered))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isIn(Rejection.BAD_SIGNATURE, Rejection.MALFORMED));
  }

  @org.junit.jupiter.api.Test
  void anyAudienceAcceptsEveryAudienceButStillRequiresOne() {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    AccessTokenIssuer issuer = AccessTokenIssuer.builder().issuer("http://127.0.0.1:9000").signingKey(key)
        .clock(CLOCK).build();
    AccessTokenVerifier anyAudience = AccessTokenVerifier.builder().issuer("http://127.0.0.1:9000").anyAudience()
        .keys(PublicJwks.of(List.of(key.verificationKey()))).clock(CLOCK).build();
    String forInventory = issuer.mint(TokenRequest.builder().subject("alice").audience("inventory")
        .clientId("gateway").lifetime(Duration.ofMinutes(5)).build()).value();

    assertThat(anyAudience.verify(forInventory).audience()).containsExactly("inventory");
    assertThatThrownBy(() -> AccessTokenVerifier.builder().issuer("http://127.0.0.1:9000").anyAudience()
        .audience("orders").keys(PublicJwks.of(List.of())).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("anyAudience() and listed audiences exclude each other");
  }
}
