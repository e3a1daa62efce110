package io.gatehouse.auth.keys;

import io.gatehouse.auth.secrets.SigningKeyVault;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.StoreTransaction;
import io.gatehouse.auth.store.StoredSigningKey;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.KeyRing;
import io.gatehouse.token.keys.KeyState;
import io.gatehouse.token.keys.ManagedKey;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.keys.VerificationKey;
import io.gatehouse.token.keys.VerificationKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of this issuer, persisted sealed in the store. Every change (first keys,
 * rotation, pruning) is computed from what the store holds, written with its audit event in one
 * transaction, and only then swapped into memory.
 */
public final class SigningKeyService implements VerificationKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeyService.class);

  private final AuthStore store;
  private final SigningKeyVault vault;
  private final KeySettings settings;
  private final Clock clock;
  private final AtomicReference<KeyRing> ring = new AtomicReference<>();
  private final AtomicLong version = new AtomicLong();

  /** Loads the keys, creating an active and a next key on first start. */
  public SigningKeyService(AuthStore store, SigningKeyVault vault, KeySettings settings, Clock clock) {
    this.store = store;
    this.vault = vault;
    this.settings = settings;
    this.clock = clock;
    ring.set(store.inTransaction(this::loadOrCreate));
  }

  /** The key that signs now. */
  public SigningKey activeKey() {
    return ring.get().activeKey();
  }

  /** Changes whenever this service swaps in another key ring (rotation, reload). */
  public long version() {
    return version.get();
  }

  /** The published public keys (next, active and retired within retention). */
  public PublicJwks jwks() {
    return ring.get().publicJwks();
  }

  /** Keys with their states, for the admin API. */
  public List<ManagedKey> keys() {
    return ring.get().keys();
  }

  @Override
  public Optional<VerificationKey> byKid(String kid) {
    return ring.get().byKid(kid);
  }

  @Override
  public List<VerificationKey> all() {
    return ring.get().all();
  }

  /**
   * Promotes the next key, retires the active one and publishes a new next key.
   *
   * @param force rotate even if the next key was published less than the JWKS max-age ago
   * @throws RotationRefusedException when not forced and verifiers may not have the next key yet
   */
  public List<ManagedKey> rotate(String actor, boolean force) {
    KeyRing rotated = store.inTransaction(tx -> {
      KeyRing current = ring(tx.signingKeys());
      checkNextPublishedLongEnough(current, force);
      current.rotate(SigningKey.generate(settings.algorithm()));
      persist(tx, current);
      tx.audit(clock.instant(), actor, "signing_key.rotate", current.activeKey().kid(), "success",
          force ? "forced" : "");
      return current;
    });
    swap(rotated);
    LOG.info("signing keys rotated by {}: active key is now {}", actor, rotated.activeKey().kid());
    return rotated.keys();
  }

  /** Scheduled work: re-read the store, rotate when the active key is due, drop expired retired keys. */
  public void maintain() {
    KeyRing current = store.inTransaction(tx -> ring(tx.signingKeys()));
    swap(current);
    ManagedKey active = current.keys().stream().filter(k -> k.state() == KeyState.ACTIVE).findFirst().orElseThrow();
    if (!active.since().plus(settings.rotationInterval()).isAfter(clock.instant())) {
      try {
        rotate("system", false);
      } catch (RotationRefusedException e) {
        LOG.info("scheduled rotation postponed: {}", e.getMessage());
      }
    }
    pruneStore();
  }

  private void pruneStore() {
    store.inTransaction(tx -> {
      List<String> live = ring.get().keys().stream().map(k -> k.key().kid()).toList();
      for (StoredSigningKey stored : tx.signingKeys()) {
        if (!live.contains(stored.kid())) {
          tx.deleteSigningKey(stored.kid());
          tx.audit(clock.instant(), "system", "signing_key.remove", stored.kid(), "success", "retention passed");
        }
      }
      return null;
    });
  }

  private void swap(KeyRing keyRing) {
    ring.set(keyRing);
    version.incrementAndGet();
  }

  private KeyRing loadOrCreate(StoreTransaction tx) {
    List<StoredSigningKey> stored = tx.signingKeys();
    if (!stored.isEmpty()) {
      return ring(stored);
    }
    KeyRing fresh = KeyRing.builder().algorithm(settings.algorithm()).clock(clock).retention(settings.retention()).build();
    persist(tx, fresh);
    tx.audit(clock.instant(), "system", "signing_key.create", fresh.activeKey().kid(), "success", "first start");
    LOG.info("created signing keys: active {} ({})", fresh.activeKey().kid(), settings.algorithm().joseName());
    return fresh;
  }

  private KeyRing ring(List<StoredSigningKey> stored) {
    KeyRing.Builder builder = KeyRing.builder().algorithm(settings.algorithm()).clock(clock)
        .retention(settings.retention());
    for (StoredSigningKey key : stored) {
      builder.key(vault.open(key), key.state(), key.since());
    }
    return builder.build();
  }

  private void persist(StoreTransaction tx, KeyRing keyRing) {
    tx.saveSigningKeys(keyRing.keys().stream()
        .map(k -> vault.seal(k.key(), k.state(), k.since())).toList());
  }

  private void checkNextPublishedLongEnough(KeyRing current, boolean force) {
    Instant now = clock.instant();
    current.keys().stream().filter(k -> k.state() == KeyState.NEXT).findFirst().ifPresent(next -> {
      Instant safe = next.since().plus(settings.jwksMaxAge());
      if (!force && now.isBefore(safe)) {
        throw new RotationRefusedException("the next key " + next.key().kid() + " was published "
            + Duration.between(next.since(), now).toSeconds() + " s ago; verifiers cache the JWKS for "
            + settings.jwksMaxAge().toSeconds() + " s", Duration.between(now, safe));
      }
    });
  }
}
