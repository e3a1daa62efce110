package io.gatehouse.gateway.filter;

/**
 * The rest of the pipeline after a filter. May be called later (asynchronously), but only on
 * ctx.exchange().eventLoop().
 */
@FunctionalInterface
public interface FilterChain {
  /** Runs the next filter. */
  void proceed(GatewayContext ctx);
}
