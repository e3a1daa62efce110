package io.gatehouse.token.internal;

import io.gatehouse.token.crypto.CryptoProvider;

/**
 * A signer or verifier made for one provider, cached on its key.
 *
 * @param provider the provider it was made for
 * @param value the signer or verifier
 */
public record ForProvider<T>(CryptoProvider provider, T value) {}
