package io.gatehouse.auth.secrets;

import io.gatehouse.auth.internal.Sha256;
import java.util.Objects;

/**
 * A high-entropy secret (API key, client secret) whose {@link #toString()} prints a short
 * SHA-256 fingerprint instead of the value, so logging one by accident leaks nothing usable.
 * Not for passwords: a fingerprint of a guessable value helps guessing.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a secret value. */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value"));
  }

  /** The secret itself: to show once, or to hash. */
  public String reveal() {
    return value;
  }

  /** The first 8 hex characters of the value's SHA-256, to tell secrets apart in logs. */
  public String fingerprint() {
    return Sha256.hex(value).substring(0, 8);
  }

  /** {@code Secret[sha256:<fingerprint>]}, never the value. */
  @Override
  public String toString() {
    return "Secret[sha256:" + fingerprint() + "]";
  }
}
