package io.gatehouse.gateway.ratelimit;

import io.gatehouse.gateway.authn.Authenticated;
import io.gatehouse.gateway.filter.FilterChain;
import io.gatehouse.gateway.filter.GatewayContext;
import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.route.RateLimit;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token-bucket limits, local to this node: the route's own {@code rate-limit} (all callers of the
 * route together), then one bucket per API key and one per OAuth client. The first spent bucket
 * answers 429 with {@code Retry-After} and the {@code RateLimit} fields.
 */
public final class RateLimitFilter implements GatewayFilter {
  private final Map<String, Buckets> perRoute = new HashMap<>();
  private final Optional<Buckets> perApiKey;
  private final Optional<Buckets> perClient;
  private final Counter limited;

  /** Limits for every route of the table, plus the per-key and per-client limits when set. */
  public RateLimitFilter(RouteTable routes, Optional<RateLimit> perApiKey, Optional<RateLimit> perClient, Clock clock,
      MeterRegistry registry) {
    for (RouteSpec route : routes.routes()) {
      route.rateLimit().ifPresent(limit -> perRoute.put(route.id(), new Buckets(limit, clock, 1)));
    }
    this.perApiKey = perApiKey.map(limit -> new Buckets(limit, clock, 1_000_000));
    this.perClient = perClient.map(limit -> new Buckets(limit, clock, 100_000));
    this.limited = Counter.builder("gatehouse_gateway_rate_limited")
        .description("Requests refused with 429 by a rate limit").register(registry);
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    if (ctx.corsPreflight()) {
      chain.proceed(ctx);
      return;
    }
    RouteSpec route = ctx.route();
    Buckets routeBuckets = perRoute.get(route.id());
    if (routeBuckets != null) {
      take(routeBuckets, route.id(), "route");
    }
    Optional<Authenticated> who = ctx.attribute(Authenticated.KEY);
    if (who.isPresent()) {
      Authenticated caller = who.get();
      if (caller.apiKeyId().isPresent() && perApiKey.isPresent()) {
        take(perApiKey.get(), caller.apiKeyId().get(), "api-key");
      } else if (caller.clientId().isPresent() && perClient.isPresent()) {
        take(perClient.get(), caller.clientId().get(), "client");
      }
    }
    chain.proceed(ctx);
  }

  private void take(Buckets buckets, String name, String policy) {
    ConsumptionProbe probe = buckets.take(name);
    if (!probe.isConsumed()) {
      limited.increment();
      throw RateLimitHeaders.tooMany(buckets, policy, probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
          "rate limit exceeded (" + policy + ")");
    }
  }
}
