package io.gatehouse.gateway.testing;

import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.gatehouse.gateway.proxy.ProxyHandler;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.gatehouse.http.server.ServerLimits;
import java.time.Duration;
import java.util.List;

/**
 * The gateway as {@code serve} runs it, on 127.0.0.1 and an ephemeral port: the proxy handler
 * over a route table, on the HTTP core, with one event loop of its own (so every request shares
 * one upstream pool and connection counts are predictable). The one place tests build it.
 */
public final class GatewayUnderTest implements AutoCloseable {
  private final EventLoops loops;
  private final HttpServer server;

  private GatewayUnderTest(RouteTable routes) {
    this.loops = EventLoops.create(1);
    try {
      ProxyHandler proxy = new ProxyHandler(routes, new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES));
      this.server = HttpServer.builder().name("gateway").eventLoops(loops).port(0)
          .limits(ServerLimits.defaults().withDrainTimeout(Duration.ofSeconds(1)))
          .streaming(proxy).build().start();
    } catch (RuntimeException e) {
      loops.close();
      throw e;
    }
  }

  /** Starts a gateway with these routes. */
  public static GatewayUnderTest start(RouteSpec... routes) {
    return start(RouteTable.of(List.of(routes)));
  }

  /** Starts a gateway with this route table. */
  public static GatewayUnderTest start(RouteTable routes) {
    return new GatewayUnderTest(routes);
  }

  /** A route builder with an id and {@code auth: none}, the only mode the proxy serves so far. */
  public static RouteSpec.Builder route(String id) {
    return RouteSpec.builder().id(id).auth(AuthMode.NONE);
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** A new raw connection to the gateway. */
  public RawClient connect() {
    return RawClient.open(port());
  }

  @Override
  public void close() {
    try {
      server.drain();
    } finally {
      loops.close();
    }
  }
}
