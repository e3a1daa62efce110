package io.gatehouse.auth.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.http.server.BlockingGuard;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The {@link AuthStore} over JDBC: a HikariCP pool, Flyway migrations from
 * {@code db/migration} (the same SQL on H2 and PostgreSQL), one connection per transaction.
 */
public final class JdbcAuthStore implements AuthStore {
  private static final int HEALTH_TIMEOUT_SECONDS = 2;

  private final HikariDataSource pool;
  private final Clock clock;

  private JdbcAuthStore(HikariDataSource pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * Connects, migrates the schema to the latest version and returns the store.
   *
   * @throws StoreException UNAVAILABLE when the database cannot be reached or migrated
   */
  public static JdbcAuthStore open(StoreSettings settings) {
    BlockingGuard.assertMayBlock("jdbc");
    HikariDataSource pool = connect(settings);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot migrate the store schema at "
          + settings + ": " + e.getMessage(), e);
    }
    return new JdbcAuthStore(pool, settings.clock());
  }

  @Override
  public <T> T inTransaction(Function<StoreTransaction, T> work) {
    BlockingGuard.assertMayBlock("jdbc");
    try (Connection connection = pool.getConnection()) {
      JdbcTransaction transaction = new JdbcTransaction(connection, clock);
      try {
        T result = work.apply(transaction);
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } catch (SQLException e) {
        rollback(connection, e);
        throw e;
      } finally {
        transaction.end();
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "transaction");
    }
  }

  /** Borrows a connection and validates it, both bounded by a short timeout. */
  @Override
  public boolean healthy() {
    BlockingGuard.assertMayBlock("jdbc");
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(HEALTH_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static HikariDataSource connect(StoreSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("gatehouse-store");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(2, settings.poolSize()));
    config.setAutoCommit(false);
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setValidationTimeout(Math.min(settings.connectionTimeout().toMillis(), HEALTH_TIMEOUT_SECONDS * 1000L));
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot connect to the store at " + settings + ": "
          + rootMessage(e), e);
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
