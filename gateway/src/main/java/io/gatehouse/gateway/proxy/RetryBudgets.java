package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.route.RetryBudget;
import io.gatehouse.gateway.route.RouteSpec;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Each route's {@link RetryBudget}, accounted per event loop (no locks): requests and retries are
 * counted in ten buckets spanning the window; a retry is allowed while the window's retries stay
 * below the minimum plus the route's percentage of its requests.
 */
final class RetryBudgets {
  private static final int BUCKETS = 10;

  private final LongSupplier nanoTime;
  private final FastThreadLocal<Map<RouteSpec, Window>> windows = new FastThreadLocal<>() {
    @Override
    protected Map<RouteSpec, Window> initialValue() {
      return new IdentityHashMap<>();
    }
  };

  RetryBudgets(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Counts a request (its first attempt). Call on the request's event loop. */
  void requested(RouteSpec route) {
    window(route).add(nanoTime.getAsLong(), false);
  }

  /** Whether the route may retry now; a granted retry counts against the budget. */
  boolean tryRetry(RouteSpec route) {
    Window window = window(route);
    long now = nanoTime.getAsLong();
    window.advance(now);
    RetryBudget budget = route.retryBudget();
    long requests = 0;
    long retries = 0;
    for (int i = 0; i < BUCKETS; i++) {
      requests += window.requests[i];
      retries += window.retries[i];
    }
    if (retries * 100 >= budget.minRetries() * 100L + budget.percent() * requests) {
      return false;
    }
    window.add(now, true);
    return true;
  }

  private Window window(RouteSpec route) {
    Map<RouteSpec, Window> byRoute = windows.get();
    Window window = byRoute.get(route);
    if (window == null) {
      window = new Window(Math.max(1, route.retryBudget().window().toNanos() / BUCKETS), nanoTime.getAsLong());
      byRoute.put(route, window);
    }
    return window;
  }

  /** A ring of buckets; {@code current} is the bucket number (time / bucket width) of the newest. */
  private static final class Window {
    final long bucketNanos;
    final long[] requests = new long[BUCKETS];
    final long[] retries = new long[BUCKETS];
    long current;

    Window(long bucketNanos, long now) {
      this.bucketNanos = bucketNanos;
      this.current = Math.floorDiv(now, bucketNanos);
    }

    void add(long now, boolean retry) {
      advance(now);
      int slot = (int) Math.floorMod(current, (long) BUCKETS);
      if (retry) {
        retries[slot]++;
      } else {
        requests[slot]++;
      }
    }

    /** Empties the buckets that fell out of the window since the last call. */
    void advance(long now) {
      long bucket = Math.floorDiv(now, bucketNanos);
      long stale = Math.min(BUCKETS, bucket - current);
      for (long i = 1; i <= stale; i++) {
        int slot = (int) Math.floorMod(current + i, (long) BUCKETS);
        requests[slot] = 0;
        retries[slot] = 0;
      }
      if (bucket > current) {
        current = bucket;
      }
    }
  }
}
