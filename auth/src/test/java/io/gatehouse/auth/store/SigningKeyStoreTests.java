package io.gatehouse.auth.store;

import static io.gatehouse.auth.store.StoreException.Kind.INVALID;
import static io.gatehouse.auth.store.StoreException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gatehouse.token.keys.KeyState;
import io.gatehouse.token.keys.SigningAlgorithm;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing keys: save with states, rotate in one call, delete. */
abstract class SigningKeyStoreTests extends StoreContract {
  private static final Instant T1 = TestDatabase.T0.plusSeconds(3600);

  SigningKeyStoreTests(TestDatabase db) {
    super(db);
  }

  static StoredSigningKey key(String kid, SigningAlgorithm algorithm, KeyState state, Instant since) {
    byte[] sealed = new byte[300];
    for (int i = 0; i < sealed.length; i++) {
      sealed[i] = (byte) (i * 7 + kid.hashCode());
    }
    return new StoredSigningKey(kid, algorithm, state, since, sealed);
  }

  @Test
  void savesKeysWithTheirStatesAndSealedBytes() {
    StoredSigningKey active = key("kid-active", SigningAlgorithm.ES256, KeyState.ACTIVE, TestDatabase.T0);
    StoredSigningKey next = key("kid-next", SigningAlgorithm.EDDSA, KeyState.NEXT, T1);
    each.saveSigningKeys(List.of(active, next));

    List<StoredSigningKey> stored = each.signingKeys();

    assertThat(stored).extracting(StoredSigningKey::kid).containsExactly("kid-active", "kid-next");
    assertThat(stored.get(0)).usingRecursiveComparison().isEqualTo(active);
    assertThat(stored.get(1)).usingRecursiveComparison().isEqualTo(next);
  }

  @Test
  void rotatesStatesInOneCallWithoutTouchingSealedBytes() {
    StoredSigningKey a = key("a", SigningAlgorithm.ES256, KeyState.ACTIVE, TestDatabase.T0);
    StoredSigningKey b = key("b", SigningAlgorithm.RS256, KeyState.NEXT, TestDatabase.T0);
    each.saveSigningKeys(List.of(a, b));
    StoredSigningKey c = key("c", SigningAlgorithm.ES256, KeyState.NEXT, T1);

    each.saveSigningKeys(List.of(
        new StoredSigningKey("a", a.algorithm(), KeyState.RETIRED, T1, new byte[] {1}),
        new StoredSigningKey("b", b.algorithm(), KeyState.ACTIVE, T1, new byte[] {1}), c));

    List<StoredSigningKey> stored = each.signingKeys();
    assertThat(stored).extracting(StoredSigningKey::kid, StoredSigningKey::state, StoredSigningKey::since)
        .containsExactlyInAnyOrder(
            tuple("a", KeyState.RETIRED, T1),
            tuple("b", KeyState.ACTIVE, T1),
            tuple("c", KeyState.NEXT, T1));
    assertThat(stored).filteredOn(k -> k.kid().equals("a")).singleElement()
        .satisfies(k -> assertThat(k.sealedPrivateJwk()).isEqualTo(a.sealedPrivateJwk()));
  }

  @Test
  void deletesKeys() {
    each.saveSigningKeys(List.of(key("a", SigningAlgorithm.ES256, KeyState.RETIRED, TestDatabase.T0)));
    each.deleteSigningKey("a");
    assertThat(each.signingKeys()).isEmpty();
    assertFails(NOT_FOUND, () -> each.deleteSigningKey("a"));
  }

  @Test
  void rejectsIncompleteOrOversizedKeysAndSavesNoneOfTheCall() {
    StoredSigningKey good = key("good", SigningAlgorithm.ES256, KeyState.ACTIVE, TestDatabase.T0);
    StoredSigningKey noState = new StoredSigningKey("x", SigningAlgorithm.ES256, null, TestDatabase.T0, new byte[1]);
    StoredSigningKey huge = new StoredSigningKey("y", SigningAlgorithm.RS256, KeyState.NEXT, TestDatabase.T0,
        new byte[13_000]);
    assertFails(INVALID, () -> each.saveSigningKeys(List.of(good, noState)));
    assertFails(INVALID, () -> each.saveSigningKeys(List.of(good, huge))).hasMessageContaining("16384");
    assertThat(each.signingKeys()).isEmpty();
  }
}
