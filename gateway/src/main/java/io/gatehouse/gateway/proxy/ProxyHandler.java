package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.filter.BodyLimitFilter;
import io.gatehouse.gateway.filter.CorsFilter;
import io.gatehouse.gateway.filter.ForwardedHeadersFilter;
import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.filter.HeaderHygieneFilter;
import io.gatehouse.gateway.filter.Pipeline;
import io.gatehouse.gateway.filter.RequestHeaderRulesFilter;
import io.gatehouse.gateway.filter.RouteFilter;
import io.gatehouse.gateway.filter.TrustedProxies;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.route.Upstream;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.stream.ServerExchange;
import io.gatehouse.http.stream.StreamingHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The gateway's data plane: runs every request through the filter pipeline — route, CORS, header
 * hygiene, the security filters, request header rules, forwarded headers — and forwards it to
 * one of the route's upstreams over a pooled connection of this event loop, streaming both ways.
 */
public final class ProxyHandler implements StreamingHandler, AutoCloseable {
  private final Pipeline pipeline;
  private final HealthChecker healthChecker;
  private final RouteTable routes;
  private final UpstreamHealth health;

  /** A proxy over a route table, stripping the given identity-header prefixes; no security filters. */
  public ProxyHandler(RouteTable routes, HeaderHygiene hygiene) {
    this(builder().routes(routes).hygiene(hygiene));
  }

  /** With an injected time source, for tests of health backoff. */
  ProxyHandler(RouteTable routes, HeaderHygiene hygiene, LongSupplier nanoTime) {
    this(builder().routes(routes).hygiene(hygiene).nanoTime(nanoTime));
  }

  private ProxyHandler(Builder builder) {
    RouteTable routes = Objects.requireNonNull(builder.routes, "routes");
    Objects.requireNonNull(builder.hygiene, "hygiene");
    if (builder.securityFilters.isEmpty()) {
      // Fail closed: without security filters a route that needs a credential is refused here
      // rather than forwarded unprotected.
      for (RouteSpec route : routes.routes()) {
        if (route.auth() != AuthMode.NONE) {
          throw new IllegalArgumentException("route " + route.id() + " requires authentication (" + route.auth()
              + "), but no security filters were given");
        }
      }
    }
    RouteMetrics metrics = new RouteMetrics(builder.registry, routes);
    this.routes = routes;
    this.health = new UpstreamHealth(builder.nanoTime);
    this.pipeline = Pipeline.of(filters(builder, metrics, health));
    this.healthChecker = new HealthChecker(routes, health, metrics);
    if (healthChecker.needed()) {
      if (builder.healthCheckLoops == null) {
        throw new IllegalArgumentException("routes with a health-check need event loops to probe on: "
            + "ProxyHandler.builder().healthCheckLoops(..)");
      }
      healthChecker.start(builder.healthCheckLoops);
    }
  }

  /** Route → metrics → body limit → CORS → hygiene → [security] → header rules → forwarded headers → forward. */
  private static List<GatewayFilter> filters(Builder builder, RouteMetrics metrics, UpstreamHealth health) {
    List<GatewayFilter> filters = new ArrayList<>();
    filters.add(new RouteFilter(builder.routes));
    filters.add(new RouteMetricsFilter(metrics));
    filters.add(new BodyLimitFilter());
    filters.add(new CorsFilter(builder.routes));
    filters.add(new HeaderHygieneFilter(builder.hygiene));
    filters.addAll(builder.securityFilters);
    filters.add(new RequestHeaderRulesFilter());
    filters.add(new ForwardedHeadersFilter(builder.trustedProxies));
    RetryBudgets budgets = new RetryBudgets(builder.nanoTime);
    filters.add(new ForwardFilter(builder.routes, builder.hygiene, health, budgets, metrics));
    return filters;
  }

  /** A builder; {@link Builder#routes} and {@link Builder#hygiene} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The filters every request runs through, in order (the last forwards). */
  public List<GatewayFilter> filters() {
    return pipeline.filters();
  }

  @Override
  public void start(ServerExchange exchange) {
    pipeline.start(exchange);
  }

  /** Each route's upstream health, in table order. */
  public List<RouteHealth> routeHealth() {
    List<RouteHealth> all = new ArrayList<>();
    for (RouteSpec route : routes.routes()) {
      int healthy = 0;
      for (Upstream upstream : route.upstreams()) {
        if (health.available(upstream)) {
          healthy++;
        }
      }
      all.add(new RouteHealth(route.id(), healthy, route.upstreams().size()));
    }
    return all;
  }

  /**
   * Registers the component {@code gateway-routes} for {@code /readyz}: ready when every route has
   * an upstream that may be tried; the detail gives each route's count of healthy upstreams.
   */
  public void registerReadiness(Readiness readiness) {
    readiness.register("gateway-routes", () -> routeHealth().stream().allMatch(RouteHealth::ready), () -> {
      Map<String, Object> detail = new LinkedHashMap<>();
      for (RouteHealth route : routeHealth()) {
        detail.put(route.route(), Map.of("ready", route.ready(), "healthy_upstreams", route.healthyUpstreams(),
            "upstreams", route.upstreams()));
      }
      return detail;
    });
  }

  /** Stops the active health checks. */
  @Override
  public void close() {
    healthChecker.close();
  }

  /** Builds a {@link ProxyHandler}. */
  public static final class Builder {
    private RouteTable routes;
    private HeaderHygiene hygiene;
    private List<GatewayFilter> securityFilters = List.of();
    private LongSupplier nanoTime = System::nanoTime;
    private TrustedProxies trustedProxies = TrustedProxies.none();
    private MeterRegistry registry = new CompositeMeterRegistry();
    private EventLoopGroup healthCheckLoops;

    private Builder() {}

    /** Required: the route table. */
    public Builder routes(RouteTable routes) {
      this.routes = Objects.requireNonNull(routes, "routes");
      return this;
    }

    /** Required: what is stripped from requests and responses. */
    public Builder hygiene(HeaderHygiene hygiene) {
      this.hygiene = Objects.requireNonNull(hygiene, "hygiene");
      return this;
    }

    /**
     * Authentication, authorization and rate limiting, in this order: they run after header
     * hygiene (so they see no spoofed identity header) and before the route's request header
     * rules and the forwarded headers. With none, routes other than {@code auth: none} are refused.
     */
    public Builder securityFilters(List<GatewayFilter> securityFilters) {
      this.securityFilters = List.copyOf(securityFilters);
      return this;
    }

    /** Peers whose {@code X-Forwarded-*} headers are kept (extended); default none. */
    public Builder trustedProxies(TrustedProxies trustedProxies) {
      this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
      return this;
    }

    /** Where the per-route meters go; default none (a registry without backends). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** The loops active health probes run on; required when a route has a health check. */
    public Builder healthCheckLoops(EventLoopGroup loops) {
      this.healthCheckLoops = Objects.requireNonNull(loops, "loops");
      return this;
    }

    /** The time source of health backoff and retry budgets; default {@link System#nanoTime()}. */
    public Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /** Validates and builds. */
    public ProxyHandler build() {
      return new ProxyHandler(this);
    }
  }
}
