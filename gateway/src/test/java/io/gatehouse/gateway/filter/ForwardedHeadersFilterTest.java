package io.gatehouse.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.gatehouse.gateway.proxy.ProxyHandler;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.HeaderRules;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** X-Forwarded-* from trusted proxies are extended, from anyone else replaced. */
class ForwardedHeadersFilterTest {
  private final AtomicReference<Request> seen = new AtomicReference<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EventLoops loops = EventLoops.create(1);
  private HttpServer upstream;
  private HttpServer gateway;

  @AfterEach
  void stop() {
    gateway.drain();
    upstream.drain();
    loops.close();
  }

  @Test
  void replacesSpoofedForwardedHeadersFromAnUntrustedPeer() throws Exception {
    start(TrustedProxies.of(List.of("10.0.0.0/8", "::2")));

    HttpResponse<String> response = spoofed();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(seen.get().headers().getAll("X-Forwarded-For")).containsExactly("127.0.0.1");
    assertThat(seen.get().headers().getAll("X-Forwarded-Proto")).containsExactly("http");
    assertThat(seen.get().headers().getAll("X-Forwarded-Host")).containsExactly("127.0.0.1:" + gateway.port());
  }

  @Test
  void appendsThePeerAndKeepsProtoAndHostFromATrustedProxy() throws Exception {
    start(TrustedProxies.of(List.of("127.0.0.0/8")));

    spoofed();

    assertThat(seen.get().headers().getAll("X-Forwarded-For")).containsExactly("203.0.113.9, 10.0.0.1, 127.0.0.1");
    assertThat(seen.get().headers().getAll("X-Forwarded-Proto")).containsExactly("https");
    assertThat(seen.get().headers().getAll("X-Forwarded-Host")).containsExactly("shop.example.com");
  }

  @Test
  void aTrustedProxyWithoutForwardedHeadersGetsThemFilledIn() throws Exception {
    start(TrustedProxies.of(List.of("127.0.0.1")));

    client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/app/x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(seen.get().headers().getAll("X-Forwarded-For")).containsExactly("127.0.0.1");
    assertThat(seen.get().headers().getAll("X-Forwarded-Proto")).containsExactly("http");
    assertThat(seen.get().headers().getAll("X-Forwarded-Host")).containsExactly("127.0.0.1:" + gateway.port());
  }

  private HttpResponse<String> spoofed() throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/app/x"))
        .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-For", "10.0.0.1")
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "shop.example.com").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void start(TrustedProxies trusted) {
    upstream = HttpServer.builder().name("upstream").eventLoops(loops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/{path}").handler(this::record).build()).build()).build().start();
    // The route's header rules try to set X-Forwarded-Proto too: the forwarded headers come after them.
    RouteTable routes = RouteTable.of(List.of(RouteSpec.builder().id("app").pathPrefix("/app").stripPrefix(true)
        .auth(AuthMode.NONE).requestHeaders(new HeaderRules(Map.of(), Map.of("X-Forwarded-Proto", "gopher"), Set.of()))
        .upstream("http://127.0.0.1:" + upstream.port()).build()));
    gateway = HttpServer.builder().name("gateway").eventLoops(loops).port(0)
        .streaming(ProxyHandler.builder().routes(routes).hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES))
            .trustedProxies(trusted).build())
        .build().start();
  }

  private Response record(Request request) {
    seen.set(request);
    return Response.text(200, "ok");
  }
}
