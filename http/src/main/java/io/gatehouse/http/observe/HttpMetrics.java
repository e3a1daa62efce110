package io.gatehouse.http.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener's metrics: {@code gatehouse_http_server_requests_seconds{listener,route,method,status}},
 * {@code gatehouse_http_server_rejected_total{listener,reason}} for requests refused before any
 * handler (reason: the status, or {@code header_timeout} / {@code body_timeout} for a 408; routing
 * misses, 404 and 405, are not counted here), and {@code gatehouse_http_server_connections{listener}}. Meters are cached per label
 * set so the request path does no registry lookups.
 */
public final class HttpMetrics {
  /** Status codes 100 to 599 have a slot each. */
  private static final int STATUSES = 500;
  private final MeterRegistry registry;
  private final String listener;
  private final AtomicInteger connections = new AtomicInteger();
  /** Route → method → timers by status − 100: two map hits and no allocation per request. */
  private final ConcurrentMap<String, ConcurrentMap<String, Timer[]>> timers = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Counter> rejections = new ConcurrentHashMap<>();

  /** Metrics for one listener. */
  public HttpMetrics(MeterRegistry registry, String listener) {
    this.registry = registry;
    this.listener = listener;
    Gauge.builder("gatehouse.http.server.connections", connections, AtomicInteger::get)
        .description("Open connections").tag("listener", listener).register(registry);
  }

  /** Records a finished request. */
  public void request(String route, String method, int status, long durationNanos) {
    Timer[] byStatus = timers.computeIfAbsent(route, r -> new ConcurrentHashMap<>())
        .computeIfAbsent(method, m -> new Timer[STATUSES]);
    boolean slotted = status >= 100 && status < 100 + STATUSES;
    Timer timer = slotted ? byStatus[status - 100] : null;
    if (timer == null) {
      // Another event loop may register the same timer at the same time: the registry hands both
      // the one meter, so the unsynchronised slot only ever holds that one.
      timer = Timer.builder("gatehouse.http.server.requests")
          .description("Requests by route, method and status")
          .tags("listener", listener, "route", route, "method", method, "status", Integer.toString(status))
          .register(registry);
      if (slotted) {
        byStatus[status - 100] = timer;
      }
    }
    timer.record(durationNanos, TimeUnit.NANOSECONDS);
  }

  /** Records a request refused by the core (bad framing, limits, timeouts). */
  public void rejected(String reason) {
    rejections.computeIfAbsent(reason, r -> Counter.builder("gatehouse.http.server.rejected")
            .description("Requests refused before reaching a handler")
            .tags("listener", listener, "reason", r).register(registry))
        .increment();
  }

  /** A connection opened. */
  public void connectionOpened() {
    connections.incrementAndGet();
  }

  /** A connection closed. */
  public void connectionClosed() {
    connections.decrementAndGet();
  }
}
