package io.gatehouse.auth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Roles and their permissions. */
final class RoleRepository {
  private static final ValueSet PERMISSIONS = new ValueSet("role_permissions", "role_name", "permission");

  private final Connection c;

  RoleRepository(Connection c) {
    this.c = c;
  }

  Role put(String name, Collection<String> permissions) throws SQLException {
    Fields.text("role name", name, Fields.ROLE);
    SortedSet<String> granted = Fields.tokens("permissions", permissions, Fields.PERMISSION);
    if (find(name).isEmpty()) {
      Sql.update(c, "INSERT INTO roles (name) VALUES (?)", name);
    }
    PERMISSIONS.replace(c, name, granted);
    return new Role(name, granted);
  }

  Optional<Role> find(String name) throws SQLException {
    if (!Fields.storable(name, Fields.ROLE)) {
      return Optional.empty();
    }
    Optional<String> found = Sql.one(c, "SELECT name FROM roles WHERE name = ?", rs -> rs.getString(1), name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Role(name, PERMISSIONS.load(c, name)));
  }

  List<Role> all() throws SQLException {
    List<String> names = Sql.list(c, "SELECT name FROM roles ORDER BY name", rs -> rs.getString(1));
    Map<String, SortedSet<String>> permissions = PERMISSIONS.loadAll(c);
    List<Role> roles = new ArrayList<>();
    for (String name : names) {
      roles.add(new Role(name, permissions.getOrDefault(name, Collections.emptySortedSet())));
    }
    return List.copyOf(roles);
  }

  void delete(String name) throws SQLException {
    if (!Fields.storable(name, Fields.ROLE)
        || Sql.update(c, "DELETE FROM roles WHERE name = ?", name) == 0) {
      throw Fields.notFound("role '" + name + "' not found");
    }
  }

  /** Throws INVALID naming every role in {@code names} that does not exist. */
  void requireExisting(SortedSet<String> names) throws SQLException {
    if (names.isEmpty()) {
      return;
    }
    String sql = "SELECT name FROM roles WHERE name IN (" + Sql.placeholders(names.size()) + ")";
    SortedSet<String> missing = new TreeSet<>(names);
    missing.removeAll(Sql.list(c, sql, rs -> rs.getString(1), names.toArray()));
    if (!missing.isEmpty()) {
      throw Fields.invalid("unknown role" + (missing.size() == 1 ? "" : "s") + ": " + String.join(", ", missing));
    }
  }
}
