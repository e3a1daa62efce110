package io.gatehouse.auth.secrets;

import io.gatehouse.auth.store.StoredSigningKey;
import io.gatehouse.token.keys.KeyState;
import io.gatehouse.token.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Seals signing keys for the store and opens them back: the private JWK encrypted under the
 * {@link MasterKey} with the kid as associated data, so a sealed blob moved to another row fails.
 */
public final class SigningKeyVault {
  private final MasterKey masterKey;

  /** A vault over the given master key. */
  public SigningKeyVault(MasterKey masterKey) {
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
  }

  /** The stored form of {@code key} in {@code state} since {@code since}. */
  public StoredSigningKey seal(SigningKey key, KeyState state, Instant since) {
    byte[] jwk = key.toPrivateJwkJson().getBytes(StandardCharsets.UTF_8);
    try {
      return new StoredSigningKey(key.kid(), key.algorithm(), state, since, masterKey.seal(jwk, key.kid()));
    } finally {
      Arrays.fill(jwk, (byte) 0);
    }
  }

  /**
   * The signing key a stored row holds.
   *
   * @throws MasterKeyException when it was sealed under another master key or altered
   * @throws SecretsException when the opened key does not match the row's kid or algorithm
   */
  public SigningKey open(StoredSigningKey stored) {
    byte[] jwk = masterKey.open(stored.sealedPrivateJwk(), stored.kid());
    SigningKey key;
    try {
      key = SigningKey.fromJwkJson(new String(jwk, StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(jwk, (byte) 0);
    }
    if (!key.kid().equals(stored.kid()) || key.algorithm() != stored.algorithm()) {
      throw new SecretsException("signing key " + stored.kid() + " does not match its sealed private JWK ("
          + key.algorithm().joseName() + ", kid " + key.kid() + ")");
    }
    return key;
  }
}
