package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.path.PathNormalizer;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RouteLookup;
import io.gatehouse.gateway.route.RouteMatch;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.route.Upstream;
import io.gatehouse.http.HttpException;
import io.gatehouse.http.stream.ServerExchange;
import io.gatehouse.http.stream.StreamingHandler;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's data plane: normalise the path, match a route, clean and forward the request to
 * one of the route's upstreams over a pooled connection of this event loop, stream both ways.
 */
public final class ProxyHandler implements StreamingHandler {
  private static final java.util.Set<String> IDEMPOTENT =
      java.util.Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

  private final RouteTable routes;
  private final UpstreamPool pool = new UpstreamPool();
  private final HeaderHygiene hygiene;
  private final Map<String, AtomicInteger> nextUpstream = new ConcurrentHashMap<>();

  /** A proxy over a route table, stripping the given identity-header prefixes. */
  public ProxyHandler(RouteTable routes, HeaderHygiene hygiene) {
    // Fail closed: until the authentication filters exist, a route that needs a credential is
    // refused here rather than forwarded unprotected.
    for (RouteSpec route : routes.routes()) {
      if (route.auth() != AuthMode.NONE) {
        throw new IllegalArgumentException("route " + route.id() + " requires authentication (" + route.auth()
            + "), which this proxy cannot enforce yet");
      }
    }
    this.routes = routes;
    this.hygiene = hygiene;
  }

  @Override
  public void start(ServerExchange exchange) {
    String path = PathNormalizer.normalize(exchange.path());
    String host = exchange.head().headers().get(HttpHeaderNames.HOST, "");
    RouteLookup lookup = routes.match(host, exchange.head().method().name(), path);
    if (lookup instanceof RouteLookup.NotFound notFound) {
      throw notFound.toException();
    }
    if (lookup instanceof RouteLookup.MethodNotAllowed notAllowed) {
      throw notAllowed.toException();
    }
    RouteMatch match = (RouteMatch) lookup;
    RouteSpec route = match.route();
    exchange.name(route.id());
    exchange.limitBody(route.maxBodyBytes());
    if (exchange.responseStarted()) {
      return;
    }
    connect(exchange, match, host, 0);
  }

  /**
   * Connects to the next upstream; a refused connection is retried on the next one for idempotent
   * methods (nothing was sent yet), up to the route's retries.
   */
  private void connect(ServerExchange exchange, RouteMatch match, String host, int attempt) {
    RouteSpec route = match.route();
    Upstream upstream = choose(route);
    HttpRequest head = upstreamHead(exchange, match, upstream, host);
    pool.acquire(upstream, exchange.eventLoop(), route.timeouts().connect()).addListener(connected -> {
      if (connected.isSuccess()) {
        new ProxyExchange(exchange, match, upstream, pool, hygiene)
            .start(((io.netty.channel.ChannelFuture) connected).channel(), head);
      } else if (attempt < route.retries() && IDEMPOTENT.contains(exchange.head().method().name())) {
        connect(exchange, match, host, attempt + 1);
      } else {
        exchange.fail(HttpException.builder(502).detail("the upstream is unreachable").build());
      }
    });
  }

  private Upstream choose(RouteSpec route) {
    int index = nextUpstream.computeIfAbsent(route.id(), id -> new AtomicInteger()).getAndIncrement();
    return route.upstreams().get(Math.floorMod(index, route.upstreams().size()));
  }

  private HttpRequest upstreamHead(ServerExchange exchange, RouteMatch match, Upstream upstream, String host) {
    String target = upstream.pathFor(match.forwardPath())
        + (exchange.rawQuery().isEmpty() ? "" : "?" + exchange.rawQuery());
    HttpRequest client = exchange.head();
    HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, client.method(), target);
    HttpHeaders headers = head.headers();
    headers.set(client.headers());
    boolean chunked = HttpUtil.isTransferEncodingChunked(client);
    hygiene.cleanRequest(headers);
    if (chunked) {
      headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    match.route().requestHeaders().applyTo(headers);
    String peer = exchange.remoteAddress().getAddress().getHostAddress();
    headers.set("X-Forwarded-For", peer);
    headers.set("X-Forwarded-Proto", "http");
    headers.set("X-Forwarded-Host", host);
    headers.set("X-Request-Id", exchange.requestId());
    headers.set(HttpHeaderNames.HOST, upstream.host() + ":" + upstream.port());
    return head;
  }
}
