package io.gatehouse.gateway.filter;

import io.gatehouse.http.observe.RequestIds;
import io.gatehouse.http.stream.ServerExchange;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.List;
import java.util.Objects;

/**
 * Sets {@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and
 * {@code X-Request-Id}, over whatever the client or the header rules set. From a trusted proxy
 * the peer is appended to the incoming {@code X-Forwarded-For} and its {@code X-Forwarded-Proto}
 * and {@code X-Forwarded-Host} are kept; from any other peer all three are replaced (the peer,
 * {@code http}, the client's {@code Host}), so a client cannot spoof them. {@code Host} becomes
 * the upstream's when one is chosen.
 */
public final class ForwardedHeadersFilter implements GatewayFilter {
  // AsciiString names: their hash is computed once, and they are copied to the wire as bytes.
  private static final AsciiString FOR = AsciiString.cached("X-Forwarded-For");
  private static final AsciiString PROTO = AsciiString.cached("X-Forwarded-Proto");
  private static final AsciiString HOST = AsciiString.cached("X-Forwarded-Host");
  private static final AsciiString REQUEST_ID = AsciiString.cached(RequestIds.HEADER);
  private static final AsciiString HTTP = AsciiString.cached("http");

  private final TrustedProxies trusted;

  /** Trusts no peer. */
  public ForwardedHeadersFilter() {
    this(TrustedProxies.none());
  }

  /** Keeps the forwarded headers of these peers. */
  public ForwardedHeadersFilter(TrustedProxies trusted) {
    this.trusted = Objects.requireNonNull(trusted, "trusted");
  }

  @Override
  public void filter(GatewayContext ctx, FilterChain chain) {
    ServerExchange exchange = ctx.exchange();
    HttpHeaders headers = ctx.upstreamHeaders();
    String peer = exchange.remoteIp();
    if (trusted.trusts(exchange.remoteAddress().getAddress())) {
      HttpHeaders incoming = exchange.head().headers();
      List<String> forwardedFor = incoming.getAll(FOR);
      headers.set(FOR, forwardedFor.isEmpty() ? peer : String.join(", ", forwardedFor) + ", " + peer);
      headers.set(PROTO, incoming.get(PROTO, "http"));
      headers.set(HOST, incoming.get(HOST, ctx.host()));
    } else {
      headers.set(FOR, peer);
      headers.set(PROTO, HTTP);
      headers.set(HOST, ctx.host());
    }
    headers.set(REQUEST_ID, exchange.requestId());
    chain.proceed(ctx);
  }
}
