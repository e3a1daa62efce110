package io.gatehouse.token.keys;

import io.gatehouse.token.jwks.PublicJwks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The signing keys of one issuer: one {@code active} key signs, one {@code next} key is already
 * published so verifiers have cached it before it signs, and {@code retired} keys stay published
 * for {@code retention} (the longest token lifetime plus clock skew) after they stop signing.
 * Thread-safe; reads are lock-free snapshots.
 */
public final class KeyRing implements VerificationKeys {
  private final SigningAlgorithm algorithm;
  private final Clock clock;
  private final Duration retention;
  private final AtomicReference<List<ManagedKey>> keys;

  private KeyRing(Builder builder) {
    this.algorithm = builder.algorithm;
    this.clock = builder.clock;
    this.retention = builder.retention;
    this.keys = new AtomicReference<>(List.copyOf(builder.initialKeys()));
  }

  /** A builder; without {@link Builder#key} calls it generates an active and a next key. */
  public static Builder builder() {
    return new Builder();
  }

  /** The key that signs now. */
  public SigningKey activeKey() {
    return current().stream().filter(k -> k.state() == KeyState.ACTIVE).findFirst()
        .orElseThrow(() -> new KeyException("key ring has no active key")).key();
  }

  /** Every key still published, with its state; retired keys past retention are dropped. */
  public List<ManagedKey> keys() {
    return current();
  }

  /**
   * Rotates: {@code next} becomes {@code active}, the active key retires, a new {@code next} is
   * generated. Tokens signed before stay verifiable until they expire.
   *
   * @return the ring's keys after rotation
   */
  public List<ManagedKey> rotate() {
    return rotate(SigningKey.generate(algorithm));
  }

  /** Rotates with a given new {@code next} key (for stores that generate or restore keys). */
  public List<ManagedKey> rotate(SigningKey newNext) {
    Objects.requireNonNull(newNext, "newNext");
    Instant now = clock.instant();
    return keys.updateAndGet(before -> {
      List<ManagedKey> after = new ArrayList<>();
      for (ManagedKey key : prune(before, now)) {
        switch (key.state()) {
          case NEXT:
            after.add(key.moveTo(KeyState.ACTIVE, now));
            break;
          case ACTIVE:
            after.add(key.moveTo(KeyState.RETIRED, now));
            break;
          default:
            after.add(key);
        }
      }
      boolean promotedNext = before.stream().anyMatch(k -> k.state() == KeyState.NEXT);
      // Without a published next key (a ring restored that way), the new key must sign at once.
      after.add(new ManagedKey(newNext, promotedNext ? KeyState.NEXT : KeyState.ACTIVE, now));
      return List.copyOf(after);
    });
  }

  /** The published keys as a public-only JWKS. */
  public PublicJwks publicJwks() {
    return PublicJwks.of(all());
  }

  @Override
  public Optional<VerificationKey> byKid(String kid) {
    return current().stream().map(k -> k.key().verificationKey()).filter(k -> k.kid().equals(kid)).findFirst();
  }

  @Override
  public List<VerificationKey> all() {
    return current().stream().map(k -> k.key().verificationKey()).collect(Collectors.toUnmodifiableList());
  }

  private List<ManagedKey> current() {
    Instant now = clock.instant();
    List<ManagedKey> snapshot = keys.get();
    List<ManagedKey> pruned = prune(snapshot, now);
    if (pruned.size() != snapshot.size()) {
      keys.compareAndSet(snapshot, pruned);
    }
    return pruned;
  }

  private List<ManagedKey> prune(List<ManagedKey> list, Instant now) {
    return list.stream()
        .filter(k -> k.state() != KeyState.RETIRED || k.since().plus(retention).isAfter(now))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Builds a {@link KeyRing}; validates that it holds exactly one active key. */
  public static final class Builder {
    private SigningAlgorithm algorithm = SigningAlgorithm.ES256;
    private Clock clock = Clock.systemUTC();
    private Duration retention = Duration.ofHours(24).plusSeconds(30);
    private final List<ManagedKey> keys = new ArrayList<>();

    private Builder() {}

    /** Algorithm of generated keys; default ES256. */
    public Builder algorithm(SigningAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** Time source; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long a retired key stays published: longest token lifetime + clock skew; default 24 h 30 s. */
    public Builder retention(Duration retention) {
      if (retention == null || retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive, was: " + retention);
      }
      this.retention = retention;
      return this;
    }

    /** Adds an existing key (restored from a store). */
    public Builder key(SigningKey key, KeyState state, Instant since) {
      keys.add(new ManagedKey(key, state, since));
      return this;
    }

    /** Builds the ring. */
    public KeyRing build() {
      return new KeyRing(this);
    }

    private List<ManagedKey> initialKeys() {
      if (keys.isEmpty()) {
        Instant now = clock.instant();
        keys.add(new ManagedKey(SigningKey.generate(algorithm), KeyState.ACTIVE, now));
        keys.add(new ManagedKey(SigningKey.generate(algorithm), KeyState.NEXT, now));
      }
      long active = keys.stream().filter(k -> k.state() == KeyState.ACTIVE).count();
      if (active != 1) {
        throw new IllegalArgumentException("key ring needs exactly one active key, has " + active);
      }
      if (keys.stream().filter(k -> k.state() == KeyState.NEXT).count() > 1) {
        throw new IllegalArgumentException("key ring holds more than one next key");
      }
      long distinct = keys.stream().map(k -> k.key().kid()).distinct().count();
      if (distinct != keys.size()) {
        throw new IllegalArgumentException("key ring holds the same kid twice");
      }
      return keys;
    }
  }
}
