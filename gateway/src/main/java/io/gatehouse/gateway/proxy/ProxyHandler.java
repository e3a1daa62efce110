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
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The gateway's data plane: normalise the path, match a route, clean and forward the request to
 * one of the route's upstreams over a pooled connection of this event loop, stream both ways.
 */
public final class ProxyHandler implements StreamingHandler {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

  private final RouteTable routes;
  private final UpstreamPool pool = new UpstreamPool();
  private final HeaderHygiene hygiene;
  private final Map<String, AtomicInteger> nextUpstream = new ConcurrentHashMap<>();
  private final UpstreamHealth health;

  /** A proxy over a route table, stripping the given identity-header prefixes. */
  public ProxyHandler(RouteTable routes, HeaderHygiene hygiene) {
    this(routes, hygiene, System::nanoTime);
  }

  /** With an injected time source, for tests of health backoff. */
  ProxyHandler(RouteTable routes, HeaderHygiene hygiene, LongSupplier nanoTime) {
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
    this.health = new UpstreamHealth(nanoTime);
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
   * Connects to the next healthy upstream; a refused connection counts against its health and is
   * retried on the next one for idempotent methods (nothing was sent yet), up to the route's
   * retries. Every upstream ejected: 503 with Retry-After.
   */
  private void connect(ServerExchange exchange, RouteMatch match, String host, int attempt) {
    RouteSpec route = match.route();
    Upstream upstream = choose(route);
    if (upstream == null) {
      long seconds = Math.max(1, (health.nanosUntilAvailable(route.upstreams()) + 999_999_999L) / 1_000_000_000L);
      exchange.fail(HttpException.builder(503).detail("every upstream of this route is failing")
          .header("Retry-After", Long.toString(seconds)).build());
      return;
    }
    HttpRequest head = upstreamHead(exchange, match, upstream, host);
    pool.acquire(upstream, exchange.eventLoop(), route.timeouts().connect()).addListener(connected -> {
      if (connected.isSuccess()) {
        health.succeeded(upstream);
        new ProxyExchange(exchange, match, upstream, pool, hygiene)
            .start(((ChannelFuture) connected).channel(), head);
      } else {
        health.failed(upstream);
        if (attempt < route.retries() && IDEMPOTENT.contains(exchange.head().method().name())) {
          connect(exchange, match, host, attempt + 1);
        } else {
          exchange.fail(HttpException.builder(502).detail("the upstream is unreachable").build());
        }
      }
    });
  }

  /** The next healthy upstream in round-robin order, or null when every one is ejected. */
  private Upstream choose(RouteSpec route) {
    List<Upstream> upstreams = route.upstreams();
    int start = nextUpstream.computeIfAbsent(route.id(), id -> new AtomicInteger()).getAndIncrement();
    for (int i = 0; i < upstreams.size(); i++) {
      Upstream candidate = upstreams.get(Math.floorMod(start + i, upstreams.size()));
      if (health.available(candidate)) {
        return candidate;
      }
    }
    return null;
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
