package io.gatehouse.auth.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.auth.secrets.ClientSecrets;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.Client;
import java.time.Duration;
import java.util.Optional;

/**
 * Clients and their secret hashes, cached briefly so the token endpoint does not query the
 * database per grant. Admin changes in this process invalidate at once; other nodes see them
 * within the cache TTL.
 */
public final class ClientDirectory {
  /** Compared against for unknown clients, so they cost the same hash as known ones. */
  private static final String UNKNOWN_CLIENT_HASH = "0".repeat(64);

  private final AuthStore store;
  private final Cache<String, Optional<Entry>> cache;

  /** A directory over the store with entries kept for {@code ttl}. */
  public ClientDirectory(AuthStore store, Duration ttl) {
    this.store = store;
    this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
  }

  /**
   * The client if the secret matches (compared in constant time on the SHA-256) and it is enabled.
   * Unknown clients cost a hash too, so timing does not tell them apart.
   */
  Optional<Client> verify(String clientId, String secret) {
    Optional<Entry> entry = cache.get(clientId, this::load);
    boolean matches = ClientSecrets.verify(secret, entry.map(Entry::secretHash).orElse(UNKNOWN_CLIENT_HASH));
    if (entry.isEmpty() || !matches || entry.get().client().disabled()) {
      return Optional.empty();
    }
    return Optional.of(entry.get().client());
  }

  /** Drops a cached client after an admin change. */
  public void invalidate(String clientId) {
    cache.invalidate(clientId);
  }

  private Optional<Entry> load(String clientId) {
    return store.inTransaction(tx -> tx.client(clientId)
        .flatMap(client -> tx.clientSecretHash(clientId).map(hash -> new Entry(client, hash))));
  }

  private record Entry(Client client, String secretHash) {}
}
