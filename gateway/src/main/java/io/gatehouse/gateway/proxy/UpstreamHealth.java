package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.route.Upstream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Passive health: an upstream that fails {@value #FAILURES_TO_EJECT} connects in a row is ejected
 * for a backoff (1 s, doubling to 30 s while it keeps failing); one success restores it.
 */
final class UpstreamHealth {
  static final int FAILURES_TO_EJECT = 3;
  private static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
  private static final long MAX_BACKOFF_NANOS = 30_000_000_000L;

  private final LongSupplier nanoTime;
  private final Map<Upstream, State> states = new ConcurrentHashMap<>();

  UpstreamHealth(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Whether the upstream may be tried now. */
  boolean available(Upstream upstream) {
    State state = states.get(upstream);
    return state == null || nanoTime.getAsLong() - state.ejectedUntil >= 0;
  }

  /** Nanoseconds until the first of these upstreams may be tried again (0 if one can now). */
  long nanosUntilAvailable(Iterable<Upstream> upstreams) {
    long now = nanoTime.getAsLong();
    long soonest = Long.MAX_VALUE;
    for (Upstream upstream : upstreams) {
      State state = states.get(upstream);
      soonest = Math.min(soonest, state == null ? 0 : Math.max(0, state.ejectedUntil - now));
    }
    return soonest;
  }

  void succeeded(Upstream upstream) {
    states.remove(upstream);
  }

  synchronized void failed(Upstream upstream) {
    State state = states.computeIfAbsent(upstream, u -> new State());
    state.failures++;
    if (state.failures >= FAILURES_TO_EJECT) {
      state.backoff = state.backoff == 0 ? FIRST_BACKOFF_NANOS : Math.min(MAX_BACKOFF_NANOS, state.backoff * 2);
      state.ejectedUntil = nanoTime.getAsLong() + state.backoff;
      state.failures = FAILURES_TO_EJECT - 1; // one more failure after the backoff ejects again, longer
    }
  }

  private static final class State {
    int failures;
    long backoff;
    volatile long ejectedUntil = Long.MIN_VALUE / 2;
  }
}
