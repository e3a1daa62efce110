package io.gatehouse.gateway.phantom;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.gatehouse.gateway.credential.Credential;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Internal tokens per (SHA-256 of the key, audience): one exchange in flight per pair (concurrent
 * requests share it), reused until {@code exp} minus a margin or the TTL, refusals remembered
 * briefly, failures not at all. Bounded; size, hits and evictions are metrics. Revocation events
 * evict at once ({@link CredentialEvents}).
 */
public final class PhantomTokenCache implements CredentialEvents {
  private final TokenExchanger exchanger;
  private final PhantomCacheSettings settings;
  private final Clock clock;
  private final AsyncCache<Key, ExchangeOutcome> cache;
  private final MeterRegistry registry;

  /** The cache key: never the key itself, only its hash and public id. */
  private record Key(String sha256, String keyId, String audience) {}

  /** A cache over an exchanger; time comes from {@code clock} (expiry) and {@code ticker} (Caffeine's own). */
  public PhantomTokenCache(TokenExchanger exchanger, PhantomCacheSettings settings, Clock clock, MeterRegistry registry) {
    this.exchanger = exchanger;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
    this.cache = Caffeine.newBuilder()
        .maximumSize(settings.maxEntries())
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .expireAfter(Expiry.creating((Key key, ExchangeOutcome outcome) -> lifetime(outcome)))
        .recordStats()
        // Maintenance on the reading thread: the default (the common pool) woke a worker thread every
        // few reads, which on one core took the event loop's CPU (7 % of the API-key filter chain).
        .executor(Runnable::run)
        .buildAsync();
    CaffeineCacheMetrics.monitor(registry, cache, "gatehouse_gateway_phantom_tokens");
  }

  /**
   * The outcome for this key and audience: cached, or from one exchange shared by every caller
   * asking meanwhile. Completes exceptionally with {@link AuthUnavailableException} when the
   * auth service cannot answer; that failure is not cached.
   */
  public CompletableFuture<ExchangeOutcome> token(Credential.ApiKey key, String audience) {
    Key cacheKey = new Key(key.parsed().sha256(), key.parsed().id(), audience);
    return cache.get(cacheKey, (k, executor) -> timed(exchanger.exchange(key, audience)));
  }

  @Override
  public void apiKeyRevoked(String keyId) {
    cache.asMap().keySet().removeIf(key -> key.keyId().equals(keyId));
  }

  @Override
  public void userChanged(String userId) {
    cache.synchronous().asMap().values().removeIf(outcome ->
        outcome instanceof ExchangeOutcome.Issued issued && issued.token().subject().equals(userId));
    // An exchange still in flight for this user may carry the old permissions: drop those too.
    cache.asMap().values().removeIf(future -> !future.isDone());
  }

  @Override
  public void roleChanged(String role) {
    // Who holds the role is the store's knowledge, not the gateway's: start afresh.
    cache.synchronous().invalidateAll();
  }

  /** Entries held now (for tests and the admin view). */
  public long size() {
    return cache.synchronous().estimatedSize();
  }

  private CompletableFuture<ExchangeOutcome> timed(CompletableFuture<ExchangeOutcome> exchange) {
    long start = System.nanoTime();
    return exchange.whenComplete((outcome, failure) -> Timer.builder("gatehouse_gateway_token_exchange_duration")
        .description("Time to exchange an API key at the auth service")
        .tag("outcome", failure != null ? "unavailable" : outcome instanceof ExchangeOutcome.Issued ? "issued" : "refused")
        .register(registry)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
  }

  private Duration lifetime(ExchangeOutcome outcome) {
    if (outcome instanceof ExchangeOutcome.Issued issued) {
      Duration untilExpiry = Duration.between(clock.instant(), issued.token().expiresAt()).minus(settings.expiryMargin());
      Duration lifetime = untilExpiry.compareTo(settings.ttl()) < 0 ? untilExpiry : settings.ttl();
      return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }
    return settings.negativeTtl();
  }
}
