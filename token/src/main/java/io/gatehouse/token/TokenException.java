package io.gatehouse.token;

/** Root of the token module's unchecked exceptions. */
public class TokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TokenException(String message) {
    super(message);
  }

  public TokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
