package io.gatehouse.auth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Prepared-statement plumbing: binding, mapping rows, batches. Values are always parameters. */
final class Sql {
  /** Maps the current row. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
    List<T> rows = list(c, sql, row, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** One statement executed for each parameter row, sent as a single batch. */
  static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] params : rows) {
        bind(ps, params);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** {@code ?, ?, ?} for an IN list of {@code n} values (n >= 1). */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** Instants are stored with microsecond precision, as both databases keep them. */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      bind(ps, i + 1, params[i]);
    }
  }

  private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof Boolean b) {
      ps.setBoolean(index, b);
    } else if (value instanceof Long l) {
      ps.setLong(index, l);
    } else if (value instanceof Integer n) {
      ps.setInt(index, n);
    } else if (value instanceof Instant t) {
      ps.setObject(index, OffsetDateTime.ofInstant(micros(t), ZoneOffset.UTC));
    } else if (value instanceof Optional<?> o && o.isEmpty()) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else if (value instanceof Optional<?> o && o.get() instanceof Instant t) {
      bind(ps, index, t);
    } else {
      throw new IllegalArgumentException("cannot bind parameter " + index + " of type "
          + (value == null ? "null" : value.getClass().getName()));
    }
  }
}
