package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.LoadBalancing;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Least in flight: while one upstream holds a slow request, the others take the new ones. */
class LeastInFlightTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EventLoops gatewayLoops = EventLoops.create(1);
  private final EventLoops upstreamLoops = EventLoops.create(1);
  private final CountDownLatch slowArrived = new CountDownLatch(1);
  private final CountDownLatch releaseSlow = new CountDownLatch(1);
  private final List<HttpServer> upstreams = new ArrayList<>();
  private HttpServer gateway;
  private volatile String busyUpstream;

  @AfterEach
  void stop() {
    releaseSlow.countDown();
    gateway.drain();
    upstreams.forEach(HttpServer::drain);
    gatewayLoops.close();
    upstreamLoops.close();
  }

  @Test
  void sendsNewRequestsAwayFromTheUpstreamThatIsStillBusy() throws Exception {
    start(LoadBalancing.LEAST_IN_FLIGHT);

    List<String> fast = whileOneIsSlow();

    assertThat(fast).hasSize(6);
    assertThat(fast).as("every fast request avoided the busy upstream").doesNotContain(busyUpstream);
  }

  @Test
  void roundRobinKeepsRotatingRegardlessOfLoad() throws Exception {
    start(LoadBalancing.ROUND_ROBIN);

    List<String> fast = whileOneIsSlow();

    assertThat(fast).as("round robin ignores load: the busy one gets its turn").contains(busyUpstream);
  }

  /** One slow request, then six fast ones while it is held; returns which upstream answered each fast one. */
  private List<String> whileOneIsSlow() throws Exception {
    CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/svc/slow")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(slowArrived.await(5, TimeUnit.SECONDS)).isTrue();
    List<String> fast = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fast.add(client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/svc/fast")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
    }
    releaseSlow.countDown();
    assertThat(slow.get(5, TimeUnit.SECONDS).body()).isEqualTo(busyUpstream);
    return fast;
  }

  private void start(LoadBalancing balancing) {
    RouteSpec.Builder route = RouteSpec.builder().id("svc").pathPrefix("/svc").stripPrefix(true).auth(AuthMode.NONE)
        .loadBalancing(balancing);
    for (String name : List.of("a", "b", "c")) {
      HttpServer upstream = HttpServer.builder().name(name).eventLoops(upstreamLoops).port(0).router(Router.builder()
          .route(Route.builder("GET", "/{path}").blocking().handler(request -> answer(name, request)).build())
          .build()).build().start();
      upstreams.add(upstream);
      route.upstream("http://127.0.0.1:" + upstream.port());
    }
    gateway = HttpServer.builder().name("gateway").eventLoops(gatewayLoops).port(0)
        .streaming(new ProxyHandler(RouteTable.of(List.of(route.build())),
            new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES)))
        .build().start();
  }

  private Response answer(String name, Request request) throws InterruptedException {
    if (request.path().equals("/slow")) {
      busyUpstream = name;
      slowArrived.countDown();
      releaseSlow.await(10, TimeUnit.SECONDS);
    }
    return Response.text(200, name);
  }
}
