package io.gatehouse.gateway.filter;

/** Applies the route's {@code max-body-bytes}: a declared length over it is 413 at once, a longer stream later. */
public final class BodyLimitFilter implements GatewayFilter {
  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    ctx.exchange().limitBody(ctx.route().maxBodyBytes());
    if (ctx.exchange().responseStarted()) {
      return; // the declared body is over the limit: already answered 413
    }
    chain.proceed(ctx);
  }
}
