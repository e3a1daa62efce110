package io.gatehouse.auth.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The append-only audit log; ids come from an identity column, so they increase. */
final class AuditRepository {
  private static final String INSERT = "INSERT INTO audit_events (occurred_at, actor, action, target, outcome, detail)"
      + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String COLUMNS = "id, occurred_at, actor, action, target, outcome, detail";

  private final Connection c;

  AuditRepository(Connection c) {
    this.c = c;
  }

  AuditEvent append(Instant at, String actor, String action, String target, String outcome, String detail)
      throws SQLException {
    Fields.time("at", at);
    Fields.text("actor", actor, Fields.ACTOR);
    Fields.token("action", action, Fields.ACTION);
    Fields.optionalText("target", target, Fields.TARGET);
    if (!"success".equals(outcome) && !"failure".equals(outcome)) {
      throw Fields.invalid("outcome must be 'success' or 'failure'");
    }
    Fields.optionalText("detail", detail, Fields.DETAIL);
    try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
      Sql.bind(ps, at, actor, action, target, outcome, detail);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return new AuditEvent(keys.getLong("id"), Sql.micros(at), actor, action, target, outcome, detail);
      }
    }
  }

  /** Newest first. */
  Page<AuditEvent> page(Optional<String> cursor, int limit) throws SQLException {
    int size = Paging.limit(limit);
    Optional<Long> before = Paging.after(cursor).map(AuditRepository::id);
    List<AuditEvent> rows = before.isPresent()
        ? Sql.list(c, "SELECT " + COLUMNS + " FROM audit_events WHERE id < ? ORDER BY id DESC LIMIT ?",
            AuditRepository::row, before.get(), size + 1)
        : Sql.list(c, "SELECT " + COLUMNS + " FROM audit_events ORDER BY id DESC LIMIT ?", AuditRepository::row,
            size + 1);
    return Paging.page(rows, size, event -> Long.toString(event.id()));
  }

  private static long id(String key) {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw Fields.invalid("cursor is not valid; pass back the 'next' value of the previous page");
    }
  }

  private static AuditEvent row(ResultSet rs) throws SQLException {
    return new AuditEvent(rs.getLong("id"), Sql.instant(rs, "occurred_at"), rs.getString("actor"),
        rs.getString("action"), rs.getString("target"), rs.getString("outcome"), rs.getString("detail"));
  }
}
