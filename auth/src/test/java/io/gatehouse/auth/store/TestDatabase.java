package io.gatehouse.auth.store;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real database for store tests: an H2 file database in a temp directory (the embedded
 * settings), or a fresh schema {@code t_<random>} on the PostgreSQL at {@code GATEHOUSE_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code GATEHOUSE_TEST_PG_USER} or
 * {@code postgres}), dropped on close. Without PostgreSQL the tests are skipped, except under
 * {@code CI=true}, where they fail.
 */
public final class TestDatabase implements AutoCloseable {
  static final Instant T0 = Instant.parse("2030-01-02T03:04:05.123456Z");
  /** Child tables first, so deletes never hit a foreign key. */
  private static final List<String> TABLES = List.of("audit_events", "refresh_token_scopes", "refresh_tokens",
      "signing_keys", "api_key_scopes", "api_keys", "client_audiences", "client_permissions", "client_grants",
      "clients", "user_roles", "role_permissions", "roles", "users");

  private final String url;
  private final String user;
  private final String password;
  private final Runnable cleanup;
  private final MutableClock clock = new MutableClock(T0);
  private final JdbcAuthStore store;
  private final String skipReason;

  private TestDatabase(String url, String user, String password, Runnable cleanup) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.cleanup = cleanup;
    this.store = JdbcAuthStore.open(settings().build());
    this.skipReason = null;
  }

  /** A database that is not there: every test using it is skipped with {@code reason}. */
  private TestDatabase(String reason) {
    this.url = null;
    this.user = null;
    this.password = null;
    this.cleanup = () -> { };
    this.store = null;
    this.skipReason = reason;
  }

  public static TestDatabase h2() {
    try {
      Path dir = Files.createTempDirectory("gatehouse-store-");
      return new TestDatabase(StoreSettings.h2(dir.resolve("data")).url(), "", "", () -> deleteTree(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestDatabase postgres() {
    String base = env("GATEHOUSE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("GATEHOUSE_TEST_PG_USER", "postgres");
    String password = env("GATEHOUSE_TEST_PG_PASSWORD", "");
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try {
      execute(base, user, password, "CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + base + " as " + user + " (" + e.getMessage()
          + "); start it or set GATEHOUSE_TEST_PG_URL";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " — required under CI=true");
      }
      System.err.println("[gatehouse] " + message + " — PostgreSQL store tests skipped");
      return new TestDatabase(message);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(url, user, password, () -> {
      try {
        execute(base, user, password, "DROP SCHEMA " + schema + " CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot drop test schema " + schema, e);
      }
    });
  }

  /** Settings for another store on this same database. */
  StoreSettings.Builder settings() {
    return StoreSettings.builder().url(url).user(user).password(password).clock(clock);
  }

  JdbcAuthStore store() {
    return store;
  }

  MutableClock clock() {
    return clock;
  }

  /** Empties every table and resets the clock; skips the test when the database is not there. */
  public void reset() {
    Assumptions.assumeTrue(skipReason == null, () -> skipReason + " — PostgreSQL tests skipped");
    clock.set(T0);
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test database", e);
    }
  }

  /** The JDBC URL (a fresh schema on PostgreSQL). */
  public String url() {
    return url;
  }

  /** The database user. */
  public String user() {
    return user;
  }

  /** The database password (empty for trust auth). */
  public String password() {
    return password;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
    cleanup.run();
  }

  private static void execute(String url, String user, String password, String sql) throws SQLException {
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
