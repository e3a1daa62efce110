package io.gatehouse.sdk;

/**
 * Root of the SDK's unchecked exceptions: a request is not authenticated or not authorized. The
 * message is for logs and never holds a token; {@link #description()} is for the caller.
 */
public abstract class AuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AuthException(String message) {
    super(message);
  }

  /** A short explanation meant for the client: it holds no token and no internal detail. */
  public abstract String description();
}
