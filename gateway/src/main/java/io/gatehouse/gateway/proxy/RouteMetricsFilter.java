package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.filter.FilterChain;
import io.gatehouse.gateway.filter.GatewayContext;
import io.gatehouse.gateway.filter.GatewayFilter;

/**
 * Right after routing: counts and times the request under its route once it is answered,
 * whichever later filter answers it (CORS, security, the upstream, a 502).
 */
final class RouteMetricsFilter implements GatewayFilter {
  private final RouteMetrics metrics;

  RouteMetricsFilter(RouteMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    ctx.exchange().whenDone(metrics.of(ctx.route()));
    chain.proceed(ctx);
  }
}
