package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.HealthCheck;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Active health checks take failing upstreams out of rotation and bring them back. */
class ActiveHealthCheckTest {
  private static final HealthCheck FAST = new HealthCheck("/healthz", Duration.ofMillis(100), Duration.ofMillis(100), 1, 2);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EventLoops gatewayLoops = EventLoops.create(1);
  private final EventLoops upstreamLoops = EventLoops.create(1);
  private final AtomicInteger aHealth = new AtomicInteger(200);
  private final Semaphore aProbes = new Semaphore(0);
  private final List<HttpServer> servers = new ArrayList<>();
  private ProxyHandler proxy;
  private HttpServer gateway;

  @AfterEach
  void stop() {
    proxy.close();
    gateway.drain();
    servers.forEach(HttpServer::drain);
    gatewayLoops.close();
    upstreamLoops.close();
  }

  @Test
  void takesAnUpstreamFailingItsProbesOutAndBringsItBackWhenTheyPass() throws Exception {
    HttpServer a = upstream("a", aHealth, aProbes);
    HttpServer b = upstream("b", new AtomicInteger(200), new Semaphore(0));
    start(RouteSpec.builder().id("svc").pathPrefix("/svc").stripPrefix(true).auth(AuthMode.NONE).healthCheck(FAST)
        .upstream("http://127.0.0.1:" + a.port()).upstream("http://127.0.0.1:" + b.port()).build());

    List<String> healthy = answers(4);
    aHealth.set(503);
    awaitProbes(3); // two failures are applied once the third probe goes out
    List<String> whileFailing = answers(4);
    aHealth.set(200);
    awaitProbes(2);
    List<String> recovered = answers(4);

    assertThat(healthy).contains("a", "b");
    assertThat(whileFailing).containsOnly("b");
    assertThat(recovered).contains("a", "b");
    assertThat(registry.get("gatehouse.gateway.ejections").tag("route", "svc").counter().count()).isEqualTo(1);
  }

  @Test
  void aRouteWhoseOnlyUpstreamFailsItsProbesIs503WithoutTryingIt() throws Exception {
    int closedPort = io.gatehouse.gateway.testing.FaultUpstream.refusedPort();
    start(RouteSpec.builder().id("down").pathPrefix("/svc").auth(AuthMode.NONE).retries(0).healthCheck(FAST)
        .upstream("http://127.0.0.1:" + closedPort).build());

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    HttpResponse<String> response = get();
    while (response.statusCode() != 503 && System.nanoTime() < deadline) {
      Thread.sleep(20); // waiting for the real probes to fail
      response = get();
    }

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpServer upstream(String name, AtomicInteger health, Semaphore probes) {
    HttpServer server = HttpServer.builder().name(name).eventLoops(upstreamLoops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/healthz").handler(request -> {
          probes.release();
          return Response.text(health.get(), name);
        }).build())
        .route(Route.builder("GET", "/{path}").handler(request -> Response.text(200, name)).build())
        .build()).build().start();
    servers.add(server);
    return server;
  }

  private void start(RouteSpec route) {
    proxy = ProxyHandler.builder().routes(RouteTable.of(List.of(route)))
        .hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES)).meterRegistry(registry)
        .healthCheckLoops(gatewayLoops.group()).build();
    gateway = HttpServer.builder().name("gateway").eventLoops(gatewayLoops).port(0).streaming(proxy).build().start();
  }

  private void awaitProbes(int count) throws InterruptedException {
    aProbes.drainPermits();
    assertThat(aProbes.tryAcquire(count, 5, TimeUnit.SECONDS)).as("probes arrived").isTrue();
  }

  private List<String> answers(int count) throws Exception {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(get().body());
    }
    return answers;
  }

  private HttpResponse<String> get() throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/svc/x")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
