package io.gatehouse.sdk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.gatehouse.token.keys.VerificationKeys;
import io.gatehouse.token.verify.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remembers tokens whose signature and claims verified, keyed by their SHA-256, so a repeated
 * token costs a hash and a lookup. Each hit still checks expiry against the clock and that the
 * signing key is still published.
 */
final class VerifiedTokenCache {
  private final Cache<TokenHash, Entry> entries;
  private final Clock clock;
  private final VerificationKeys keys;

  /** A verified token: its principal, the key that verified it, and the first instant it counts as expired. */
  record Entry(Principal principal, String keyId, Instant notAfter) {}

  VerifiedTokenCache(int maximumSize, Clock clock, VerificationKeys keys) {
    this.clock = clock;
    this.keys = keys;
    this.entries = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfter(Expiry.creating((TokenHash hash, Entry entry) -> untilExpiry(entry)))
        // Maintenance on the reading thread, not the common pool: handing it over woke a pool thread
        // every few reads, which on a small machine competes with the callers (an event loop).
        .executor(Runnable::run)
        .build();
  }

  /**
   * The cached principal of a token, or the result of {@code verifier} (then cached).
   *
   * @throws UnauthorizedException {@code expired} for a cached token past its expiry, or what
   *     {@code verifier} throws
   */
  Principal verify(String token, Function<String, Entry> verifier) {
    TokenHash hash = TokenHash.of(token);
    Entry cached = entries.getIfPresent(hash);
    if (cached != null) {
      if (!clock.instant().isBefore(cached.notAfter())) {
        throw UnauthorizedException.rejected(Rejection.EXPIRED, "token expired at " + cached.principal().expiresAt());
      }
      if (keys.byKid(cached.keyId()).isPresent()) {
        return cached.principal();
      }
      entries.invalidate(hash);
    }
    Entry verified = verifier.apply(token);
    entries.put(hash, verified);
    return verified.principal();
  }

  /**
   * The cached principal of a token that is unexpired and whose key is still held; empty on a
   * miss. Never does I/O, so an event loop may call it before handing a miss to a worker.
   */
  Optional<Principal> cached(String token) {
    Entry cached = entries.getIfPresent(TokenHash.of(token));
    if (cached == null || !clock.instant().isBefore(cached.notAfter()) || keys.heldKey(cached.keyId()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(cached.principal());
  }

  private Duration untilExpiry(Entry entry) {
    Duration left = Duration.between(clock.instant(), entry.notAfter());
    return left.isNegative() ? Duration.ZERO : left;
  }
}
