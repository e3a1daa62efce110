package io.gatehouse.auth.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.auth.store.JdbcAuthStore;
import io.gatehouse.auth.store.StoreSettings;
import io.gatehouse.auth.store.StoredSigningKey;
import io.gatehouse.token.keys.KeyState;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyVaultTest {
  private static final Instant SINCE = Instant.parse("2030-01-01T00:00:00Z");

  private final SigningKeyVault vault = new SigningKeyVault(MasterKey.generate());

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void sealsAndOpensEveryAlgorithm(SigningAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm);

    StoredSigningKey stored = vault.seal(key, KeyState.NEXT, SINCE);

    assertThat(stored.kid()).isEqualTo(key.kid());
    assertThat(stored.algorithm()).isEqualTo(algorithm);
    assertThat(stored.state()).isEqualTo(KeyState.NEXT);
    assertThat(stored.since()).isEqualTo(SINCE);
    assertThat(new String(stored.sealedPrivateJwk(), StandardCharsets.ISO_8859_1)).doesNotContain("\"d\"");
    SigningKey opened = vault.open(stored);
    assertThat(opened.kid()).isEqualTo(key.kid());
    assertThat(opened.toPrivateJwkJson()).isEqualTo(key.toPrivateJwkJson());
  }

  @Test
  void aBlobMovedToAnotherRowFails() {
    StoredSigningKey a = vault.seal(SigningKey.generate(SigningAlgorithm.ES256), KeyState.ACTIVE, SINCE);
    StoredSigningKey b = vault.seal(SigningKey.generate(SigningAlgorithm.ES256), KeyState.NEXT, SINCE);
    StoredSigningKey swapped = new StoredSigningKey(b.kid(), b.algorithm(), b.state(), b.since(),
        a.sealedPrivateJwk());
    assertThatThrownBy(() -> vault.open(swapped)).isInstanceOf(MasterKeyException.class);
  }

  @Test
  void anotherMasterKeyFailsWithTheRestoreMessage() {
    StoredSigningKey stored = vault.seal(SigningKey.generate(SigningAlgorithm.EDDSA), KeyState.ACTIVE, SINCE);
    assertThatThrownBy(() -> new SigningKeyVault(MasterKey.generate()).open(stored))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("signing keys were sealed with a different master key")
        .hasMessageContaining("restore the original GATEHOUSE_MASTER_KEY or master.key");
  }

  @Test
  void aRowWhoseAlgorithmDisagreesWithItsKeyFails() {
    StoredSigningKey stored = vault.seal(SigningKey.generate(SigningAlgorithm.ES256), KeyState.ACTIVE, SINCE);
    StoredSigningKey lying = new StoredSigningKey(stored.kid(), SigningAlgorithm.RS256, stored.state(),
        stored.since(), stored.sealedPrivateJwk());
    assertThatThrownBy(() -> vault.open(lying)).isInstanceOf(SecretsException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void roundTripsThroughTheStore(@TempDir Path dir) {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    try (JdbcAuthStore store = JdbcAuthStore.open(StoreSettings.h2(dir))) {
      store.inTransaction(tx -> {
        tx.saveSigningKeys(List.of(vault.seal(key, KeyState.ACTIVE, SINCE)));
        return null;
      });
      List<StoredSigningKey> stored = store.inTransaction(tx -> tx.signingKeys());
      assertThat(stored).singleElement().satisfies(row ->
          assertThat(vault.open(row).toPrivateJwkJson()).isEqualTo(key.toPrivateJwkJson()));
    }
  }
}
