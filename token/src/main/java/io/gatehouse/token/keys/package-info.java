/**
 * Signing keys (ES256, EdDSA/Ed25519, RS256 of at least 2048 bits), their public halves, and the
 * key ring that rotates them through {@code next → active → retired}. A key's {@code kid} is its
 * RFC 7638 thumbprint and each key is pinned to exactly one algorithm.
 */
package io.gatehouse.token.keys;
