package io.gatehouse.gateway.route;

import java.time.Duration;

/**
 * How many retries a route may make, as a share of its recent requests (like Envoy's retry
 * budget): within the sliding {@code window}, retries stay below {@code minRetries} plus
 * {@code percent} % of the requests. It keeps retries from multiplying the load on upstreams that
 * are already failing.
 *
 * @param percent retries allowed per 100 requests in the window, 0 to 100
 * @param minRetries retries always allowed in the window, however few the requests, 0 to 1000
 * @param window how far back requests and retries count, 1 s to 5 min
 */
public record RetryBudget(int percent, int minRetries, Duration window) {
  private static final RetryBudget DEFAULTS = new RetryBudget(20, 3, Duration.ofSeconds(10));

  /** Validates every field. */
  public RetryBudget {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("retry-budget.percent must be from 0 to 100, was: " + percent);
    }
    if (minRetries < 0 || minRetries > 1000) {
      throw new IllegalArgumentException("retry-budget.min-retries must be from 0 to 1000, was: " + minRetries);
    }
    if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("retry-budget.window must be from 1s to 5m, was: " + window);
    }
  }

  /** 20 % of the requests plus 3, over 10 seconds. */
  public static RetryBudget defaults() {
    return DEFAULTS;
  }
}
