package io.gatehouse.gateway.filter;

/** One step of the gateway pipeline: continue the chain or answer the client. */
@FunctionalInterface
public interface GatewayFilter {
  /**
   * Does this filter's one job, then either calls {@code chain.proceed(ctx)} (now or later, on
   * {@code ctx.exchange().eventLoop()}) or answers through {@code ctx.exchange()}. An
   * {@link io.gatehouse.http.HttpException} thrown here becomes the problem response.
   */
  void filter(GatewayContext ctx, FilterChain chain);
}
