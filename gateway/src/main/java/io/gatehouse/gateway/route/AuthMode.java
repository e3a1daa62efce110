package io.gatehouse.gateway.route;

/**
 * Which client credentials a route accepts. The default is {@link #ANY}: a route whose
 * configuration says nothing about authentication still requires a valid credential, so
 * forgetting the setting closes a route instead of opening it; {@link #NONE} must be written out.
 */
public enum AuthMode {
  /** No credential required: a public route. It cannot require permissions. */
  NONE,
  /** An API key, exchanged for an internal JWT. */
  API_KEY,
  /** A JWT from the auth service, verified locally. */
  JWT,
  /** An API key or a JWT. */
  ANY
}
