package io.gatehouse.gateway.filter;

import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import java.util.Objects;

/**
 * Makes the upstream request's headers: the client's without hop-by-hop headers, headers named in
 * {@code Connection}, credentials and identity or forwarding headers a client could spoof; a
 * chunked body stays chunked (the gateway re-frames it).
 */
public final class HeaderHygieneFilter implements GatewayFilter {
  private final HeaderHygiene hygiene;

  /** Cleans with these rules. */
  public HeaderHygieneFilter(HeaderHygiene hygiene) {
    this.hygiene = Objects.requireNonNull(hygiene, "hygiene");
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    HttpHeaders upstream = hygiene.upstreamRequest(ctx.exchange().head().headers());
    if (HttpUtil.isTransferEncodingChunked(ctx.exchange().head())) {
      upstream.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    ctx.upstreamHeaders(upstream);
    chain.proceed(ctx);
  }
}
