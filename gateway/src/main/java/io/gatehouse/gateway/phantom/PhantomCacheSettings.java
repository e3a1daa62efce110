package io.gatehouse.gateway.phantom;

import java.time.Duration;

/**
 * How the phantom-token cache behaves.
 *
 * @param maxEntries bound on cached (key, audience) pairs, at least 1
 * @param ttl longest time a token is reused, whatever its {@code exp}: the bound on how long a
 *     revoked key keeps working on a gateway that does not receive revocation events
 * @param negativeTtl how long a refused key is refused without asking the auth service again
 * @param expiryMargin a token is dropped this long before its {@code exp}, so the upstream never
 *     receives one about to expire
 */
public record PhantomCacheSettings(long maxEntries, Duration ttl, Duration negativeTtl, Duration expiryMargin) {
  /** Defaults: 100,000 entries, 60 s, 5 s, 10 s. */
  public static final PhantomCacheSettings DEFAULTS =
      new PhantomCacheSettings(100_000, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10));

  /** Validates every field. */
  public PhantomCacheSettings {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("max-entries must be at least 1, was: " + maxEntries);
    }
    requirePositive(ttl, "ttl");
    requirePositive(negativeTtl, "negative-ttl");
    if (expiryMargin.isNegative()) {
      throw new IllegalArgumentException("expiry-margin must not be negative, was: " + expiryMargin);
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was: " + value);
    }
  }
}
