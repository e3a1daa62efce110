package io.gatehouse.gateway.phantom;

/** The auth service could not answer (down, slow, overloaded, or misconfigured): fail closed with 503. */
public final class AuthUnavailableException extends RuntimeException {
  /** With a reason for the server log (never a secret). */
  public AuthUnavailableException(String reason, Throwable cause) {
    super(reason, cause, false, false);
  }
}
