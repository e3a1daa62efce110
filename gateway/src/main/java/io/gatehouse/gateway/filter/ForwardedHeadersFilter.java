package io.gatehouse.gateway.filter;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Sets {@code X-Forwarded-For} (the peer), {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}
 * (the client's {@code Host}), replacing whatever the client or the rules set, and
 * {@code X-Request-Id}. {@code Host} is the upstream's, set when one is chosen.
 */
public final class ForwardedHeadersFilter implements GatewayFilter {
  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    HttpHeaders headers = ctx.upstreamHeaders();
    headers.set("X-Forwarded-For", ctx.exchange().remoteAddress().getAddress().getHostAddress());
    headers.set("X-Forwarded-Proto", "http");
    headers.set("X-Forwarded-Host", ctx.host());
    headers.set("X-Request-Id", ctx.exchange().requestId());
    chain.proceed(ctx);
  }
}
