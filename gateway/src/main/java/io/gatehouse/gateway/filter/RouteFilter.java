package io.gatehouse.gateway.filter;

import io.gatehouse.gateway.path.PathNormalizer;
import io.gatehouse.gateway.route.RouteLookup;
import io.gatehouse.gateway.route.RouteMatch;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.stream.ServerExchange;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Objects;

/**
 * Normalises the path (attacks are 400 before routing), matches a route (404, 405 with
 * {@code Allow}; a CORS preflight by its {@code Access-Control-Request-Method}) and names the
 * exchange after the route.
 */
public final class RouteFilter implements GatewayFilter {
  private final RouteTable routes;

  /** Routes over this table. */
  public RouteFilter(RouteTable routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    ServerExchange exchange = ctx.exchange();
    String path = PathNormalizer.normalize(exchange.path());
    ctx.path(path);
    String method = ctx.method();
    if (HttpMethod.OPTIONS.name().equals(method) && exchange.head().headers().contains(HttpHeaderNames.ORIGIN)) {
      // A CORS preflight asks about the method it names: route by that one.
      String requested = exchange.head().headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
      if (requested != null) {
        ctx.corsPreflight(true);
        method = requested;
      }
    }
    RouteLookup lookup = routes.match(ctx.host(), method, path);
    if (lookup instanceof RouteLookup.NotFound notFound) {
      throw notFound.toException();
    }
    if (lookup instanceof RouteLookup.MethodNotAllowed notAllowed) {
      throw notAllowed.toException();
    }
    RouteMatch match = (RouteMatch) lookup;
    ctx.match(match);
    exchange.name(match.route().id());
    chain.proceed(ctx);
  }
}
