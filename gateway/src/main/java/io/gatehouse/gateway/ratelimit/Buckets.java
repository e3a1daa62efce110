package io.gatehouse.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gatehouse.gateway.route.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket per name (a key id, a client id, a route, an address) under one limit,
 * created on first use and forgotten when idle; bounded so a flood of names cannot exhaust memory.
 */
final class Buckets {
  private final RateLimit limit;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  Buckets(RateLimit limit, Clock clock, long maxBuckets) {
    this.limit = limit;
    this.time = new ClockTimeMeter(clock);
    Duration refillWhole = limit.period().multipliedBy(Math.max(1, (limit.burst() + limit.requests() - 1) / limit.requests()));
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxBuckets)
        // An idle bucket refills completely in this time; forgetting it then changes nothing.
        .expireAfterAccess(refillWhole)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .executor(Runnable::run) // maintenance on the event loop, as for the phantom-token cache
        .build();
  }

  /** Takes one token from the named bucket. */
  ConsumptionProbe take(String name) {
    return bucket(name).tryConsumeAndReturnRemaining(1);
  }

  /** Whether the named bucket has a token left, without taking one. */
  boolean hasToken(String name) {
    Bucket bucket = buckets.getIfPresent(name);
    return bucket == null || bucket.getAvailableTokens() > 0;
  }

  RateLimit limit() {
    return limit;
  }

  private Bucket bucket(String name) {
    return buckets.get(name, n -> Bucket.builder()
        .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.requests(), limit.period()))
        .withCustomTimePrecision(time)
        .build());
  }

  /** Bucket4j's time from the injected clock, so tests advance time instead of sleeping. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
