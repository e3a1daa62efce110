package io.gatehouse.auth.oauth;

import io.gatehouse.auth.internal.Sha256;
import io.gatehouse.auth.secrets.Secret;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.RefreshToken;
import io.gatehouse.auth.store.StoreTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Opaque rotating refresh tokens ({@code ghr_} + 256 random bits), stored as SHA-256. Each use
 * yields the next token of the same family; presenting a used token revokes the family (RFC 6819
 * §5.2.2.3, OAuth 2.1 §4.3.1).
 */
final class RefreshTokens {
  static final String PREFIX = "ghr_";

  private final AuthStore store;
  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();

  RefreshTokens(AuthStore store, Clock clock, Duration lifetime) {
    this.store = store;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** Issues the first token of a new family. */
  Secret issueNewFamily(String clientId, String subject, SortedSet<String> scopes) {
    return store.inTransaction(tx -> insert(tx, randomId(), clientId, subject, scopes));
  }

  /**
   * Uses a token: marks it used and issues the next one of its family.
   *
   * @throws OAuthException invalid_grant for unknown, foreign, expired, revoked or reused tokens
   *     (reuse also revokes the family)
   */
  Rotation rotate(String presented, String clientId) {
    String hash = Sha256.hex(presented);
    Instant now = clock.instant();
    Rotation rotation = store.inTransaction(tx -> {
      Optional<RefreshToken> found = tx.refreshToken(hash);
      if (found.isEmpty() || !found.get().clientId().equals(clientId) || found.get().revokedAt().isPresent()
          || !found.get().expiresAt().isAfter(now)) {
        return null;
      }
      RefreshToken token = found.get();
      if (!tx.markRefreshTokenUsed(hash, now)) {
        tx.revokeRefreshFamily(token.familyId(), now);
        tx.audit(now, clientId, "refresh_token.reuse", token.familyId(), "failure", "family revoked");
        return new Rotation(token, null);
      }
      return new Rotation(token, insert(tx, token.familyId(), clientId, token.subject(), token.scopes()));
    });
    if (rotation == null || rotation.next() == null) {
      throw OAuthException.invalidGrant("refresh token is invalid, expired or revoked");
    }
    return rotation;
  }

  /** Looks a token up for introspection. */
  Optional<RefreshToken> find(String presented) {
    return store.inTransaction(tx -> tx.refreshToken(Sha256.hex(presented)));
  }

  /** Revokes the family of a token issued to this client; nothing for unknown or someone else's tokens. */
  void revoke(String presented, String clientId) {
    Instant now = clock.instant();
    store.inTransaction(tx -> {
      tx.refreshToken(Sha256.hex(presented)).filter(token -> token.clientId().equals(clientId))
          .ifPresent(token -> tx.revokeRefreshFamily(token.familyId(), now));
      return null;
    });
  }

  private Secret insert(StoreTransaction tx, String familyId, String clientId, String subject, SortedSet<String> scopes) {
    Instant now = clock.instant();
    String value = PREFIX + randomId();
    tx.insertRefreshToken(new RefreshToken(Sha256.hex(value), familyId, clientId, subject,
        new TreeSet<>(scopes), now, now.plus(lifetime), Optional.empty(), Optional.empty()));
    return Secret.of(value);
  }

  private String randomId() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * A successful rotation.
   *
   * @param used the token presented
   * @param next the new token to hand back
   */
  record Rotation(RefreshToken used, Secret next) {}
}
