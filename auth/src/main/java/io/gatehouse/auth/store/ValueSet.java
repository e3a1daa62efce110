package io.gatehouse.auth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A child table holding a set of strings per owner row, e.g. {@code role_permissions(role_name,
 * permission)}. Table and column names are constants of the repositories, never input.
 */
final class ValueSet {
  private final String table;
  private final String owner;
  private final String value;

  ValueSet(String table, String owner, String value) {
    this.table = table;
    this.owner = owner;
    this.value = value;
  }

  SortedSet<String> load(Connection c, String ownerId) throws SQLException {
    List<String> values = Sql.list(c, "SELECT " + value + " FROM " + table + " WHERE " + owner + " = ?",
        rs -> rs.getString(1), ownerId);
    return Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }

  /** The sets of the given owners; owners without values map to an empty set. */
  Map<String, SortedSet<String>> load(Connection c, Collection<String> ownerIds) throws SQLException {
    if (ownerIds.isEmpty()) {
      return Map.of();
    }
    String sql = "SELECT " + owner + ", " + value + " FROM " + table + " WHERE " + owner + " IN ("
        + Sql.placeholders(ownerIds.size()) + ")";
    return group(Sql.list(c, sql, rs -> new String[] {rs.getString(1), rs.getString(2)}, ownerIds.toArray()),
        ownerIds);
  }

  /** The sets of every owner that has values. */
  Map<String, SortedSet<String>> loadAll(Connection c) throws SQLException {
    String sql = "SELECT " + owner + ", " + value + " FROM " + table;
    return group(Sql.list(c, sql, rs -> new String[] {rs.getString(1), rs.getString(2)}), List.of());
  }

  void insert(Connection c, String ownerId, Collection<String> values) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String v : values) {
      rows.add(new Object[] {ownerId, v});
    }
    Sql.batch(c, "INSERT INTO " + table + " (" + owner + ", " + value + ") VALUES (?, ?)", rows);
  }

  void replace(Connection c, String ownerId, Collection<String> values) throws SQLException {
    Sql.update(c, "DELETE FROM " + table + " WHERE " + owner + " = ?", ownerId);
    insert(c, ownerId, values);
  }

  private static Map<String, SortedSet<String>> group(List<String[]> rows, Collection<String> ownerIds) {
    Map<String, SortedSet<String>> out = new HashMap<>();
    ownerIds.forEach(id -> out.put(id, new TreeSet<>()));
    rows.forEach(row -> out.computeIfAbsent(row[0], k -> new TreeSet<>()).add(row[1]));
    out.replaceAll((k, v) -> Collections.unmodifiableSortedSet(v));
    return out;
  }
}
