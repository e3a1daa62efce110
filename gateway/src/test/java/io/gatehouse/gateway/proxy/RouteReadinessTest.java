package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.handler.Json;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import io.gatehouse.http.management.ManagementRoutes;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /readyz} on the management listener reports each route's upstream health. */
class RouteReadinessTest {
  private final AtomicLong now = new AtomicLong();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EventLoops loops = EventLoops.create(1);
  private final Readiness readiness = new Readiness();
  private HttpServer upstream;
  private HttpServer gateway;
  private HttpServer management;

  @BeforeEach
  void start() throws Exception {
    upstream = HttpServer.builder().name("upstream").eventLoops(loops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/{path}").handler(request -> Response.text(200, "ok")).build()).build())
        .build().start();
    int closedPort = io.gatehouse.gateway.testing.FaultUpstream.refusedPort();
    ProxyHandler proxy = ProxyHandler.builder().routes(RouteTable.of(List.of(
            RouteSpec.builder().id("up").pathPrefix("/up").stripPrefix(true).auth(AuthMode.NONE)
                .upstream("http://127.0.0.1:" + upstream.port()).build(),
            RouteSpec.builder().id("down").pathPrefix("/down").auth(AuthMode.NONE).retries(0)
                .upstream("http://127.0.0.1:" + closedPort).build())))
        .hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES)).nanoTime(now::get).build();
    proxy.registerReadiness(readiness);
    gateway = HttpServer.builder().name("gateway").eventLoops(loops).port(0).streaming(proxy).build().start();
    management = HttpServer.builder().name("management").eventLoops(loops).port(0)
        .router(ManagementRoutes.router(readiness, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))).build().start();
  }

  @AfterEach
  void stop() {
    management.drain();
    gateway.drain();
    upstream.drain();
    loops.close();
  }

  @Test
  void isNotReadyWhileARouteHasNoUpstreamToTryAndSaysWhich() throws Exception {
    HttpResponse<String> before = readyz();
    for (int i = 0; i < UpstreamHealth.FAILURES_TO_EJECT; i++) {
      assertThat(get("/down/x")).isEqualTo(502);
    }
    HttpResponse<String> ejected = readyz();
    now.addAndGet(1_000_000_000L);
    HttpResponse<String> backoffOver = readyz();

    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(ejected.statusCode()).isEqualTo(503);
    JsonNode routes = Json.mapper().readTree(ejected.body()).path("details").path("gateway-routes");
    assertThat(routes.path("down").path("ready").asBoolean()).isFalse();
    assertThat(routes.path("down").path("healthy_upstreams").asInt()).isZero();
    assertThat(routes.path("up").path("ready").asBoolean()).isTrue();
    assertThat(routes.path("up").path("upstreams").asInt()).isEqualTo(1);
    assertThat(backoffOver.statusCode()).as("the upstream may be tried again").isEqualTo(200);
  }

  private int get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private HttpResponse<String> readyz() throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(management.baseUrl() + "/readyz")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
