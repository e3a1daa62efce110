package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.filter.FilterChain;
import io.gatehouse.gateway.filter.GatewayContext;
import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.route.Upstream;
import io.gatehouse.http.HttpException;
import io.gatehouse.http.stream.ServerExchange;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The last filter: picks a healthy upstream (round robin or least in flight), takes a pooled
 * connection of this event loop and hands the exchange to a {@link ProxyExchange}. A refused
 * connect counts against the upstream's health and is retried on the next one for idempotent
 * methods (nothing was sent yet), up to the route's retries and within its retry budget; every
 * upstream out of rotation is 503 with {@code Retry-After}.
 */
final class ForwardFilter implements GatewayFilter {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

  private final UpstreamPool pool = new UpstreamPool();
  private final HeaderHygiene hygiene;
  private final UpstreamHealth health;
  private final Balancer balancer;
  private final RetryBudgets budgets;
  private final RouteMetrics metrics;

  /** {@code host:port} of each upstream, made once: the Host header and the access log's upstream. */
  private final Map<Upstream, String> authorities = new IdentityHashMap<>();

  ForwardFilter(RouteTable routes, HeaderHygiene hygiene, UpstreamHealth health, RetryBudgets budgets,
      RouteMetrics metrics) {
    for (RouteSpec route : routes.routes()) {
      for (Upstream upstream : route.upstreams()) {
        authorities.put(upstream, upstream.host() + ":" + upstream.port());
      }
    }
    this.hygiene = hygiene;
    this.health = health;
    this.balancer = new Balancer(health);
    this.budgets = budgets;
    this.metrics = metrics;
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    budgets.requested(ctx.route());
    connect(ctx, 0);
  }

  private void connect(GatewayContext ctx, int attempt) {
    ServerExchange exchange = ctx.exchange();
    RouteSpec route = ctx.route();
    int index = balancer.acquire(route);
    if (index < 0) {
      long seconds = Math.max(1, (health.nanosUntilAvailable(route.upstreams()) + 999_999_999L) / 1_000_000_000L);
      exchange.fail(HttpException.builder(503).detail("every upstream of this route is failing")
          .header("Retry-After", Long.toString(seconds)).build());
      return;
    }
    Upstream upstream = route.upstreams().get(index);
    String authority = authorities.get(upstream);
    ctx.upstream(upstream);
    exchange.upstream(authority);
    HttpRequest head = upstreamHead(ctx, upstream, authority);
    RouteMetrics.Meters meters = metrics.of(route);
    Channel pooled = pool.idle(upstream);
    if (pooled != null) {
      exchange(ctx, upstream, index, meters, pooled, head);
      return;
    }
    pool.connect(upstream, exchange.eventLoop(), route.timeouts().connect()).addListener(connected -> {
      if (connected.isSuccess()) {
        exchange(ctx, upstream, index, meters, ((ChannelFuture) connected).channel(), head);
      } else {
        meters.upstreamError(connected.cause() instanceof ConnectTimeoutException
            ? RouteMetrics.UpstreamError.TIMEOUT : RouteMetrics.UpstreamError.CONNECT);
        if (health.failed(upstream)) {
          meters.ejections.increment();
        }
        balancer.release(route, index);
        if (attempt < route.retries() && IDEMPOTENT.contains(ctx.method()) && withinBudget(route)) {
          meters.retries.increment();
          connect(ctx, attempt + 1);
        } else {
          exchange.fail(HttpException.builder(502).detail("the upstream is unreachable").build());
        }
      }
    });
  }

  /** Hands the request to a connection of the route's {@code index}-th upstream. */
  private void exchange(GatewayContext ctx, Upstream upstream, int index, RouteMetrics.Meters meters, Channel channel,
      HttpRequest head) {
    health.succeeded(upstream);
    RouteSpec route = ctx.route();
    new ProxyExchange(ctx, upstream, pool, hygiene, meters, () -> balancer.release(route, index)).start(channel, head);
  }

  private boolean withinBudget(RouteSpec route) {
    if (budgets.tryRetry(route)) {
      return true;
    }
    metrics.of(route).retryBudgetExhausted.increment();
    return false;
  }

  private static HttpRequest upstreamHead(GatewayContext ctx, Upstream upstream, String authority) {
    String query = ctx.exchange().rawQuery();
    String target = upstream.pathFor(ctx.match().forwardPath()) + (query.isEmpty() ? "" : "?" + query);
    ctx.upstreamHeaders().set(HttpHeaderNames.HOST, authority);
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, ctx.exchange().head().method(), target, ctx.upstreamHeaders());
  }
}
