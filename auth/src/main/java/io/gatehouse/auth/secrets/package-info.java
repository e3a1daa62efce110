/**
 * Secrets without a database: the API key format, client secrets, Argon2id password hashes, the
 * master key that seals private signing keys, and {@link io.gatehouse.auth.secrets.Secret}, the
 * type that keeps them out of logs.
 */
package io.gatehouse.auth.secrets;
