package io.gatehouse.auth.apikeys;

import io.gatehouse.auth.secrets.ApiKeys;
import io.gatehouse.auth.store.ApiKey;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.StoreException;
import io.gatehouse.auth.store.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Creating, listing and revoking API keys, each change audited in its transaction. A new key's
 * scopes must be a subset of its owner's permissions at creation; the key itself is returned once
 * and only its SHA-256 is stored.
 */
public final class ApiKeyAdmin {
  /** Longest expiry accepted for a new key. */
  public static final Duration MAX_EXPIRES_IN = Duration.ofDays(3650);

  private final AuthStore store;
  private final Clock clock;
  private final ApiKeyResolver resolver;
  private final AuthChanges changes;

  /** Key administration over the store. */
  public ApiKeyAdmin(AuthStore store, Clock clock, ApiKeyResolver resolver, AuthChanges changes) {
    this.store = store;
    this.clock = clock;
    this.resolver = resolver;
    this.changes = changes;
  }

  /**
   * Creates a key for a user.
   *
   * @throws StoreException NOT_FOUND for an unknown user, INVALID for scopes the user does not hold
   */
  public CreatedApiKey create(String actor, String userId, String name, Collection<String> scopes,
      Optional<Duration> expiresIn) {
    Instant now = clock.instant();
    ApiKeys.Generated generated = ApiKeys.generate();
    ApiKey created = store.inTransaction(tx -> {
      requireUser(tx, userId);
      SortedSet<String> missing = new TreeSet<>(scopes);
      missing.removeAll(tx.effectivePermissions(userId));
      if (!missing.isEmpty()) {
        throw new StoreException(StoreException.Kind.INVALID, "scopes not held by the user: " + String.join(" ", missing));
      }
      ApiKey key = tx.createApiKey(new ApiKey(generated.id(), userId, name, new TreeSet<>(scopes), now,
          expiresIn.map(now::plus), Optional.empty(), Optional.empty()), generated.sha256());
      tx.audit(now, actor, "api_key.create", key.id(), "success", "user " + userId);
      return key;
    });
    return new CreatedApiKey(created, generated.key());
  }

  /**
   * Revokes a key by id.
   *
   * @return false when it was unknown or already revoked
   */
  public boolean revoke(String actor, String keyId) {
    Instant now = clock.instant();
    boolean revoked = store.inTransaction(tx -> {
      boolean done = tx.revokeApiKey(keyId, now);
      tx.audit(now, actor, "api_key.revoke", keyId, done ? "success" : "failure", done ? "" : "unknown or already revoked");
      return done;
    });
    if (revoked) {
      resolver.invalidateKeys();
      changes.apiKeyRevoked(keyId);
    }
    return revoked;
  }

  /** Revokes a presented key (RFC 7009); silently nothing when it is malformed or unknown. */
  public void revokePresented(String presented, String actor) {
    ApiKeys.parse(presented).ifPresent(parsed -> {
      Optional<ApiKey> key = store.inTransaction(tx -> tx.apiKeyByHash(parsed.sha256()));
      key.filter(k -> k.id().equals(parsed.id())).ifPresent(k -> revoke(actor, k.id()));
    });
  }

  private static void requireUser(StoreTransaction tx, String userId) {
    if (tx.user(userId).isEmpty()) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, "no user " + userId);
    }
  }
}
