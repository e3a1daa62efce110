package io.gatehouse.auth.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;

/** Refresh tokens by hash, with rotation families. */
final class RefreshTokenRepository {
  private static final ValueSet SCOPES = new ValueSet("refresh_token_scopes", "token_hash", "scope");
  private static final String COLUMNS = "hash, family_id, client_id, subject, issued_at, expires_at, used_at,"
      + " revoked_at";

  private final Connection c;

  RefreshTokenRepository(Connection c) {
    this.c = c;
  }

  void insert(RefreshToken token) throws SQLException {
    Fields.hash("refresh token hash", token.hash());
    Fields.token("family id", token.familyId(), Fields.FAMILY);
    Fields.token("client id", token.clientId(), Fields.CLIENT_ID);
    Fields.token("subject", token.subject(), Fields.SUBJECT);
    SortedSet<String> scopes = Fields.tokens("scopes", token.scopes(), Fields.PERMISSION);
    Fields.time("issuedAt", token.issuedAt());
    Fields.time("expiresAt", token.expiresAt());
    Fields.optionalTime("usedAt", token.usedAt());
    Fields.optionalTime("revokedAt", token.revokedAt());
    Sql.update(c, "INSERT INTO refresh_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", token.hash(),
        token.familyId(), token.clientId(), token.subject(), token.issuedAt(), token.expiresAt(), token.usedAt(),
        token.revokedAt());
    SCOPES.insert(c, token.hash(), scopes);
  }

  Optional<RefreshToken> find(String hash) throws SQLException {
    if (!Fields.storable(hash, 64)) {
      return Optional.empty();
    }
    Optional<RefreshToken> row = Sql.one(c, "SELECT " + COLUMNS + " FROM refresh_tokens WHERE hash = ?",
        RefreshTokenRepository::row, hash);
    if (row.isEmpty()) {
      return row;
    }
    RefreshToken t = row.get();
    return Optional.of(new RefreshToken(t.hash(), t.familyId(), t.clientId(), t.subject(), SCOPES.load(c, hash),
        t.issuedAt(), t.expiresAt(), t.usedAt(), t.revokedAt()));
  }

  /** A conditional update: of two concurrent callers, the row lock lets exactly one see it unused. */
  boolean markUsed(String hash, Instant at) throws SQLException {
    Fields.time("usedAt", at);
    return Fields.storable(hash, 64) && Sql.update(c, "UPDATE refresh_tokens SET used_at = ?"
        + " WHERE hash = ? AND used_at IS NULL AND revoked_at IS NULL", at, hash) > 0;
  }

  int revokeFamily(String familyId, Instant at) throws SQLException {
    Fields.time("revokedAt", at);
    if (!Fields.storable(familyId, Fields.FAMILY)) {
      return 0;
    }
    return Sql.update(c, "UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
        at, familyId);
  }

  int deleteExpired(Instant before) throws SQLException {
    Fields.time("before", before);
    return Sql.update(c, "DELETE FROM refresh_tokens WHERE expires_at < ?", before);
  }

  private static RefreshToken row(ResultSet rs) throws SQLException {
    return new RefreshToken(rs.getString("hash"), rs.getString("family_id"), rs.getString("client_id"),
        rs.getString("subject"), Collections.emptySortedSet(), Sql.instant(rs, "issued_at"),
        Sql.instant(rs, "expires_at"), Sql.optionalInstant(rs, "used_at"), Sql.optionalInstant(rs, "revoked_at"));
  }
}
