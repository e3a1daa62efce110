package io.gatehouse.token.verify;

/** Why a token was rejected; {@link #code()} is stable for logs, metrics and the CLI. */
public enum Rejection {
  /** Not a well-formed compact JWS, or a header or claims set that is not strict JSON. */
  MALFORMED("malformed"),
  /** Longer than the verifier's limit (8 KiB by default), refused before decoding. */
  OVERSIZED("oversized"),
  /** {@code alg} is {@code none} or an algorithm Gatehouse does not verify with. */
  UNSUPPORTED_ALGORITHM("unsupported_algorithm"),
  /**
   * A header Gatehouse never honours: {@code jwk}, {@code jku}, {@code x5u}, {@code x5c}, {@code crit},
   * {@code b64}, {@code enc}, {@code zip}.
   */
  FORBIDDEN_HEADER("forbidden_header"),
  /** No key with the token's {@code kid}. */
  UNKNOWN_KEY("unknown_key"),
  /** The key's {@code use} or {@code key_ops} do not allow verifying signatures. */
  UNUSABLE_KEY("unusable_key"),
  /** The header's {@code alg} is not the key's algorithm. */
  ALGORITHM_MISMATCH("algorithm_mismatch"),
  /** The signature does not verify. */
  BAD_SIGNATURE("bad_signature"),
  /** The {@code typ} header is not the one the verifier requires. */
  WRONG_TYPE("wrong_type"),
  /** A required claim is absent. */
  MISSING_CLAIM("missing_claim"),
  /** A claim has the wrong JSON type or an impossible value. */
  INVALID_CLAIM("invalid_claim"),
  /** {@code exp} has passed (beyond the clock skew). */
  EXPIRED("expired"),
  /** {@code nbf} is still ahead (beyond the clock skew). */
  NOT_YET_VALID("not_yet_valid"),
  /** {@code iat} lies in the future beyond the clock skew. */
  ISSUED_IN_FUTURE("issued_in_future"),
  /** {@code exp - iat} exceeds the maximum token lifetime. */
  LIFETIME_EXCEEDED("lifetime_exceeded"),
  /** {@code iss} is not exactly the expected issuer. */
  ISSUER_MISMATCH("issuer_mismatch"),
  /** {@code aud} does not contain the expected audience. */
  AUDIENCE_MISMATCH("audience_mismatch"),
  /** No keys could be obtained from the issuer (and none are cached). */
  KEYS_UNAVAILABLE("keys_unavailable");

  private final String code;

  Rejection(String code) {
    this.code = code;
  }

  /** The stable snake_case code. */
  public String code() {
    return code;
  }
}
