package io.gatehouse.sdk;

import static io.gatehouse.sdk.fixture.TestIssuer.AUDIENCE;
import static io.gatehouse.sdk.fixture.TestIssuer.DISCOVERY_PATH;
import static io.gatehouse.sdk.fixture.TestIssuer.JWKS_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.sdk.fixture.MutableClock;
import io.gatehouse.sdk.fixture.TestIssuer;
import io.gatehouse.sdk.jwks.RemoteJwks;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.verify.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
  private static final Duration LIFETIME = Duration.ofMinutes(5);

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final TestIssuer issuer = TestIssuer.start(clock);
  private TokenVerifier verifier;

  @AfterEach
  void stop() {
    if (verifier != null) {
      verifier.close();
    }
    issuer.close();
  }

  private TokenVerifier.Builder builder() {
    return TokenVerifier.builder().issuer(issuer.issuer()).audience(AUDIENCE).clock(clock);
  }

  private TokenVerifier discovering() {
    verifier = builder().build();
    return verifier;
  }

  private static void assertRejected(ThrowingCallable call, Rejection reason) {
    assertThatThrownBy(call).isInstanceOfSatisfying(UnauthorizedException.class,
        e -> assertThat(e.rejection()).contains(reason));
  }

  @Test
  void verifiesTokenWithKeysFromDiscoveredJwks() {
    Principal principal = discovering().verify(issuer.mint(LIFETIME, "orders:read", "orders:write"));

    assertThat(principal.subject()).isEqualTo("alice");
    assertThat(principal.clientId()).contains("web");
    assertThat(principal.permissions()).containsExactly("orders:read", "orders:write");
    assertThat(principal.apiKeyId()).isEmpty();
    assertThat(principal.expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
    assertThat(principal.claims()).containsEntry("iss", issuer.issuer());
    assertThat(issuer.requests(DISCOVERY_PATH)).isEqualTo(1);
  }

  @Test
  void verifiesTokenWithKeysFromExplicitJwksUri() {
    verifier = builder().jwksUri(issuer.jwksUri()).build();

    assertThat(verifier.verify(issuer.mint(LIFETIME)).subject()).isEqualTo("alice");
    assertThat(issuer.requests(DISCOVERY_PATH)).isZero();
  }

  @Test
  void acceptsTokenOfThePublishedNextKeyWithoutRefetch() {
    discovering().verify(issuer.mint(LIFETIME));
    issuer.ring().rotate();

    assertThat(verifier.verify(issuer.mint(LIFETIME)).subject()).isEqualTo("alice");
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(1);
  }

  @Test
  void acceptsTokenOfANewKeyAfterRefetchOnUnknownKid() {
    discovering().verify(issuer.mint(LIFETIME));
    issuer.ring().rotate();
    issuer.ring().rotate();
    String signedByNewKey = issuer.mint(LIFETIME);

    assertRejected(() -> verifier.verify(signedByNewKey), Rejection.UNKNOWN_KEY);
    clock.advance(RemoteJwks.DEFAULT_REFETCH_INTERVAL);

    assertThat(verifier.verify(signedByNewKey).subject()).isEqualTo("alice");
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(2);
  }

  @Test
  void floodOfUnknownKidsFetchesOncePerRefetchInterval() {
    discovering();
    SigningKey stranger = SigningKey.generate(SigningAlgorithm.ES256);
    for (int i = 0; i < 20; i++) {
      String bogus = issuer.mintWith(SigningKey.generate(SigningAlgorithm.ES256), LIFETIME);
      assertRejected(() -> verifier.verify(bogus), Rejection.UNKNOWN_KEY);
    }
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(31));
    assertRejected(() -> verifier.verify(issuer.mintWith(stranger, LIFETIME)), Rejection.UNKNOWN_KEY);
    assertRejected(() -> verifier.verify(issuer.mintWith(stranger, LIFETIME)), Rejection.UNKNOWN_KEY);
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(2);
  }

  @Test
  void rejectsWithKeysUnavailableWhenJwksWasNeverFetched() {
    String token = issuer.mint(LIFETIME);
    issuer.close();

    assertRejected(() -> discovering().verify(token), Rejection.KEYS_UNAVAILABLE);
    assertThat(verifier.remoteJwks().orElseThrow().status().lastFailure()).isPresent();
  }

  @Test
  void keepsVerifyingWithCachedKeysWhenIssuerGoesDown() {
    discovering().verify(issuer.mint(LIFETIME));
    String later = issuer.mint(LIFETIME, "orders:read");
    issuer.close();

    assertThat(verifier.remoteJwks().orElseThrow().refresh().stale()).isTrue();
    assertThat(verifier.verify(later).permissions()).containsExactly("orders:read");
  }

  @Test
  void repeatedTokenIsServedFromTheCache() {
    String token = issuer.mint(LIFETIME);
    Principal first = discovering().verify(token);

    assertThat(verifier.verify(token)).isSameAs(first);
  }

  @Test
  void withoutCacheEveryUseVerifiesAgain() {
    verifier = builder().cacheSize(0).build();
    String token = issuer.mint(LIFETIME);

    assertThat(verifier.verify(token)).isNotSameAs(verifier.verify(token));
  }

  @Test
  void cachedTokenIsRejectedOnceExpiredBeyondSkew() {
    String token = issuer.mint(LIFETIME);
    discovering().verify(token);

    clock.advance(LIFETIME.plus(TokenVerifier.DEFAULT_CLOCK_SKEW).minusSeconds(1));
    assertThat(verifier.verify(token).subject()).isEqualTo("alice");

    clock.advance(Duration.ofSeconds(1));
    assertRejected(() -> verifier.verify(token), Rejection.EXPIRED);
  }

  @Test
  void cachedTokenStopsWorkingWhenItsKeyLeavesTheJwks() {
    String token = issuer.mint(LIFETIME);
    discovering().verify(token);
    SigningKey replacement = SigningKey.generate(SigningAlgorithm.ES256);
    issuer.jwksHandler(exchange -> TestIssuer.respond(exchange, 200, PublicJwks.MEDIA_TYPE,
        PublicJwks.of(List.of(replacement.verificationKey())).toJson().getBytes(StandardCharsets.UTF_8)));

    verifier.remoteJwks().orElseThrow().refresh();

    assertRejected(() -> verifier.verify(token), Rejection.UNKNOWN_KEY);
  }

  @Test
  void verifiesAgainstGivenKeysWithoutFetching() {
    verifier = builder().keys(issuer.ring()).build();

    assertThat(verifier.verify(issuer.mint(LIFETIME)).subject()).isEqualTo("alice");
    assertThat(verifier.remoteJwks()).isEmpty();
    assertThat(issuer.requests(JWKS_PATH)).isZero();
  }

  @Test
  void rejectsTokenForAnotherAudience() {
    verifier = TokenVerifier.builder().issuer(issuer.issuer()).audience("inventory").clock(clock).build();

    assertRejected(() -> verifier.verify(issuer.mint(LIFETIME)), Rejection.AUDIENCE_MISMATCH);
  }

  @Test
  void acceptsBearerAuthorizationHeader() {
    String token = issuer.mint(LIFETIME);
    discovering();

    assertThat(verifier.verifyAuthorizationHeader("Bearer " + token).subject()).isEqualTo("alice");
    assertThat(verifier.verifyAuthorizationHeader("bEaReR " + token).subject()).isEqualTo("alice");
  }

  @Test
  void reportsMissingCredentialForNoHeaderOrAnotherScheme() {
    discovering();
    for (String header : new String[] {null, "", "  ", "Basic YWxpY2U6c2VjcmV0", "Bearertoken"}) {
      assertThatThrownBy(() -> verifier.verifyAuthorizationHeader(header))
          .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.credentialMissing()).isTrue());
    }
  }

  @Test
  void reportsMalformedBearerHeader() {
    discovering();
    for (String header : new String[] {"Bearer", "Bearer ", "Bearer a b", "Bearer a\tb"}) {
      assertRejected(() -> verifier.verifyAuthorizationHeader(header), Rejection.MALFORMED);
    }
  }

  @Test
  void rejectionMessagesNeverHoldTheToken() {
    String token = issuer.mint(LIFETIME);
    verifier = TokenVerifier.builder().issuer(issuer.issuer()).audience("inventory").clock(clock).build();

    assertThatThrownBy(() -> verifier.verifyAuthorizationHeader("Bearer " + token))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
          assertThat(e.description()).isEqualTo("the token is not meant for this service");
        });
  }

  @Test
  void builderNamesWhatIsMissingOrConflicting() {
    assertThatThrownBy(() -> TokenVerifier.builder().audience("orders").build())
        .hasMessage("issuer must be set");
    assertThatThrownBy(() -> TokenVerifier.builder().issuer("http://127.0.0.1:9000").build())
        .hasMessage("at least one audience must be set");
    assertThatThrownBy(() -> TokenVerifier.builder().issuer("urn:not-a-url").audience("orders").build())
        .hasMessageContaining("issuer must be an http or https URL");
    assertThatThrownBy(() -> TokenVerifier.builder().issuer("http://127.0.0.1:9000").audience("orders")
        .keys(issuer.ring()).refetchInterval(Duration.ofSeconds(5)).build())
        .hasMessageContaining("keys(...) replaces the fetched JWKS");
    assertThatThrownBy(() -> TokenVerifier.builder().cacheSize(-1)).hasMessageContaining("cache size");
  }
}
