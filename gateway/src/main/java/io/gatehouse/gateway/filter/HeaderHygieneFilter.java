package io.gatehouse.gateway.filter;

import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpUtil;
import java.util.Objects;

/**
 * Removes hop-by-hop headers, headers named in {@code Connection} and identity headers a client
 * could spoof from the upstream request; a chunked body stays chunked (the gateway re-frames it).
 */
public final class HeaderHygieneFilter implements GatewayFilter {
  private final HeaderHygiene hygiene;

  /** Cleans with these rules. */
  public HeaderHygieneFilter(HeaderHygiene hygiene) {
    this.hygiene = Objects.requireNonNull(hygiene, "hygiene");
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    boolean chunked = HttpUtil.isTransferEncodingChunked(ctx.exchange().head());
    hygiene.cleanRequest(ctx.upstreamHeaders());
    if (chunked) {
      ctx.upstreamHeaders().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    chain.proceed(ctx);
  }
}
