package io.gatehouse.gateway.route;

import java.time.Duration;

/**
 * A route's rate limit as a token bucket: {@code requests} tokens added per {@code period}, at
 * most {@code burst} held, one taken per request.
 *
 * @param requests tokens added per period, at least 1
 * @param period the refill period, positive
 * @param burst the bucket's capacity: how many requests may arrive at once, at least 1
 */
public record RateLimit(int requests, Duration period, int burst) {

  /** Validates every field. */
  public RateLimit {
    if (requests < 1) {
      throw new IllegalArgumentException("rate-limit.requests must be at least 1, was: " + requests);
    }
    Syntax.positive(period, "rate-limit.period");
    if (burst < 1) {
      throw new IllegalArgumentException("rate-limit.burst must be at least 1, was: " + burst);
    }
  }

  /** A limit whose burst is one period's worth of requests. */
  public static RateLimit of(int requests, Duration period) {
    return new RateLimit(requests, period, requests);
  }
}
