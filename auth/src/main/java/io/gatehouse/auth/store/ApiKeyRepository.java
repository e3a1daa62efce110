package io.gatehouse.auth.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** API key records (hash, owner, scopes, times); the keys themselves are never stored. */
final class ApiKeyRepository {
  private static final ValueSet SCOPES = new ValueSet("api_key_scopes", "key_id", "scope");
  private static final String COLUMNS = "id, user_id, name, created_at, expires_at, revoked_at, last_used_at";

  private final Connection c;
  private final Clock clock;
  private final UserRepository users;

  ApiKeyRepository(Connection c, Clock clock, UserRepository users) {
    this.c = c;
    this.clock = clock;
    this.users = users;
  }

  ApiKey create(ApiKey key, String keyHash) throws SQLException {
    Fields.token("API key id", key.id(), Fields.ID);
    Fields.text("API key name", key.name(), Fields.NAME);
    SortedSet<String> scopes = Fields.tokens("scopes", key.scopes(), Fields.PERMISSION);
    Fields.optionalTime("expiresAt", key.expiresAt());
    Fields.optionalTime("revokedAt", key.revokedAt());
    Fields.optionalTime("lastUsedAt", key.lastUsedAt());
    Fields.hash("API key hash", keyHash);
    if (users.find(key.userId()).isEmpty()) {
      throw Fields.notFound("user '" + key.userId() + "' not found");
    }
    SortedSet<String> lacking = new TreeSet<>(scopes);
    lacking.removeAll(users.effectivePermissions(key.userId()));
    if (!lacking.isEmpty()) {
      throw Fields.invalid("scopes the owner does not hold: " + String.join(", ", lacking));
    }
    Instant now = Sql.micros(clock.instant());
    Sql.update(c, "INSERT INTO api_keys (id, user_id, key_hash, name, created_at, expires_at, revoked_at,"
        + " last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key.id(), key.userId(), keyHash, key.name(), now,
        key.expiresAt(), key.revokedAt(), key.lastUsedAt());
    SCOPES.insert(c, key.id(), scopes);
    return find(key.id()).orElseThrow();
  }

  Optional<ApiKey> find(String id) throws SQLException {
    if (!Fields.storable(id, Fields.ID)) {
      return Optional.empty();
    }
    return withScopes(Sql.one(c, "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", ApiKeyRepository::row, id));
  }

  Optional<ApiKey> findByHash(String keyHash) throws SQLException {
    if (!Fields.storable(keyHash, 64)) {
      return Optional.empty();
    }
    return withScopes(Sql.one(c, "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?", ApiKeyRepository::row,
        keyHash));
  }

  /** The user's keys ordered by id; empty for an unknown user. */
  Page<ApiKey> page(String userId, Optional<String> cursor, int limit) throws SQLException {
    int size = Paging.limit(limit);
    Optional<String> after = Paging.after(cursor);
    if (!Fields.storable(userId, Fields.ID)) {
      return new Page<>(List.of(), Optional.empty());
    }
    List<ApiKey> rows = after.isPresent()
        ? Sql.list(c, "SELECT " + COLUMNS + " FROM api_keys WHERE user_id = ? AND id > ? ORDER BY id LIMIT ?",
            ApiKeyRepository::row, userId, after.get(), size + 1)
        : Sql.list(c, "SELECT " + COLUMNS + " FROM api_keys WHERE user_id = ? ORDER BY id LIMIT ?",
            ApiKeyRepository::row, userId, size + 1);
    Map<String, SortedSet<String>> scopes = SCOPES.load(c, rows.stream().map(ApiKey::id).toList());
    return Paging.page(rows.stream().map(k -> withScopes(k, scopes.get(k.id()))).toList(), size, ApiKey::id);
  }

  boolean revoke(String id, Instant at) throws SQLException {
    Fields.time("revokedAt", at);
    return Fields.storable(id, Fields.ID)
        && Sql.update(c, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id) > 0;
  }

  /** One batched statement; a time only ever moves forward, unknown ids are ignored. */
  void recordLastUsed(Map<String, Instant> lastUsedById) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, Instant> entry : lastUsedById.entrySet()) {
      Instant at = Fields.time("lastUsedAt", entry.getValue());
      if (Fields.storable(entry.getKey(), Fields.ID)) {
        rows.add(new Object[] {at, entry.getKey(), at});
      }
    }
    Sql.batch(c, "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
        rows);
  }

  private Optional<ApiKey> withScopes(Optional<ApiKey> key) throws SQLException {
    if (key.isEmpty()) {
      return key;
    }
    return Optional.of(withScopes(key.get(), SCOPES.load(c, key.get().id())));
  }

  private static ApiKey withScopes(ApiKey k, SortedSet<String> scopes) {
    return new ApiKey(k.id(), k.userId(), k.name(), scopes, k.createdAt(), k.expiresAt(), k.revokedAt(),
        k.lastUsedAt());
  }

  private static ApiKey row(ResultSet rs) throws SQLException {
    return new ApiKey(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
        Collections.emptySortedSet(), Sql.instant(rs, "created_at"), Sql.optionalInstant(rs, "expires_at"),
        Sql.optionalInstant(rs, "revoked_at"), Sql.optionalInstant(rs, "last_used_at"));
  }
}
