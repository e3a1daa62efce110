package io.gatehouse.auth.secrets;

/** A secret could not be made, read or checked; the message never contains the secret. */
public class SecretsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecretsException(String message) {
    super(message);
  }

  public SecretsException(String message, Throwable cause) {
    super(message, cause);
  }
}
