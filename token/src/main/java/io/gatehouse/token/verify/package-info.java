/**
 * Strict verification as a chain of small steps: size check → compact JWS parse (canonical
 * base64url, strict JSON, forbidden headers) → key selection (the algorithm comes from the key)
 * → signature → claims. Every rejection carries one stable {@link io.gatehouse.token.verify.Rejection} code.
 */
package io.gatehouse.token.verify;
