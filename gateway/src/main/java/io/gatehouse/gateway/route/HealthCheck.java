package io.gatehouse.gateway.route;

import io.gatehouse.gateway.path.PathNormalizer;
import io.gatehouse.http.HttpException;
import java.time.Duration;

/**
 * An active health check of a route's upstreams: {@code GET path} every {@code interval}; a 2xx
 * within {@code timeout} passes. {@code unhealthyThreshold} failures in a row take an upstream out
 * of rotation, {@code healthyThreshold} passes in a row bring it back.
 *
 * @param path the path probed on each upstream, as is (not under the upstream's base path)
 * @param interval time between the end of one probe and the start of the next, 100 ms to 1 h
 * @param timeout how long a probe may take, positive, not longer than the interval
 * @param healthyThreshold passes in a row that restore an upstream, 1 to 10
 * @param unhealthyThreshold failures in a row that take an upstream out, 1 to 10
 */
public record HealthCheck(String path, Duration interval, Duration timeout, int healthyThreshold,
    int unhealthyThreshold) {

  /** Validates every field. */
  public HealthCheck {
    if (path == null || !path.startsWith("/") || !isCanonical(path)) {
      throw new IllegalArgumentException("health-check.path must be a canonical path starting with /, was: "
          + Syntax.quote(path));
    }
    Syntax.positive(interval, "health-check.interval");
    if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("health-check.interval must be from 100ms to 1h, was: " + interval);
    }
    Syntax.positive(timeout, "health-check.timeout");
    if (timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException("health-check.timeout must not be longer than the interval (" + interval
          + "), was: " + timeout);
    }
    threshold(healthyThreshold, "health-check.healthy-threshold");
    threshold(unhealthyThreshold, "health-check.unhealthy-threshold");
  }

  /** A check of {@code path} every 10 s with a 2 s timeout, thresholds 2 healthy and 3 unhealthy. */
  public static HealthCheck of(String path) {
    return new HealthCheck(path, Duration.ofSeconds(10), Duration.ofSeconds(2), 2, 3);
  }

  private static void threshold(int value, String field) {
    if (value < 1 || value > 10) {
      throw new IllegalArgumentException(field + " must be from 1 to 10, was: " + value);
    }
  }

  private static boolean isCanonical(String path) {
    try {
      return PathNormalizer.normalize(path).equals(path);
    } catch (HttpException e) {
      return false;
    }
  }
}
