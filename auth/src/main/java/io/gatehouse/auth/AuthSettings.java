package io.gatehouse.auth;

import io.gatehouse.auth.keys.KeySettings;
import io.gatehouse.auth.oauth.TokenSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the auth service needs to start.
 *
 * @param dataDir holds the embedded database, {@code master.key} and {@code admin-credentials}
 * @param database a PostgreSQL (or other JDBC) database; empty means embedded H2 in {@code dataDir}
 * @param authListener host and port of the OAuth endpoints
 * @param adminListener host and port of the admin API
 * @param keys signing key management
 * @param tokens what the token endpoint issues
 * @param adminSecret secret for the bootstrap admin client ({@code GATEHOUSE_ADMIN_SECRET}); empty → random
 */
public record AuthSettings(Path dataDir, Optional<Database> database, Listener authListener, Listener adminListener,
    KeySettings keys, TokenSettings tokens, Optional<String> adminSecret) {

  /**
   * A listener address.
   *
   * @param host interface
   * @param port port (0: ephemeral)
   */
  public record Listener(String host, int port) {}

  /**
   * An external database.
   *
   * @param url JDBC URL
   * @param username user
   * @param password password (may be empty for trust auth)
   * @param poolSize connection pool size
   */
  public record Database(String url, String username, String password, int poolSize) {
    @Override
    public String toString() {
      return "Database[" + url + ", user " + username + "]";
    }
  }
}
