package io.gatehouse.token.keys;

/** Where a key stands in rotation. */
public enum KeyState {
  /** Published in the JWKS so verifiers cache it, not yet signing. */
  NEXT,
  /** Signing new tokens (exactly one key at a time). */
  ACTIVE,
  /** No longer signing; published until every token it signed has expired. */
  RETIRED
}
