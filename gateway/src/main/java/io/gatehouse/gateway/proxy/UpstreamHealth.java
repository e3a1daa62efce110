package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.route.Upstream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Whether an upstream may be tried, from two sources. Passive: an upstream that fails
 * {@value #FAILURES_TO_EJECT} connects in a row is ejected for a backoff (1 s, doubling to 30 s
 * while it keeps failing); one success restores it. Active (routes with a health check): enough
 * failed probes in a row take it out until enough pass in a row; a probe that restores it also
 * ends a passive ejection, since the upstream has just answered.
 */
final class UpstreamHealth {
  static final int FAILURES_TO_EJECT = 3;
  private static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
  private static final long MAX_BACKOFF_NANOS = 30_000_000_000L;

  private final LongSupplier nanoTime;
  private final Map<Upstream, State> states = new ConcurrentHashMap<>();
  private final Map<Upstream, Probed> probed = new ConcurrentHashMap<>();

  UpstreamHealth(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Whether the upstream may be tried now. */
  boolean available(Upstream upstream) {
    if (!probed.isEmpty()) {
      Probed active = probed.get(upstream);
      if (active != null && active.down) {
        return false;
      }
    }
    if (states.isEmpty()) {
      return true; // no upstream is failing: the usual case, without hashing the upstream
    }
    State state = states.get(upstream);
    return state == null || nanoTime.getAsLong() - state.ejectedUntil >= 0;
  }

  /** Nanoseconds until the first of these upstreams may be tried again (0 if one can now). */
  long nanosUntilAvailable(Iterable<Upstream> upstreams) {
    long now = nanoTime.getAsLong();
    long soonest = Long.MAX_VALUE;
    for (Upstream upstream : upstreams) {
      Probed active = probed.get(upstream);
      State state = states.get(upstream);
      long passive = state == null ? 0 : Math.max(0, state.ejectedUntil - now);
      soonest = Math.min(soonest, active != null && active.down ? Math.max(passive, active.recoveryNanos) : passive);
    }
    return soonest;
  }

  void succeeded(Upstream upstream) {
    if (!states.isEmpty()) {
      states.remove(upstream);
    }
  }

  /** A failed connect; true when it ejected the upstream. */
  synchronized boolean failed(Upstream upstream) {
    State state = states.computeIfAbsent(upstream, u -> new State());
    state.failures++;
    if (state.failures >= FAILURES_TO_EJECT) {
      state.backoff = state.backoff == 0 ? FIRST_BACKOFF_NANOS : Math.min(MAX_BACKOFF_NANOS, state.backoff * 2);
      state.ejectedUntil = nanoTime.getAsLong() + state.backoff;
      state.failures = FAILURES_TO_EJECT - 1; // one more failure after the backoff ejects again, longer
      return true;
    }
    return false;
  }

  /**
   * The result of an active probe; returns true when it took the upstream out.
   *
   * @param recoveryNanos how long it takes at best to bring the upstream back (for {@code Retry-After})
   */
  synchronized boolean probed(Upstream upstream, boolean passed, int healthyThreshold, int unhealthyThreshold,
      long recoveryNanos) {
    Probed active = probed.computeIfAbsent(upstream, u -> new Probed());
    active.recoveryNanos = recoveryNanos;
    if (passed) {
      active.failures = 0;
      if (active.down && ++active.passes >= healthyThreshold) {
        active.down = false;
        active.passes = 0;
        states.remove(upstream);
      }
      return false;
    }
    active.passes = 0;
    if (!active.down && ++active.failures >= unhealthyThreshold) {
      active.down = true;
      active.failures = 0;
      return true;
    }
    return false;
  }

  private static final class State {
    int failures;
    long backoff;
    volatile long ejectedUntil = Long.MIN_VALUE / 2;
  }

  private static final class Probed {
    volatile boolean down;
    int passes;
    int failures;
    volatile long recoveryNanos;
  }
}
