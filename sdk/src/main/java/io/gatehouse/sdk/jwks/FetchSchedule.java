package io.gatehouse.sdk.jwks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to fetch the JWKS: refresh after the refresh interval, or sooner when {@code max-age}
 * says so; never twice within the refetch interval on behalf of requests; retry a failure after
 * the refetch interval.
 */
record FetchSchedule(Duration refreshInterval, Duration refetchInterval) {

  /** Whether a request may trigger a fetch now, given when the last one started. */
  boolean refetchAllowed(Optional<Instant> lastAttempt, Instant now) {
    return lastAttempt.isEmpty() || !now.isBefore(lastAttempt.get().plus(refetchInterval));
  }

  /** Delay before the next refresh after a success: {@code max-age} may shorten it, not below the refetch interval. */
  Duration afterSuccess(Optional<Duration> maxAge) {
    if (maxAge.isEmpty() || maxAge.get().compareTo(refreshInterval) > 0) {
      return refreshInterval;
    }
    return maxAge.get().compareTo(refetchInterval) < 0 ? refetchInterval : maxAge.get();
  }

  /** Delay before retrying a failed fetch. */
  Duration afterFailure() {
    return refetchInterval;
  }
}
