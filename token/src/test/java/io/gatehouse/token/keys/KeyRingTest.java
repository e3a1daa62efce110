package io.gatehouse.token.keys;

import static io.gatehouse.token.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.token.MutableClock;
import io.gatehouse.token.OnEveryProvider;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.mint.AccessTokenIssuer;
import io.gatehouse.token.mint.MintedToken;
import io.gatehouse.token.mint.TokenRequest;
import io.gatehouse.token.verify.AccessTokenVerifier;
import io.gatehouse.token.verify.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration DEFAULT_RETENTION = Duration.ofHours(24).plusSeconds(30);

  private final MutableClock clock = new MutableClock(T0);

  @Test
  void startsWithAnActiveAndANextKey() {
    KeyRing ring = KeyRing.builder().clock(clock).build();

    assertThat(ring.keys()).extracting(ManagedKey::state).containsExactly(KeyState.ACTIVE, KeyState.NEXT);
    assertThat(ring.keys()).extracting(ManagedKey::since).containsOnly(T0);
    assertThat(ring.activeKey()).isSameAs(ring.keys().get(0).key());
    assertThat(ring.keys()).extracting(k -> k.key().algorithm()).containsOnly(SigningAlgorithm.ES256);
  }

  @Test
  void rotationPromotesNextRetiresActiveAndAddsANewNext() {
    KeyRing ring = KeyRing.builder().clock(clock).build();
    SigningKey active = ring.activeKey();
    SigningKey next = ring.keys().get(1).key();
    clock.advance(Duration.ofHours(1));

    List<ManagedKey> after = ring.rotate();

    assertThat(after).hasSize(3);
    assertThat(stateOf(after, active)).isEqualTo(KeyState.RETIRED);
    assertThat(stateOf(after, next)).isEqualTo(KeyState.ACTIVE);
    assertThat(after).filteredOn(k -> k.state() == KeyState.NEXT).singleElement()
        .satisfies(k -> assertThat(k.key().kid()).isNotIn(active.kid(), next.kid()));
    assertThat(after).extracting(ManagedKey::since).containsOnly(T0.plus(Duration.ofHours(1)));
    assertThat(ring.activeKey()).isSameAs(next);
    assertThat(ring.keys()).isEqualTo(after);
  }

  @Test
  void publishesNextActiveAndRetiredKeys() {
    KeyRing ring = KeyRing.builder().clock(clock).build();
    ring.rotate();

    assertThat(ring.publicJwks().all()).extracting(VerificationKey::kid)
        .containsExactlyElementsOf(ring.keys().stream().map(k -> k.key().kid()).toList());
    assertThat(ring.keys()).extracting(ManagedKey::state)
        .containsExactlyInAnyOrder(KeyState.RETIRED, KeyState.ACTIVE, KeyState.NEXT);
    assertThat(ring.all()).hasSize(3);
  }

  @OnEveryProvider
  void tokenSignedByARetiredKeyVerifiesUntilRetentionPassesThenHasNoKey(CryptoProvider provider) {
    KeyRing ring = KeyRing.builder().clock(clock).build();
    // A 48 h token outlives the 24 h 30 s retention, so the key disappears while the token is unexpired.
    AccessTokenIssuer issuer = AccessTokenIssuer.builder().issuer("http://127.0.0.1:9000")
        .signingKey(ring::activeKey).maxLifetime(Duration.ofHours(48)).clock(clock).provider(provider).build();
    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer("http://127.0.0.1:9000").audience("orders")
        .keys(ring).maxLifetime(Duration.ofHours(48)).clock(clock).provider(provider).build();
    SigningKey signer = ring.activeKey();
    MintedToken token = issuer.mint(TokenRequest.builder().subject("alice").audience("orders").clientId("gateway")
        .lifetime(Duration.ofHours(48)).build());

    ring.rotate();
    clock.advance(DEFAULT_RETENTION.minusSeconds(1));

    assertThat(verifier.verify(token.value()).keyId()).isEqualTo(signer.kid());
    assertThat(ring.byKid(signer.kid())).isPresent();

    clock.advance(Duration.ofSeconds(1));

    assertRejected(Rejection.UNKNOWN_KEY, () -> verifier.verify(token.value()));
    assertThat(ring.byKid(signer.kid())).isEmpty();
    assertThat(ring.keys()).extracting(ManagedKey::state).containsExactly(KeyState.ACTIVE, KeyState.NEXT);
  }

  @OnEveryProvider
  void issuerSignsWithTheActiveKeyAfterRotation(CryptoProvider provider) {
    KeyRing ring = KeyRing.builder().clock(clock).build();
    AccessTokenIssuer issuer = AccessTokenIssuer.builder().issuer("http://127.0.0.1:9000")
        .signingKey(ring::activeKey).clock(clock).provider(provider).build();
    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer("http://127.0.0.1:9000").audience("orders")
        .keys(ring).clock(clock).provider(provider).build();
    TokenRequest request = TokenRequest.builder().subject("alice").audience("orders").clientId("gateway")
        .lifetime(Duration.ofMinutes(5)).build();
    SigningKey next = ring.keys().get(1).key();

    ring.rotate();

    assertThat(verifier.verify(issuer.mint(request).value()).keyId()).isEqualTo(next.kid());
  }

  @Test
  void appliesAConfiguredRetention() {
    KeyRing ring = KeyRing.builder().clock(clock).retention(Duration.ofMinutes(10)).build();
    SigningKey retired = ring.activeKey();
    ring.rotate();

    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(ring.byKid(retired.kid())).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(ring.byKid(retired.kid())).isEmpty();
  }

  @Test
  void restoresKeysWithTheirStatesAndDropsRetiredKeysPastRetention() {
    SigningKey active = SigningKey.generate(SigningAlgorithm.ES256);
    SigningKey next = SigningKey.generate(SigningAlgorithm.ES256);
    SigningKey recentlyRetired = SigningKey.generate(SigningAlgorithm.ES256);
    SigningKey longRetired = SigningKey.generate(SigningAlgorithm.ES256);

    KeyRing ring = KeyRing.builder().clock(clock)
        .key(active, KeyState.ACTIVE, T0.minus(Duration.ofHours(2)))
        .key(next, KeyState.NEXT, T0.minus(Duration.ofHours(2)))
        .key(recentlyRetired, KeyState.RETIRED, T0.minus(Duration.ofHours(2)))
        .key(longRetired, KeyState.RETIRED, T0.minus(DEFAULT_RETENTION))
        .build();

    assertThat(ring.activeKey()).isSameAs(active);
    assertThat(ring.all()).extracting(VerificationKey::kid)
        .containsExactly(active.kid(), next.kid(), recentlyRetired.kid());
  }

  @Test
  void rotationWithoutANextKeyActivatesTheNewKeyAtOnce() {
    SigningKey active = SigningKey.generate(SigningAlgorithm.ES256);
    SigningKey replacement = SigningKey.generate(SigningAlgorithm.ES256);
    KeyRing ring = KeyRing.builder().clock(clock).key(active, KeyState.ACTIVE, T0).build();

    ring.rotate(replacement);

    assertThat(ring.activeKey()).isSameAs(replacement);
    assertThat(stateOf(ring.keys(), active)).isEqualTo(KeyState.RETIRED);
  }

  @Test
  void rotationWithAGivenKeyPublishesItAsNext() {
    KeyRing ring = KeyRing.builder().clock(clock).build();
    SigningKey given = SigningKey.generate(SigningAlgorithm.ES256);

    ring.rotate(given);

    assertThat(stateOf(ring.keys(), given)).isEqualTo(KeyState.NEXT);
  }

  @Test
  void generatesKeysOfTheConfiguredAlgorithm() {
    KeyRing ring = KeyRing.builder().algorithm(SigningAlgorithm.EDDSA).clock(clock).build();
    ring.rotate();

    assertThat(ring.keys()).extracting(k -> k.key().algorithm()).containsOnly(SigningAlgorithm.EDDSA);
  }

  @Test
  void builderRefusesARingWithoutAnActiveKey() {
    KeyRing.Builder builder = KeyRing.builder().clock(clock)
        .key(SigningKey.generate(SigningAlgorithm.ES256), KeyState.NEXT, T0);

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key ring needs exactly one active key, has 0");
  }

  @Test
  void builderRefusesTwoActiveKeys() {
    KeyRing.Builder builder = KeyRing.builder().clock(clock)
        .key(SigningKey.generate(SigningAlgorithm.ES256), KeyState.ACTIVE, T0)
        .key(SigningKey.generate(SigningAlgorithm.ES256), KeyState.ACTIVE, T0);

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key ring needs exactly one active key, has 2");
  }

  @Test
  void builderRefusesTwoNextKeys() {
    KeyRing.Builder builder = KeyRing.builder().clock(clock)
        .key(SigningKey.generate(SigningAlgorithm.ES256), KeyState.ACTIVE, T0)
        .key(SigningKey.generate(SigningAlgorithm.ES256), KeyState.NEXT, T0)
        .key(SigningKey.generate(SigningAlgorithm.ES256), KeyState.NEXT, T0);

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key ring holds more than one next key");
  }

  @Test
  void builderRefusesTheSameKidTwice() {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    KeyRing.Builder builder = KeyRing.builder().clock(clock)
        .key(key, KeyState.ACTIVE, T0)
        .key(SigningKey.fromJwkJson(key.toPrivateJwkJson()), KeyState.RETIRED, T0);

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key ring holds the same kid twice");
  }

  @Test
  void builderRefusesARetentionThatIsNotPositive() {
    assertThatThrownBy(() -> KeyRing.builder().retention(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention must be positive");
    assertThatThrownBy(() -> KeyRing.builder().retention(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention must be positive");
  }

  private static KeyState stateOf(List<ManagedKey> keys, SigningKey key) {
    return keys.stream().filter(k -> k.key().kid().equals(key.kid())).findFirst().orElseThrow().state();
  }
}
