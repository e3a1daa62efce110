package io.gatehouse.auth.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** OAuth2 clients, their grants, permissions, audiences and secret hashes. */
final class ClientRepository {
  private static final ValueSet GRANTS = new ValueSet("client_grants", "client_id", "grant_type");
  private static final ValueSet PERMISSIONS = new ValueSet("client_permissions", "client_id", "permission");
  private static final ValueSet AUDIENCES = new ValueSet("client_audiences", "client_id", "audience");
  private static final String COLUMNS = "client_id, name, disabled, created_at";

  private final Connection c;
  private final Clock clock;

  ClientRepository(Connection c, Clock clock) {
    this.c = c;
    this.clock = clock;
  }

  Client create(Client client, String secretHash) throws SQLException {
    String id = Fields.token("client id", client.clientId(), Fields.CLIENT_ID);
    Fields.text("client name", client.name(), Fields.NAME);
    SortedSet<String> grants = Fields.tokens("grants", client.grants(), Fields.GRANT);
    SortedSet<String> permissions = Fields.tokens("permissions", client.permissions(), Fields.PERMISSION);
    SortedSet<String> audiences = Fields.tokens("audiences", client.audiences(), Fields.AUDIENCE);
    Fields.hash("client secret hash", secretHash);
    Instant now = Sql.micros(clock.instant());
    Sql.update(c, "INSERT INTO clients (client_id, name, secret_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?)",
        id, client.name(), secretHash, client.disabled(), now);
    GRANTS.insert(c, id, grants);
    PERMISSIONS.insert(c, id, permissions);
    AUDIENCES.insert(c, id, audiences);
    return new Client(id, client.name(), grants, permissions, audiences, client.disabled(), now);
  }

  Optional<Client> find(String id) throws SQLException {
    if (!Fields.storable(id, Fields.CLIENT_ID)) {
      return Optional.empty();
    }
    Optional<Client> row = Sql.one(c, "SELECT " + COLUMNS + " FROM clients WHERE client_id = ?",
        ClientRepository::row, id);
    if (row.isEmpty()) {
      return row;
    }
    return Optional.of(withSets(row.get(), GRANTS.load(c, id), PERMISSIONS.load(c, id), AUDIENCES.load(c, id)));
  }

  Optional<String> secretHash(String id) throws SQLException {
    if (!Fields.storable(id, Fields.CLIENT_ID)) {
      return Optional.empty();
    }
    return Sql.one(c, "SELECT secret_hash FROM clients WHERE client_id = ?", rs -> rs.getString(1), id);
  }

  void setSecretHash(String id, String secretHash) throws SQLException {
    Fields.hash("client secret hash", secretHash);
    if (!Fields.storable(id, Fields.CLIENT_ID)
        || Sql.update(c, "UPDATE clients SET secret_hash = ? WHERE client_id = ?", secretHash, id) == 0) {
      throw Fields.notFound("client '" + id + "' not found");
    }
  }

  List<Client> all() throws SQLException {
    List<Client> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM clients ORDER BY client_id", ClientRepository::row);
    Map<String, SortedSet<String>> grants = GRANTS.loadAll(c);
    Map<String, SortedSet<String>> permissions = PERMISSIONS.loadAll(c);
    Map<String, SortedSet<String>> audiences = AUDIENCES.loadAll(c);
    SortedSet<String> none = Collections.emptySortedSet();
    return rows.stream().map(row -> withSets(row, grants.getOrDefault(row.clientId(), none),
        permissions.getOrDefault(row.clientId(), none), audiences.getOrDefault(row.clientId(), none))).toList();
  }

  void delete(String id) throws SQLException {
    if (!Fields.storable(id, Fields.CLIENT_ID) || Sql.update(c, "DELETE FROM clients WHERE client_id = ?", id) == 0) {
      throw Fields.notFound("client '" + id + "' not found");
    }
  }

  private static Client withSets(Client row, SortedSet<String> grants, SortedSet<String> permissions,
      SortedSet<String> audiences) {
    return new Client(row.clientId(), row.name(), grants, permissions, audiences, row.disabled(), row.createdAt());
  }

  private static Client row(ResultSet rs) throws SQLException {
    SortedSet<String> none = Collections.emptySortedSet();
    return new Client(rs.getString("client_id"), rs.getString("name"), none, none, none, rs.getBoolean("disabled"),
        Sql.instant(rs, "created_at"));
  }
}
