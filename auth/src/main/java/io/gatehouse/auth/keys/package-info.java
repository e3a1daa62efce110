/**
 * The issuer's signing keys over the store: sealed at rest under the master key, loaded into a
 * {@link io.gatehouse.token.keys.KeyRing}, rotated by schedule or admin call so that a key is
 * published before it signs and stays published until its last token expired.
 */
package io.gatehouse.auth.keys;
