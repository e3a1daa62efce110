package io.gatehouse.auth.secrets;

/** The master key is missing, malformed, unsafe on disk, or not the one the data was sealed with. */
public class MasterKeyException extends SecretsException {
  private static final long serialVersionUID = 1L;

  public MasterKeyException(String message) {
    super(message);
  }

  public MasterKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
