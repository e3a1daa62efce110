package io.gatehouse.auth.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Where the store lives and how it connects; build with {@link #builder()} or {@link #h2(Path)}. */
public final class StoreSettings {
  /** The pool size unless configured. */
  public static final int DEFAULT_POOL_SIZE = 10;
  /** How long a caller waits for a connection unless configured. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

  /**
   * H2 options for the embedded file database. WRITE_DELAY=0 flushes each commit before it
   * returns (a revoked key must stay revoked after a crash); LOCK_TIMEOUT lets a writer wait
   * 10 s for a row another transaction holds (H2's default is 1 s); DB_CLOSE_ON_EXIT=FALSE leaves closing to
   * {@link JdbcAuthStore#close()} so a shutdown hook cannot pull the database from under the
   * pool. H2's default file lock keeps a second process from opening the same files.
   */
  static final String H2_OPTIONS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";

  private final String url;
  private final String user;
  private final String password;
  private final int poolSize;
  private final Duration connectionTimeout;
  private final Clock clock;

  private StoreSettings(Builder builder) {
    this.url = builder.url;
    this.user = builder.user;
    this.password = builder.password;
    this.poolSize = builder.poolSize;
    this.connectionTimeout = builder.connectionTimeout;
    this.clock = builder.clock;
  }

  /** A builder with the defaults: pool size 10, 5 s connection timeout, system UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The embedded default: an H2 file database {@code <dataDir>/gatehouse.mv.db}, created on first start. */
  public static StoreSettings h2(Path dataDir) {
    return builder().h2(dataDir).build();
  }

  /** The JDBC URL. */
  public String url() {
    return url;
  }

  /** The database user (may be empty). */
  public String user() {
    return user;
  }

  /** The database password (may be empty); never printed. */
  public String password() {
    return password;
  }

  /** Largest number of open connections. */
  public int poolSize() {
    return poolSize;
  }

  /** How long a transaction waits for a connection before failing with UNAVAILABLE. */
  public Duration connectionTimeout() {
    return connectionTimeout;
  }

  /** The clock that stamps {@code createdAt} of new rows. */
  public Clock clock() {
    return clock;
  }

  /** URL without its query or options (they may hold credentials), user and pool size. */
  @Override
  public String toString() {
    int options = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      options = at >= 0 ? Math.min(options, at) : options;
    }
    return "StoreSettings[url=" + url.substring(0, options) + ", user=" + user + ", poolSize=" + poolSize + "]";
  }

  /** Builds {@link StoreSettings}; {@link #build()} rejects a missing URL or bad sizes. */
  public static final class Builder {
    private String url;
    private String user = "";
    private String password = "";
    private int poolSize = DEFAULT_POOL_SIZE;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** A JDBC URL, {@code jdbc:postgresql://host:5432/db} or {@code jdbc:h2:...}. */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /** The H2 file database under {@code dataDir} (created with its directories on first start). */
    public Builder h2(Path dataDir) {
      String dir = dataDir.toAbsolutePath().normalize().toString();
      if (dir.indexOf(';') >= 0) {
        throw new IllegalArgumentException("data directory must not contain ';', was: " + dir);
      }
      return url("jdbc:h2:file:" + dir + "/gatehouse" + H2_OPTIONS);
    }

    /** The database user. */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** The database password. */
    public Builder password(String password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Largest number of open connections (1 to 1000). */
    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /** How long a transaction waits for a connection (250 ms to 5 minutes). */
    public Builder connectionTimeout(Duration connectionTimeout) {
      this.connectionTimeout = Objects.requireNonNull(connectionTimeout, "connectionTimeout");
      return this;
    }

    /** The clock that stamps {@code createdAt} of new rows. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The settings; throws {@link IllegalArgumentException} naming the bad field. */
    public StoreSettings build() {
      if (url == null || !url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("url must be a JDBC URL starting with 'jdbc:'");
      }
      if (poolSize < 1 || poolSize > 1000) {
        throw new IllegalArgumentException("poolSize must be between 1 and 1000, was: " + poolSize);
      }
      if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0
          || connectionTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException(
            "connectionTimeout must be between 250ms and 5m, was: " + connectionTimeout);
      }
      return new StoreSettings(this);
    }
  }
}
