package io.gatehouse.auth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One transaction over one connection, delegating to the repositories. Each write runs under
 * a savepoint, so a failed call (say a CONFLICT the caller catches) undoes only itself and the
 * transaction stays usable on PostgreSQL too, which otherwise aborts it after any error.
 */
final class JdbcTransaction implements StoreTransaction {
  /** Work that may throw {@link SQLException}. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /** Work without a result. */
  @FunctionalInterface
  private interface VoidWork {
    void run() throws SQLException;
  }

  private final Connection c;
  private final UserRepository users;
  private final RoleRepository roles;
  private final ClientRepository clients;
  private final ApiKeyRepository apiKeys;
  private final SigningKeyRepository signingKeys;
  private final RefreshTokenRepository refreshTokens;
  private final AuditRepository audit;
  private boolean open = true;

  JdbcTransaction(Connection c, Clock clock) {
    this.c = c;
    this.roles = new RoleRepository(c);
    this.users = new UserRepository(c, clock, roles);
    this.clients = new ClientRepository(c, clock);
    this.apiKeys = new ApiKeyRepository(c, clock, users);
    this.signingKeys = new SigningKeyRepository(c);
    this.refreshTokens = new RefreshTokenRepository(c);
    this.audit = new AuditRepository(c);
  }

  /** Called when the transaction ends; a transaction kept past its work fails loudly. */
  void end() {
    open = false;
  }

  @Override
  public User createUser(String username, String passwordHash, Collection<String> roles) {
    return write("user '" + username + "'", () -> users.create(username, passwordHash, roles));
  }

  @Override
  public Optional<User> user(String id) {
    return read("user", () -> users.find(id));
  }

  @Override
  public Optional<User> userByUsername(String username) {
    return read("user", () -> users.findByUsername(username));
  }

  @Override
  public Optional<String> passwordHash(String userId) {
    return read("user", () -> users.passwordHash(userId));
  }

  @Override
  public Page<User> users(Optional<String> username, Optional<String> cursor, int limit) {
    return read("users", () -> users.page(username, cursor, limit));
  }

  @Override
  public User setRoles(String userId, Collection<String> roles) {
    return write("roles of user '" + userId + "'", () -> users.setRoles(userId, roles));
  }

  @Override
  public void setPasswordHash(String userId, String passwordHash) {
    write("user '" + userId + "'", () -> {
      users.setPasswordHash(userId, passwordHash);
      return null;
    });
  }

  @Override
  public User setDisabled(String userId, boolean disabled) {
    return write("user '" + userId + "'", () -> users.setDisabled(userId, disabled));
  }

  @Override
  public void deleteUser(String userId) {
    change("user '" + userId + "'", () -> users.delete(userId));
  }

  @Override
  public SortedSet<String> effectivePermissions(String userId) {
    return read("permissions", () -> users.effectivePermissions(userId));
  }

  @Override
  public Role putRole(String name, Collection<String> permissions) {
    return write("role '" + name + "'", () -> roles.put(name, permissions));
  }

  @Override
  public Optional<Role> role(String name) {
    return read("role", () -> roles.find(name));
  }

  @Override
  public List<Role> roles() {
    return read("roles", roles::all);
  }

  @Override
  public void deleteRole(String name) {
    change("role '" + name + "'", () -> roles.delete(name));
  }

  @Override
  public Client createClient(Client client, String secretHash) {
    Objects.requireNonNull(client, "client");
    return write("client '" + client.clientId() + "'", () -> clients.create(client, secretHash));
  }

  @Override
  public Optional<Client> client(String clientId) {
    return read("client", () -> clients.find(clientId));
  }

  @Override
  public Optional<String> clientSecretHash(String clientId) {
    return read("client", () -> clients.secretHash(clientId));
  }

  @Override
  public void setClientSecretHash(String clientId, String secretHash) {
    change("client '" + clientId + "'", () -> clients.setSecretHash(clientId, secretHash));
  }

