package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy between a real client and a real upstream recorder, both on the HTTP core. */
class ProxyHandlerTest {
  private final AtomicReference<Request> seen = new AtomicReference<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private EventLoops loops;
  private HttpServer upstream;
  private HttpServer gateway;

  @BeforeEach
  void start() throws IOException {
    loops = EventLoops.create(1);
    upstream = HttpServer.builder().name("upstream").eventLoops(loops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/{path}").handler(this::record).build())
        .route(Route.builder("POST", "/{path}").maxBodyBytes(4 * 1024 * 1024).handler(this::record).build())
        .build()).build().start();
    int closedPort = io.gatehouse.gateway.testing.FaultUpstream.refusedPort();
    RouteTable routes = RouteTable.of(List.of(
        RouteSpec.builder().id("orders").pathPrefix("/orders").stripPrefix(true).auth(AuthMode.NONE)
            .requestHeaders(new HeaderRules(Map.of("X-Via", "gatehouse"), Map.of("X-Tenant", "acme"), Set.of("Cookie")))
            .responseHeaders(new HeaderRules(Map.of(), Map.of("X-Frame-Options", "DENY"), Set.of("Server")))
            .upstream("http://127.0.0.1:" + upstream.port()).maxBodyBytes(4 * 1024 * 1024).build(),
        RouteSpec.builder().id("down").pathPrefix("/down").auth(AuthMode.NONE).upstream("http://127.0.0.1:" + closedPort).build(),
        RouteSpec.builder().id("flaky").pathPrefix("/flaky").stripPrefix(true).auth(AuthMode.NONE).retries(1)
            .upstream("http://127.0.0.1:" + closedPort).upstream("http://127.0.0.1:" + upstream.port()).build()));
    gateway = HttpServer.builder().name("gateway").eventLoops(loops).port(0)
        .streaming(new ProxyHandler(routes, new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES)))
        .build().start();
  }

  @AfterEach
  void stop() {
    gateway.drain();
    upstream.drain();
    loops.close();
  }

  @Test
  void forwardsTheStrippedPathQueryAndCleanHeaders() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/orders/42?x=1"))
        .header("X-User-Id", "admin").header("X-Gatehouse-Role", "root").header("X-Forwarded-For", "1.2.3.4")
        .header("X-Request-Id", "trace-1").header("traceparent", "00-abc-def-01").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("/42?x=1");
    Request upstreamSaw = seen.get();
    assertThat(upstreamSaw.header("X-User-Id")).isEmpty();
    assertThat(upstreamSaw.header("X-Gatehouse-Role")).isEmpty();
    assertThat(upstreamSaw.header("X-Forwarded-For")).contains("127.0.0.1");
    assertThat(upstreamSaw.header("X-Request-Id")).contains("trace-1");
    assertThat(upstreamSaw.header("traceparent")).contains("00-abc-def-01");
    assertThat(response.headers().firstValue("X-Request-Id")).contains("trace-1");
  }

  @Test
  void neverForwardsTheClientsCredentialsEvenWithoutSecurityFilters() throws Exception {
    client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/orders/7"))
        .header("Authorization", "Bearer client-token").header("X-API-Key", "gh_client_key").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(seen.get().header("Authorization")).isEmpty();
    assertThat(seen.get().header("X-API-Key")).isEmpty();
  }

  @Test
  void appliesTheRoutesHeaderRulesBothWays() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/orders/1"))
        .header("Cookie", "session=secret").header("X-Tenant", "evil").build(), HttpResponse.BodyHandlers.ofString());

    Request upstreamSaw = seen.get();
    assertThat(upstreamSaw.header("Cookie")).isEmpty();
    assertThat(upstreamSaw.headers().getAll("X-Tenant")).containsExactly("acme");
    assertThat(upstreamSaw.header("X-Via")).contains("gatehouse");
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void streamsALargeBodyBothWaysOverPooledConnections() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024];
    new Random(3).nextBytes(body);
    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/orders/upload"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(body);
    }
  }

  @Test
  void noRouteIs404AndAnUnreachableUpstreamIs502() throws Exception {
    HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/nothing")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> down = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/down/x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(down.statusCode()).isEqualTo(502);
    assertThat(down.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void retriesAnIdempotentRequestOnTheNextUpstreamWhenOneRefuses() throws Exception {
    // Round robin starts at the closed upstream: the POST meets it and is not retried.
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/flaky/x"))
        .POST(HttpRequest.BodyPublishers.ofString("once")).build(), HttpResponse.BodyHandlers.ofString());
    // Next come the live upstream, then the closed one again: that GET is retried on the live one.
    HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/flaky/x")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> retried = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/flaky/x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).as("a POST is never retried").isEqualTo(502);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retried.statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAnAttackPathBeforeRouting() throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/orders/%2e%2e/%2e%2e/admin")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(seen.get()).isNull();
  }

  @Test
  void refusesToServeARouteItCannotProtect() {
    RouteTable protectedRoute = RouteTable.of(List.of(RouteSpec.builder().id("orders").pathPrefix("/orders")
        .upstream("http://127.0.0.1:9").build()));

    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            new ProxyHandler(protectedRoute, new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requires authentication");
  }

  private Response record(Request request) {
    seen.set(request);
    if ("POST".equals(request.method())) {
      return Response.of(200, "application/octet-stream", request.body());
    }
    String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
    return Response.text(200, request.path() + query);
  }
}
