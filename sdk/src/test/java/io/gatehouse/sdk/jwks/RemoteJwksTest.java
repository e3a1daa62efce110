package io.gatehouse.sdk.jwks;

import static io.gatehouse.sdk.fixture.TestIssuer.DISCOVERY_PATH;
import static io.gatehouse.sdk.fixture.TestIssuer.JWKS_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.sdk.fixture.MutableClock;
import io.gatehouse.sdk.fixture.TestIssuer;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteJwksTest {
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final TestIssuer issuer = TestIssuer.start(clock);
  private RemoteJwks jwks;

  @AfterEach
  void stop() {
    if (jwks != null) {
      jwks.close();
    }
    issuer.close();
  }

  private RemoteJwks discovering() {
    jwks = RemoteJwks.builder().issuer(issuer.issuer()).clock(clock).build();
    return jwks;
  }

  private RemoteJwks explicit(int maxResponseBytes) {
    jwks = RemoteJwks.builder().jwksUri(issuer.jwksUri()).clock(clock).maxResponseBytes(maxResponseBytes).build();
    return jwks;
  }

  private String activeKid() {
    return issuer.ring().activeKey().kid();
  }

  private void answerJwks(int status, String body) {
    issuer.jwksHandler(exchange ->
        TestIssuer.respond(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void discoversJwksUriFromIssuer() {
    JwksStatus status = discovering().refresh();

    assertThat(status.available()).isTrue();
    assertThat(status.keyCount()).isEqualTo(2);
    assertThat(jwks.byKid(activeKid())).isPresent();
    assertThat(issuer.requests(DISCOVERY_PATH)).isEqualTo(1);
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(1);
  }

  @Test
  void fetchesOnFirstUseAndNotBefore() {
    discovering();
    assertThat(issuer.requests(JWKS_PATH)).isZero();

    assertThat(jwks.byKid(activeKid())).isPresent();
    assertThat(jwks.byKid(activeKid())).isPresent();

    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(1);
  }

  @Test
  void fetchesExplicitJwksUriWithoutDiscovery() {
    assertThat(explicit(RemoteJwks.DEFAULT_MAX_RESPONSE_BYTES).byKid(activeKid())).isPresent();

    assertThat(issuer.requests(DISCOVERY_PATH)).isZero();
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(1);
  }

  @Test
  void refusesDiscoveryDocumentNamingAnotherIssuer() {
    issuer.announceIssuer(issuer.issuer() + "/");

    JwksStatus status = discovering().refresh();

    assertThat(status.available()).isFalse();
    assertThat(status.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("another issuer"));
    assertThat(issuer.requests(JWKS_PATH)).isZero();
  }

  @Test
  void refetchesForUnknownKidAtMostOncePerInterval() {
    discovering().refresh();
    clock.advance(RemoteJwks.DEFAULT_REFETCH_INTERVAL);

    for (int i = 0; i < 50; i++) {
      assertThat(jwks.byKid("bogus-" + i)).isEmpty();
    }
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(2);

    clock.advance(RemoteJwks.DEFAULT_REFETCH_INTERVAL.minusSeconds(1));
    assertThat(jwks.byKid("bogus")).isEmpty();
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1));
    assertThat(jwks.byKid("bogus")).isEmpty();
    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(3);
  }

  @Test
  void refetchIntervalIsConfigurable() {
    jwks = RemoteJwks.builder().issuer(issuer.issuer()).clock(clock).refetchInterval(Duration.ofSeconds(5)).build();
    jwks.refresh();

    clock.advance(Duration.ofSeconds(5));
    jwks.byKid("bogus");

    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(2);
  }

  @Test
  void keepsLastGoodKeysWhileIssuerFailsAndRecovers() {
    discovering().refresh();
    answerJwks(500, "{\"error\":\"down\"}");

    jwks.refresh();
    JwksStatus status = jwks.refresh();

    assertThat(status.stale()).isTrue();
    assertThat(status.consecutiveFailures()).isEqualTo(2);
    assertThat(status.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("HTTP 500"));
    assertThat(status.lastSuccess()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(jwks.byKid(activeKid())).isPresent();

    issuer.serveRingJwks();
    status = jwks.refresh();
    assertThat(status.stale()).isFalse();
    assertThat(status.consecutiveFailures()).isZero();
  }

  @Test
  void keepsLastGoodKeysWhenIssuerStops() {
    discovering().refresh();
    issuer.close();

    JwksStatus status = jwks.refresh();

    assertThat(status.stale()).isTrue();
    assertThat(status.lastFailure()).isPresent();
    assertThat(jwks.byKid(activeKid())).isPresent();
  }

  @Test
  void refusesJwksDeclaredLargerThanTheLimit() {
    answerJwks(200, "{\"keys\":[]," + "\"pad\":\"" + "x".repeat(RemoteJwks.DEFAULT_MAX_RESPONSE_BYTES) + "\"}");

    JwksStatus status = explicit(RemoteJwks.DEFAULT_MAX_RESPONSE_BYTES).refresh();

    assertThat(status.available()).isFalse();
    assertThat(status.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("larger than"));
  }

  @Test
  void stopsReadingAChunkedJwksAtTheLimit() {
    issuer.jwksHandler(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (var out = exchange.getResponseBody()) {
        for (int i = 0; i < 64; i++) {
          out.write(new byte[1024]);
          out.flush();
        }
      }
    });

    JwksStatus status = explicit(4096).refresh();

    assertThat(status.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("larger than 4096"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json | not valid JSON",
      "{\"keys\":[]} | no usable key",
      "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]} | private member"})
  void refusesInvalidJwks(String body, String reason) {
    answerJwks(200, body);

    JwksStatus status = explicit(RemoteJwks.DEFAULT_MAX_RESPONSE_BYTES).refresh();

    assertThat(status.available()).isFalse();
    assertThat(status.lastFailure()).hasValueSatisfying(r -> assertThat(r).contains(reason));
  }

  @Test
  void doesNotFollowRedirects() {
    issuer.jwksHandler(exchange -> {
      exchange.getResponseHeaders().set("Location", "/elsewhere");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });

    JwksStatus status = explicit(RemoteJwks.DEFAULT_MAX_RESPONSE_BYTES).refresh();

    assertThat(status.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("HTTP 302"));
  }

  @Test
  void givesUpOnASlowIssuerAfterTheRequestTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    issuer.jwksHandler(exchange -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    jwks = RemoteJwks.builder().jwksUri(issuer.jwksUri()).clock(clock).requestTimeout(Duration.ofMillis(200)).build();

    long started = System.nanoTime();
    JwksStatus status = jwks.refresh();
    release.countDown();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(status.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("within 200 ms"));
  }

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {
      "max-age=60, 60", "max-age=1, 30", "max-age=86400, 300", "no-store, 30", "none, 300", "max-age=junk, 300"})
  void honoursMaxAgeWithinBounds(String cacheControl, long expectedSeconds) {
    issuer.cacheControl(cacheControl);

    JwksStatus status = discovering().refresh();

    assertThat(status.nextRefresh()).contains(clock.instant().plusSeconds(expectedSeconds));
  }

  @Test
  void retriesAFailedFetchAfterTheRefetchInterval() {
    answerJwks(503, "");

    JwksStatus status = discovering().refresh();

    assertThat(status.nextRefresh()).contains(clock.instant().plus(RemoteJwks.DEFAULT_REFETCH_INTERVAL));
  }

  @Test
  void refreshesInTheBackground() throws InterruptedException {
    jwks = RemoteJwks.builder().jwksUri(issuer.jwksUri()).clock(clock)
        .refreshInterval(Duration.ofSeconds(1)).refetchInterval(Duration.ofSeconds(1)).build();
    issuer.cacheControl(null);
    jwks.refresh();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (issuer.requests(JWKS_PATH) < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(issuer.requests(JWKS_PATH)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void fetchesNothingAfterClose() {
    discovering().refresh();
    jwks.close();
    clock.advance(Duration.ofHours(1));

    jwks.byKid("bogus");
    jwks.refresh();

    assertThat(issuer.requests(JWKS_PATH)).isEqualTo(1);
    assertThat(jwks.byKid(activeKid())).isPresent();
  }

  @Test
  void picksUpANewKeyOnRefetch() {
    discovering().refresh();
    SigningKey added = SigningKey.generate(SigningAlgorithm.ES256);
    issuer.jwksHandler(exchange -> TestIssuer.respond(exchange, 200, PublicJwks.MEDIA_TYPE,
        PublicJwks.of(List.of(added.verificationKey())).toJson().getBytes(StandardCharsets.UTF_8)));
    clock.advance(RemoteJwks.DEFAULT_REFETCH_INTERVAL);

    assertThat(jwks.byKid(added.kid())).isPresent();
    assertThat(jwks.byKid(activeKid())).isEmpty();
  }

  @Test
  void builderRejectsUnsafeOrConflictingSettings() {
    assertThatThrownBy(() -> RemoteJwks.builder().issuer("file:///etc/passwd"))
        .hasMessageContaining("issuer must be an http or https URL");
    assertThatThrownBy(() -> RemoteJwks.builder().jwksUri("https://user:secret@example.com/jwks"))
        .hasMessage("jwks uri must not hold user info");
    assertThatThrownBy(() -> RemoteJwks.builder().jwksUri("https:///jwks")).hasMessageContaining("must name a host");
    assertThatThrownBy(() -> RemoteJwks.builder().refetchInterval(Duration.ZERO))
        .hasMessageContaining("refetch interval must be between");
    assertThatThrownBy(() -> RemoteJwks.builder().issuer("http://a").jwksUri("http://a/jwks").build())
        .hasMessageContaining("exactly one of issuer and jwks uri");
    assertThatThrownBy(() -> RemoteJwks.builder().issuer("http://a").refreshInterval(Duration.ofSeconds(10)).build())
        .hasMessageContaining("must not be shorter than the refetch interval");
  }
}
