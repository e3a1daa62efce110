package io.gatehouse.sdk.jwks;

import java.time.Instant;
import java.util.Optional;

/**
 * Health of a {@link RemoteJwks}, for readiness checks and dashboards.
 *
 * @param lastAttempt when the last fetch started
 * @param lastSuccess when the last successful fetch started
 * @param lastFailure why the last failed fetch failed (kept after a later success)
 * @param consecutiveFailures failed fetches since the last success
 * @param keyCount keys held now
 * @param nextRefresh when the background refresh runs next
 */
public record JwksStatus(
    Optional<Instant> lastAttempt,
    Optional<Instant> lastSuccess,
    Optional<String> lastFailure,
    int consecutiveFailures,
    int keyCount,
    Optional<Instant> nextRefresh) {

  static JwksStatus initial() {
    return new JwksStatus(Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, Optional.empty());
  }

  /** Whether keys were ever fetched; without them every token is rejected as {@code keys_unavailable}. */
  public boolean available() {
    return lastSuccess.isPresent();
  }

  /** Whether the keys held are the last good ones from before failed fetches. */
  public boolean stale() {
    return available() && consecutiveFailures > 0;
  }

  JwksStatus succeeded(Instant at, int keys, Instant next) {
    return new JwksStatus(Optional.of(at), Optional.of(at), lastFailure, 0, keys, Optional.of(next));
  }

  JwksStatus failed(Instant at, String reason, Instant next) {
    return new JwksStatus(Optional.of(at), lastSuccess, Optional.of(reason), consecutiveFailures + 1, keyCount,
        Optional.of(next));
  }
}
