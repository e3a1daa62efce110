package io.gatehouse.auth.store;

import io.gatehouse.token.keys.KeyState;
import io.gatehouse.token.keys.SigningAlgorithm;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Signing keys: sealed private JWKs (base64 text) with their rotation state. */
final class SigningKeyRepository {
  private static final String COLUMNS = "kid, algorithm, state, state_since, sealed_private_jwk";

  private final Connection c;

  SigningKeyRepository(Connection c) {
    this.c = c;
  }

  List<StoredSigningKey> all() throws SQLException {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM signing_keys ORDER BY state_since, kid", SigningKeyRepository::row);
  }

  /** Updates the state of keys that exist and inserts the others. */
  void save(Collection<StoredSigningKey> keys) throws SQLException {
    for (StoredSigningKey key : keys) {
      String sealed = validate(key);
      int updated = Sql.update(c, "UPDATE signing_keys SET state = ?, state_since = ? WHERE kid = ?",
          key.state().name(), key.since(), key.kid());
      if (updated == 0) {
        Sql.update(c, "INSERT INTO signing_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", key.kid(),
            key.algorithm().name(), key.state().name(), key.since(), sealed);
      }
    }
  }

  void delete(String kid) throws SQLException {
    if (!Fields.storable(kid, Fields.KID) || Sql.update(c, "DELETE FROM signing_keys WHERE kid = ?", kid) == 0) {
      throw Fields.notFound("signing key '" + kid + "' not found");
    }
  }

  /** Checks the key and returns its sealed JWK as base64. */
  private static String validate(StoredSigningKey key) {
    Fields.token("kid", key.kid(), Fields.KID);
    if (key.algorithm() == null || key.state() == null || key.sealedPrivateJwk() == null) {
      throw Fields.invalid("signing key '" + key.kid() + "' needs an algorithm, a state and a sealed private JWK");
    }
    Fields.time("since", key.since());
    String sealed = Base64.getEncoder().encodeToString(key.sealedPrivateJwk());
    if (sealed.length() > Fields.SEALED) {
      throw Fields.invalid("sealed private JWK must be at most " + Fields.SEALED + " base64 characters, was "
          + sealed.length());
    }
    return sealed;
  }

  private static StoredSigningKey row(ResultSet rs) throws SQLException {
    return new StoredSigningKey(rs.getString("kid"), SigningAlgorithm.valueOf(rs.getString("algorithm")),
        KeyState.valueOf(rs.getString("state")), Sql.instant(rs, "state_since"),
        Base64.getDecoder().decode(rs.getString("sealed_private_jwk")));
  }
}
