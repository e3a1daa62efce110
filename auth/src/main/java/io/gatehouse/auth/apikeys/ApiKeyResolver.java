package io.gatehouse.auth.apikeys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.auth.secrets.ApiKeys;
import io.gatehouse.auth.store.ApiKey;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.User;
import io.gatehouse.token.apikey.ApiKeyFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns a presented API key into a usable key and its owner's permissions, or nothing. Unknown,
 * revoked, expired, disowned and malformed keys all come back empty, so callers cannot tell them
 * apart; malformed ones never reach the store. Records are cached for a short TTL (admin changes
 * in this process invalidate at once).
 */
public final class ApiKeyResolver {
  private final AuthStore store;
  private final Clock clock;
  private final LastUsedRecorder lastUsed;
  private final Cache<String, Optional<ApiKey>> keysByHash;
  private final Cache<String, Optional<SortedSet<String>>> ownerPermissions;

  /** A resolver over the store. */
  public ApiKeyResolver(AuthStore store, Clock clock, Duration ttl, LastUsedRecorder lastUsed) {
    this.store = store;
    this.clock = clock;
    this.lastUsed = lastUsed;
    this.keysByHash = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
    this.ownerPermissions = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
  }

  /** The usable key behind a presented key, with its owner's current permissions; empty otherwise. */
  public Optional<ResolvedApiKey> resolve(String presented) {
    Optional<ApiKeyFormat.Parsed> parsed = ApiKeys.parse(presented);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Optional<ApiKey> key = keysByHash.get(parsed.get().sha256(), hash -> store.inTransaction(tx -> tx.apiKeyByHash(hash)));
    if (key.isEmpty() || !key.get().id().equals(parsed.get().id()) || !key.get().usableAt(clock.instant())) {
      return Optional.empty();
    }
    Optional<SortedSet<String>> permissions = ownerPermissions.get(key.get().userId(), this::loadOwner);
    if (permissions.isEmpty()) {
      return Optional.empty();
    }
    lastUsed.record(key.get().id(), clock.instant());
    return Optional.of(new ResolvedApiKey(key.get(), permissions.get()));
  }

  /** Whether the key with this id is still usable and its owner enabled (uncached: introspection only). */
  public boolean stillUsable(String keyId) {
    return store.inTransaction(tx -> tx.apiKey(keyId).filter(key -> key.usableAt(clock.instant()))
        .flatMap(key -> tx.user(key.userId())).filter(user -> !user.disabled()).isPresent());
  }

  /** After a key is revoked or changed here: forget cached keys. */
  public void invalidateKeys() {
    keysByHash.invalidateAll();
  }

  /** After users or roles change here: forget cached owner permissions. */
  public void invalidateOwners() {
    ownerPermissions.invalidateAll();
  }

  private Optional<SortedSet<String>> loadOwner(String userId) {
    return store.inTransaction(tx -> tx.user(userId).filter(user -> !user.disabled())
        .map(User::id).map(id -> (SortedSet<String>) new TreeSet<>(tx.effectivePermissions(id))));
  }
}
