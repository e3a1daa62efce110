package io.gatehouse.gateway.ratelimit;

import io.gatehouse.gateway.route.RateLimit;
import java.time.Clock;
import java.util.Optional;

/**
 * A budget of failed authentication attempts per source address: once spent, the address gets
 * 429 before its credential is even looked at, until the bucket refills. Successes cost nothing.
 */
public final class FailedAuthGuard {
  private final Optional<Buckets> buckets;

  /** A guard with this budget per address; empty turns it off. */
  public FailedAuthGuard(Optional<RateLimit> budget, Clock clock) {
    this.buckets = budget.map(limit -> new Buckets(limit, clock, 100_000));
  }

  /** Refuses with 429 an address whose budget of failures is spent. */
  public void checkAllowed(String address) {
    if (buckets.isPresent() && !buckets.get().hasToken(address)) {
      throw RateLimitHeaders.tooMany(buckets.get(), "failed-auth", 0, waitNanos(address),
          "too many failed authentication attempts from this address");
    }
  }

  /** Spends one unit of the address's budget. */
  public void recordFailure(String address) {
    buckets.ifPresent(b -> b.take(address));
  }

  private long waitNanos(String address) {
    // The bucket is empty: the time to its next token is at most one period / requests.
    RateLimit limit = buckets.get().limit();
    return limit.period().toNanos() / limit.requests();
  }
}