  @Override
  public List<Client> clients() {
    return read("clients", clients::all);
  }

  @Override
  public void deleteClient(String clientId) {
    change("client '" + clientId + "'", () -> clients.delete(clientId));
  }

  @Override
  public ApiKey createApiKey(ApiKey key, String keyHash) {
    Objects.requireNonNull(key, "key");
    return write("API key '" + key.id() + "'", () -> apiKeys.create(key, keyHash));
  }

  @Override
  public Optional<ApiKey> apiKey(String id) {
    return read("API key", () -> apiKeys.find(id));
  }

  @Override
  public Optional<ApiKey> apiKeyByHash(String keyHash) {
    return read("API key", () -> apiKeys.findByHash(keyHash));
  }

  @Override
  public Page<ApiKey> apiKeys(String userId, Optional<String> cursor, int limit) {
    return read("API keys", () -> apiKeys.page(userId, cursor, limit));
  }

  @Override
  public boolean revokeApiKey(String id, Instant at) {
    return write("API key '" + id + "'", () -> apiKeys.revoke(id, at));
  }

  @Override
  public void recordLastUsed(Map<String, Instant> lastUsedById) {
    Objects.requireNonNull(lastUsedById, "lastUsedById");
    change("API key last use", () -> apiKeys.recordLastUsed(lastUsedById));
  }

  @Override
  public List<StoredSigningKey> signingKeys() {
    return read("signing keys", signingKeys::all);
  }

  @Override
  public void saveSigningKeys(Collection<StoredSigningKey> keys) {
    Objects.requireNonNull(keys, "keys");
    change("signing key", () -> signingKeys.save(keys));
  }

  @Override
  public void deleteSigningKey(String kid) {
    change("signing key '" + kid + "'", () -> signingKeys.delete(kid));
  }

  @Override
  public void insertRefreshToken(RefreshToken token) {
    Objects.requireNonNull(token, "token");
    change("refresh token for client '" + token.clientId() + "'", () -> refreshTokens.insert(token));
  }

  @Override
  public Optional<RefreshToken> refreshToken(String hash) {
    return read("refresh token", () -> refreshTokens.find(hash));
  }

  @Override
  public boolean markRefreshTokenUsed(String hash, Instant at) {
    return write("refresh token", () -> refreshTokens.markUsed(hash, at));
  }

  @Override
  public int revokeRefreshFamily(String familyId, Instant at) {
    return write("refresh token family", () -> refreshTokens.revokeFamily(familyId, at));
  }

  @Override
  public int deleteExpiredRefreshTokens(Instant before) {
    return write("refresh tokens", () -> refreshTokens.deleteExpired(before));
  }

  @Override
  public AuditEvent audit(Instant at, String actor, String action, String target, String outcome, String detail) {
    return write("audit event", () -> audit.append(at, actor, action, target, outcome, detail));
  }

  @Override
  public Page<AuditEvent> auditEvents(Optional<String> cursor, int limit) {
    return read("audit events", () -> audit.page(cursor, limit));
  }

  private void change(String what, VoidWork work) {
    write(what, () -> {
      work.run();
      return Boolean.TRUE;
    });
  }

  private <T> T read(String what, SqlWork<T> work) {
    requireOpen();
    try {
      return work.run();
    } catch (SQLException e) {
      throw SqlErrors.translate(e, what);
    }
  }

  private <T> T write(String what, SqlWork<T> work) {
    requireOpen();
    Savepoint savepoint = read(what, c::setSavepoint);
    try {
      T result = work.run();
      c.releaseSavepoint(savepoint);
      return result;
    } catch (SQLException e) {
      undo(savepoint, e);
      throw SqlErrors.translate(e, what);
    } catch (RuntimeException e) {
      undo(savepoint, e);
      throw e;
    }
  }

  private void undo(Savepoint savepoint, Exception failure) {
    try {
      c.rollback(savepoint);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("transaction has ended; use the StoreTransaction only inside its work");
    }
  }
}
