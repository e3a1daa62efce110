package io.gatehouse.auth.keys;

import java.time.Duration;

/** A rotation would promote a next key that verifiers may not have cached yet. */
public class RotationRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RotationRefusedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** How long until the rotation would be allowed. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
