package io.gatehouse.examples.orders;

/** The auth service gave no token for the service's own calls (unreachable, or it refused). */
final class TokenUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TokenUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
