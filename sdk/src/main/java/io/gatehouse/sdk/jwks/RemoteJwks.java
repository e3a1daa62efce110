package io.gatehouse.sdk.jwks;

import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.keys.VerificationKey;
import io.gatehouse.token.keys.VerificationKeys;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issuer's public keys fetched over HTTP(S), from its discovery document or an explicit JWKS
 * URL. Fetched on first use, then refreshed in the background; a {@code kid} it does not know
 * triggers a refetch at most once per refetch interval; when a fetch fails the last good keys
 * stay in use and {@link #status()} says so. Every time decision reads the injected clock.
 * Thread-safe.
 */
public final class RemoteJwks implements VerificationKeys, Closeable {
  /** Background refresh interval when the response has no {@code Cache-Control: max-age}. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);
  /** Shortest time between two fetches triggered by requests. */
  public static final Duration DEFAULT_REFETCH_INTERVAL = Duration.ofSeconds(30);
  /** Connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** Time for a whole response, body included. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  /** Largest discovery or JWKS document accepted. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 512 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RemoteJwks.class);
  private static final String ACCEPT = PublicJwks.MEDIA_TYPE + ", application/json";

  private final Optional<String> issuer;
  private final HttpFetcher http;
  private final Clock clock;
  private final FetchSchedule fetchSchedule;
  private final ScheduledThreadPoolExecutor scheduler;
  private final ReentrantLock fetchLock = new ReentrantLock();
  private volatile State state = new State(PublicJwks.of(List.of()), JwksStatus.initial());
  private volatile boolean closed;
  private Optional<URI> jwksUri;
  private Optional<ScheduledFuture<?>> nextRun = Optional.empty();

  private record State(PublicJwks keys, JwksStatus status) {}

  private RemoteJwks(Builder builder) {
    this.issuer = Optional.ofNullable(builder.issuer);
    this.jwksUri = Optional.ofNullable(builder.jwksUri);
    this.http = new HttpFetcher(builder.connectTimeout, builder.requestTimeout, builder.maxResponseBytes);
    this.clock = builder.clock;
    this.fetchSchedule = new FetchSchedule(builder.refreshInterval, builder.refetchInterval);
    // The pool starts its daemon thread on the first schedule, so an unused instance holds none.
    this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "gatehouse-jwks-refresh");
      thread.setDaemon(true);
      return thread;
    });
    this.scheduler.setRemoveOnCancelPolicy(true);
  }

  /** A builder; exactly one of {@link Builder#issuer} and {@link Builder#jwksUri} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The key with this {@code kid}; an unknown one triggers a refetch unless one ran within the refetch interval. */
  @Override
  public Optional<VerificationKey> byKid(String kid) {
    Optional<VerificationKey> key = state.keys().byKid(kid);
    if (key.isPresent()) {
      return key;
    }
    fetchIfAllowed();
    return state.keys().byKid(kid);
  }

  /** The key with this {@code kid} among those held, never fetching. */
  @Override
  public Optional<VerificationKey> heldKey(String kid) {
    return state.keys().byKid(kid);
  }

  /** Every key held; fetches first when none is held and the refetch interval allows. */
  @Override
  public List<VerificationKey> all() {
    if (state.keys().all().isEmpty()) {
      fetchIfAllowed();
    }
    return state.keys().all();
  }

  /** Fetches now, whatever the refetch interval says (to warm up at startup or in tests). */
  public JwksStatus refresh() {
    fetchLock.lock();
    try {
      if (!closed) {
        fetchLocked();
      }
    } finally {
      fetchLock.unlock();
    }
    return status();
  }

  /** Where the keys stand: last success, last failure, staleness. */
  public JwksStatus status() {
    return state.status();
  }

  /** Stops the background refresh; keys already held keep answering, nothing is fetched any more. */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
  }

  @Override
  public String toString() {
    return "RemoteJwks[" + source() + "]";
  }

  private void fetchIfAllowed() {
    if (closed || !refetchAllowed()) {
      return;
    }
    fetchLock.lock();
    try {
      // Another thread may have fetched while this one waited for the lock.
      if (refetchAllowed()) {
        fetchLocked();
      }
    } finally {
      fetchLock.unlock();
    }
  }

  private boolean refetchAllowed() {
    return fetchSchedule.refetchAllowed(state.status().lastAttempt(), clock.instant());
  }

  private void fetchLocked() {
    Instant started = clock.instant();
    Duration next = fetchSchedule.afterFailure();
    try {
      HttpFetcher.Response response = http.get(jwksUriLocked(), ACCEPT);
      PublicJwks keys = PublicJwks.parse(response.body());
      if (keys.all().isEmpty()) {
        throw new IOException("JWKS holds no usable key");
      }
      next = fetchSchedule.afterSuccess(response.maxAge());
      succeeded(started, keys, next);
    } catch (IOException | KeyException e) {
      failed(started, e.getMessage(), next);
    } finally {
      scheduleRefresh(next);
    }
  }

  private URI jwksUriLocked() throws IOException {
    if (jwksUri.isEmpty()) {
      jwksUri = Optional.of(Discovery.jwksUri(http, issuer.orElseThrow()));
    }
    return jwksUri.get();
  }

  private void succeeded(Instant at, PublicJwks keys, Duration next) {
    JwksStatus before = state.status();
    state = new State(keys, before.succeeded(at, keys.all().size(), clock.instant().plus(next)));
    if (before.consecutiveFailures() > 0) {
      LOG.info("JWKS of {} available again after {} failed fetches", source(), before.consecutiveFailures());
    }
  }

  private void failed(Instant at, String reason, Duration next) {
    State before = state;
    state = new State(before.keys(), before.status().failed(at, reason, clock.instant().plus(next)));
    if (closed) {
      return;
    }
    if (before.status().consecutiveFailures() == 0) {
      LOG.warn("JWKS of {} unavailable ({}); {}", source(), reason, before.status().available()
          ? "keeping the last good keys" : "tokens are rejected until keys can be fetched");
    } else {
      LOG.debug("JWKS of {} still unavailable: {}", source(), reason);
    }
  }

  private void scheduleRefresh(Duration delay) {
    nextRun.ifPresent(run -> run.cancel(false));
    if (closed) {
      return;
    }
    try {
      nextRun = Optional.of(scheduler.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS));
    } catch (RejectedExecutionException e) {
      // close() shut the scheduler down between the check and the call.
      nextRun = Optional.empty();
    }
  }

  private String source() {
    return issuer.orElseGet(() -> jwksUri.orElseThrow().toString());
  }

  /** Builds a {@link RemoteJwks}; each setter rejects a bad value with a message naming the field. */
  public static final class Builder {
    private String issuer;
    private URI jwksUri;
    private Clock clock = Clock.systemUTC();
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
    private Duration refetchInterval = DEFAULT_REFETCH_INTERVAL;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {}

    /** The issuer URL; its {@code jwks_uri} is discovered from {@code <issuer>/.well-known/openid-configuration}. */
    public Builder issuer(String issuer) {
      HttpUrls.require(issuer, "issuer");
      this.issuer = issuer;
      return this;
    }

    /** An explicit JWKS URL; no discovery. */
    public Builder jwksUri(String jwksUri) {
      this.jwksUri = HttpUrls.require(jwksUri, "jwks uri");
      return this;
    }

    /** Time source for the refetch limit and the status; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Background refresh interval, 1 s to 24 h; default 5 min. */
    public Builder refreshInterval(Duration refreshInterval) {
      this.refreshInterval = within(refreshInterval, Duration.ofSeconds(1), Duration.ofHours(24), "refresh interval");
      return this;
    }

    /** Shortest time between fetches triggered by requests, 1 s to 1 h; default 30 s. */
    public Builder refetchInterval(Duration refetchInterval) {
      this.refetchInterval = within(refetchInterval, Duration.ofSeconds(1), Duration.ofHours(1), "refetch interval");
      return this;
    }

    /** Connect timeout, 1 ms to 1 min; default 2 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = within(connectTimeout, Duration.ofMillis(1), Duration.ofMinutes(1), "connect timeout");
      return this;
    }

    /** Time for a whole response, 1 ms to 1 min; default 5 s. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = within(requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(1), "request timeout");
      return this;
    }

    /** Largest response accepted, 1 KiB to 16 MiB; default 512 KiB. */
    public Builder maxResponseBytes(int maxResponseBytes) {
      if (maxResponseBytes < 1024 || maxResponseBytes > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("max response bytes must be between 1024 and 16777216, was: "
            + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Builds; starts no thread and fetches nothing until first use or {@link RemoteJwks#refresh()}. */
    public RemoteJwks build() {
      if ((issuer == null) == (jwksUri == null)) {
        throw new IllegalStateException("exactly one of issuer and jwks uri must be set");
      }
      if (refreshInterval.compareTo(refetchInterval) < 0) {
        throw new IllegalStateException("refresh interval (" + refreshInterval
            + ") must not be shorter than the refetch interval (" + refetchInterval + ")");
      }
      return new RemoteJwks(this);
    }

    private static Duration within(Duration value, Duration min, Duration max, String field) {
      if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was: " + value);
      }
      return value;
    }
  }
}
