package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.stream.DoneListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's per-route meters, registered once per route when the proxy is built, so the
 * request path only looks a route up (by identity) and increments. Labels are the route id and
 * small fixed sets (status class, error kind).
 */
final class RouteMetrics {
  /** Why an upstream exchange failed: the {@code kind} label. */
  enum UpstreamError {
    /** The connection was refused or could not be made. */
    CONNECT,
    /** Connecting or the response head took longer than the route allows. */
    TIMEOUT,
    /** The upstream reset the connection. */
    RESET,
    /** The upstream closed the connection before the response ended. */
    CLOSED
  }

  private final Map<RouteSpec, Meters> byRoute = new IdentityHashMap<>();

  RouteMetrics(MeterRegistry registry, RouteTable routes) {
    for (RouteSpec route : routes.routes()) {
      byRoute.put(route, new Meters(registry, route.id()));
    }
  }

  /** The route's meters. */
  Meters of(RouteSpec route) {
    return byRoute.get(route);
  }

  /** One route's meters; as a {@link DoneListener} it counts the request by status class and times it. */
  static final class Meters implements DoneListener {
    private final Counter[] requestsByClass = new Counter[6];
    private final Timer requestDuration;
    final Timer upstreamDuration;
    private final Counter[] upstreamErrors = new Counter[UpstreamError.values().length];
    final Counter retries;
    final Counter retryBudgetExhausted;
    final Counter ejections;

    Meters(MeterRegistry registry, String route) {
      for (int statusClass = 1; statusClass <= 5; statusClass++) {
        requestsByClass[statusClass] = Counter.builder("gatehouse.gateway.requests")
            .description("Requests answered, by route and status class")
            .tags("route", route, "status", statusClass + "xx")
            .register(registry);
      }
      requestDuration = Timer.builder("gatehouse.gateway.request.duration")
          .description("Time from the request head to the response written").tag("route", route)
          .publishPercentileHistogram().register(registry);
      upstreamDuration = Timer.builder("gatehouse.gateway.upstream.duration")
          .description("Time from the upstream connection to the end of its response").tag("route", route)
          .publishPercentileHistogram().register(registry);
      for (UpstreamError kind : UpstreamError.values()) {
        upstreamErrors[kind.ordinal()] = Counter.builder("gatehouse.gateway.upstream.errors")
            .description("Failed upstream exchanges, by kind")
            .tags("route", route, "kind", kind.name().toLowerCase(Locale.ROOT)).register(registry);
      }
      retries = Counter.builder("gatehouse.gateway.retries").description("Requests retried on another upstream")
          .tag("route", route).register(registry);
      retryBudgetExhausted = Counter.builder("gatehouse.gateway.retry.budget.exhausted")
          .description("Retries refused because the route's retry budget was spent").tag("route", route)
          .register(registry);
      ejections = Counter.builder("gatehouse.gateway.ejections")
          .description("Upstreams taken out of rotation by failed connects or failed health probes")
          .tag("route", route).register(registry);
    }

    @Override
    public void done(int status, long durationNanos) {
      int statusClass = status / 100;
      if (statusClass >= 1 && statusClass <= 5) {
        requestsByClass[statusClass].increment();
      }
      requestDuration.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a failed upstream exchange. */
    void upstreamError(UpstreamError kind) {
      upstreamErrors[kind.ordinal()].increment();
    }
  }
}
