package io.gatehouse.gateway.authn;

import java.util.Locale;

/** Why authentication ended as it did: the small, fixed label set of the auth metric. */
public enum AuthOutcome {
  /** Authenticated with an API key. */
  API_KEY,
  /** Authenticated with a JWT. */
  JWT,
  /** No credential on a route that needs one. */
  MISSING,
  /** Ambiguous or misplaced credential (400). */
  BAD_REQUEST,
  /** An API key failing format or checksum, refused without a network call. */
  MALFORMED,
  /** An API key the auth service refused (unknown, revoked, expired, disowned). */
  REFUSED,
  /** A JWT that failed verification. */
  INVALID_TOKEN,
  /** A kind of credential the route does not accept. */
  NOT_ACCEPTED,
  /** Authentication could not be decided: the auth service or its JWKS is unreachable. */
  UNAVAILABLE,
  /** Authenticated but lacking a required permission. */
  FORBIDDEN,
  /** Too many failed attempts from the address. */
  THROTTLED;

  /** The metric label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
