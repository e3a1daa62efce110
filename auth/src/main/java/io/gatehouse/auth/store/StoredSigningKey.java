package io.gatehouse.auth.store;

import io.gatehouse.token.keys.KeyState;
import io.gatehouse.token.keys.SigningAlgorithm;
import java.time.Instant;

/**
 * A signing key as stored: the private JWK sealed (AES-GCM) under the master key.
 *
 * @param kid RFC 7638 thumbprint
 * @param algorithm its one algorithm
 * @param state next, active or retired
 * @param since when it entered that state
 * @param sealedPrivateJwk the encrypted private JWK (see {@code secrets.MasterKey})
 */
public record StoredSigningKey(String kid, SigningAlgorithm algorithm, KeyState state, Instant since,
    byte[] sealedPrivateJwk) {}
