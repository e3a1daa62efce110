/**
 * Gatehouse tokens: signing keys and their rotation, public JWKS, minting RFC 9068 access tokens
 * and verifying them strictly. No HTTP here; {@code sdk} and the servers build on it.
 */
package io.gatehouse.token;
