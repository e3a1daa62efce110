package io.gatehouse.token.keys;

import io.gatehouse.token.TokenException;

/** A key that cannot be generated, loaded or used, with the reason. */
public class KeyException extends TokenException {
  private static final long serialVersionUID = 1L;

  public KeyException(String message) {
    super(message);
  }

  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
