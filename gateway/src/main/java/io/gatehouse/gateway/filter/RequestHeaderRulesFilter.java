package io.gatehouse.gateway.filter;

/** Applies the route's {@code request-headers} rules (remove, set, add) to the upstream request. */
public final class RequestHeaderRulesFilter implements GatewayFilter {
  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    ctx.route().requestHeaders().applyTo(ctx.upstreamHeaders());
    chain.proceed(ctx);
  }
}
