package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The gateway's per-route meters, registered once per route when the proxy is built, so the
 * request path only looks a route up (by identity) and increments. Labels are the route id and
 * small fixed sets (status class, error kind).
 */
final class RouteMetrics {
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

  /** One route's meters. */
  static final class Meters {
    final Counter retries;
    final Counter retryBudgetExhausted;
    final Counter ejections;

    Meters(MeterRegistry registry, String route) {
      retries = Counter.builder("gatehouse.gateway.retries").description("Requests retried on another upstream")
          .tag("route", route).register(registry);
      retryBudgetExhausted = Counter.builder("gatehouse.gateway.retry.budget.exhausted")
          .description("Retries refused because the route's retry budget was spent").tag("route", route)
          .register(registry);
      ejections = Counter.builder("gatehouse.gateway.ejections")
          .description("Upstreams taken out of rotation by failed connects or failed health probes")
          .tag("route", route).register(registry);
    }
  }
}
