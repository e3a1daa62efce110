package io.gatehouse.auth.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The operations of one transaction. Obtained only inside {@link AuthStore#inTransaction}; all
 * calls commit together or not at all. Methods throw {@link StoreException}.
 *
 * <p>Hashes (API keys, client secrets, refresh tokens) are SHA-256 as 64 lowercase hex
 * characters. Times are kept with microsecond precision. {@code createdAt} of a new user,
 * client or API key comes from the store's clock, whatever the argument holds; the returned
 * record is what was stored. Lists take a {@code limit} of at least 1 and return at most
 * {@link #MAX_PAGE_SIZE} items.
 */
public interface StoreTransaction {
  /** The largest page a list returns; larger limits are lowered to it. */
  int MAX_PAGE_SIZE = 200;

  // ---- users

  /** Creates a user holding existing roles; CONFLICT on a taken username, INVALID on an unknown role. */
  User createUser(String username, String passwordHash, Collection<String> roles);

  Optional<User> user(String id);

  Optional<User> userByUsername(String username);

  /** The Argon2id PHC hash of a user's password. */
  Optional<String> passwordHash(String userId);

  /** Users ordered by id, optionally only the one with an exact username. */
  Page<User> users(Optional<String> username, Optional<String> cursor, int limit);

  /** Replaces a user's roles; INVALID on an unknown role, NOT_FOUND on an unknown user. */
  User setRoles(String userId, Collection<String> roles);

  User setDisabled(String userId, boolean disabled);

  /** Replaces a user's Argon2id PHC hash; NOT_FOUND on an unknown user. */
  void setPasswordHash(String userId, String passwordHash);

  /** Deletes a user and their API keys. */
  void deleteUser(String userId);

  /** The union of the permissions of the user's roles (empty when disabled or unknown). */
  SortedSet<String> effectivePermissions(String userId);

  // ---- roles

  /** Creates or replaces a role's permissions. */
  Role putRole(String name, Collection<String> permissions);

  Optional<Role> role(String name);

  List<Role> roles();

  /** Deletes a role and removes it from every user. */
  void deleteRole(String name);

  // ---- clients

  Client createClient(Client client, String secretHash);

  Optional<Client> client(String clientId);

  /** The SHA-256 of the client's secret. */
  Optional<String> clientSecretHash(String clientId);

  void setClientSecretHash(String clientId, String secretHash);

  List<Client> clients();

  void deleteClient(String clientId);

  // ---- API keys

  ApiKey createApiKey(ApiKey key, String keyHash);

  Optional<ApiKey> apiKey(String id);

  /** The key with this SHA-256 (the hash is the lookup; the caller already checked the format). */
  Optional<ApiKey> apiKeyByHash(String keyHash);

  Page<ApiKey> apiKeys(String userId, Optional<String> cursor, int limit);

  /** Marks a key revoked; false when it was already revoked or does not exist. */
  boolean revokeApiKey(String id, Instant at);

  /** Batched, coarse last-use timestamps: one statement for many keys. */
  void recordLastUsed(Map<String, Instant> lastUsedById);

  // ---- signing keys

  List<StoredSigningKey> signingKeys();

  /** Inserts new keys and updates the state of existing ones (one rotation = one call). */
  void saveSigningKeys(Collection<StoredSigningKey> keys);

  void deleteSigningKey(String kid);

  // ---- refresh tokens

  void insertRefreshToken(RefreshToken token);

  Optional<RefreshToken> refreshToken(String hash);

  /** Marks a token used if it was unused and unrevoked; false otherwise (reuse or race lost). */
  boolean markRefreshTokenUsed(String hash, Instant at);

  /** Revokes every token of a family; returns how many. */
  int revokeRefreshFamily(String familyId, Instant at);

  /** Deletes tokens that expired before {@code before}; returns how many. */
  int deleteExpiredRefreshTokens(Instant before);

  // ---- audit

  AuditEvent audit(Instant at, String actor, String action, String target, String outcome, String detail);

  /** Newest first. */
  Page<AuditEvent> auditEvents(Optional<String> cursor, int limit);
}
