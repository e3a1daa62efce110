package io.gatehouse.auth.store;

import io.gatehouse.token.apikey.Base62;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Users, their roles and password hashes. */
final class UserRepository {
  private static final ValueSet ROLES = new ValueSet("user_roles", "user_id", "role_name");
  private static final String COLUMNS = "id, username, disabled, created_at";
  private static final int ID_RANDOM_CHARS = 20;

  private final Connection c;
  private final Clock clock;
  private final RoleRepository roles;

  UserRepository(Connection c, Clock clock, RoleRepository roles) {
    this.c = c;
    this.clock = clock;
    this.roles = roles;
  }

  User create(String username, String passwordHash, Collection<String> roleNames) throws SQLException {
    Fields.text("username", username, Fields.USERNAME);
    Fields.text("password hash", passwordHash, Fields.PASSWORD_HASH);
    SortedSet<String> held = Fields.names("roles", roleNames, Fields.ROLE);
    roles.requireExisting(held);
    String id = "u_" + Base62.random(ID_RANDOM_CHARS);
    Instant now = Sql.micros(clock.instant());
    Sql.update(c, "INSERT INTO users (id, username, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?)",
        id, username, passwordHash, false, now);
    ROLES.insert(c, id, held);
    return new User(id, username, false, List.copyOf(held), now);
  }

  Optional<User> find(String id) throws SQLException {
    if (!Fields.storable(id, Fields.ID)) {
      return Optional.empty();
    }
    return withRoles(Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", UserRepository::row, id));
  }

  Optional<User> findByUsername(String username) throws SQLException {
    if (!Fields.storable(username, Fields.USERNAME)) {
      return Optional.empty();
    }
    return withRoles(Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE username = ?", UserRepository::row,
        username));
  }

  Optional<String> passwordHash(String id) throws SQLException {
    if (!Fields.storable(id, Fields.ID)) {
      return Optional.empty();
    }
    return Sql.one(c, "SELECT password_hash FROM users WHERE id = ?", rs -> rs.getString(1), id);
  }

  Page<User> page(Optional<String> username, Optional<String> cursor, int limit) throws SQLException {
    int size = Paging.limit(limit);
    Optional<String> after = Paging.after(cursor);
    if (username.isPresent() && !Fields.storable(username.get(), Fields.USERNAME)) {
      return new Page<>(List.of(), Optional.empty());
    }
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    username.ifPresent(name -> {
      where.add("username = ?");
      params.add(name);
    });
    after.ifPresent(id -> {
      where.add("id > ?");
      params.add(id);
    });
    params.add(size + 1);
    String sql = "SELECT " + COLUMNS + " FROM users"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id LIMIT ?";
    List<User> rows = Sql.list(c, sql, UserRepository::row, params.toArray());
    Map<String, SortedSet<String>> held = ROLES.load(c, rows.stream().map(User::id).toList());
    List<User> users = rows.stream().map(u -> withRoles(u, held.get(u.id()))).toList();
    return Paging.page(users, size, User::id);
  }

  User setRoles(String id, Collection<String> roleNames) throws SQLException {
    SortedSet<String> held = Fields.names("roles", roleNames, Fields.ROLE);
    User user = find(id).orElseThrow(() -> Fields.notFound("user '" + id + "' not found"));
    roles.requireExisting(held);
    ROLES.replace(c, id, held);
    return withRoles(user, held);
  }

  User setDisabled(String id, boolean disabled) throws SQLException {
    if (!Fields.storable(id, Fields.ID)
        || Sql.update(c, "UPDATE users SET disabled = ? WHERE id = ?", disabled, id) == 0) {
      throw Fields.notFound("user '" + id + "' not found");
    }
    return find(id).orElseThrow();
  }

  void setPasswordHash(String id, String passwordHash) throws SQLException {
    Fields.text("password hash", passwordHash, Fields.PASSWORD_HASH);
    if (!Fields.storable(id, Fields.ID)
        || Sql.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, id) == 0) {
      throw Fields.notFound("user '" + id + "' not found");
    }
  }

  void delete(String id) throws SQLException {
    if (!Fields.storable(id, Fields.ID) || Sql.update(c, "DELETE FROM users WHERE id = ?", id) == 0) {
      throw Fields.notFound("user '" + id + "' not found");
    }
  }

  SortedSet<String> effectivePermissions(String id) throws SQLException {
    if (!Fields.storable(id, Fields.ID)) {
      return Collections.emptySortedSet();
    }
    List<String> permissions = Sql.list(c, "SELECT DISTINCT rp.permission FROM users u"
        + " JOIN user_roles ur ON ur.user_id = u.id JOIN role_permissions rp ON rp.role_name = ur.role_name"
        + " WHERE u.id = ? AND u.disabled = ?", rs -> rs.getString(1), id, false);
    return Collections.unmodifiableSortedSet(new TreeSet<>(permissions));
  }

  private Optional<User> withRoles(Optional<User> user) throws SQLException {
    if (user.isEmpty()) {
      return user;
    }
    return Optional.of(withRoles(user.get(), ROLES.load(c, user.get().id())));
  }

  private static User withRoles(User user, SortedSet<String> held) {
    return new User(user.id(), user.username(), user.disabled(), List.copyOf(held), user.createdAt());
  }

  private static User row(ResultSet rs) throws SQLException {
    return new User(rs.getString("id"), rs.getString("username"), rs.getBoolean("disabled"), List.of(),
        Sql.instant(rs, "created_at"));
  }
}
