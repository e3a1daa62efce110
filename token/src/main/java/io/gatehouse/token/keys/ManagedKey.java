package io.gatehouse.token.keys;

import java.time.Instant;
import java.util.Objects;

/** A key in a {@link KeyRing}: its state and the instant it entered that state. */
public final class ManagedKey {
  private final SigningKey key;
  private final KeyState state;
  private final Instant since;

  /** A key in a state since an instant. */
  public ManagedKey(SigningKey key, KeyState state, Instant since) {
    this.key = Objects.requireNonNull(key, "key");
    this.state = Objects.requireNonNull(state, "state");
    this.since = Objects.requireNonNull(since, "since");
  }

  /** The signing key. */
  public SigningKey key() {
    return key;
  }

  /** Its rotation state. */
  public KeyState state() {
    return state;
  }

  /** When it entered that state. */
  public Instant since() {
    return since;
  }

  ManagedKey moveTo(KeyState newState, Instant now) {
    return new ManagedKey(key, newState, now);
  }

  @Override
  public String toString() {
    return key + " " + state + " since " + since;
  }
}
