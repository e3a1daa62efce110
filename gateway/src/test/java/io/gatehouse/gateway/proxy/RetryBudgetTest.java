package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RetryBudget;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries are limited to a share of the route's recent requests. */
class RetryBudgetTest {
  private final AtomicLong now = new AtomicLong();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EventLoops loops = EventLoops.create(1);
  private HttpServer upstream;
  private HttpServer gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.drain();
      upstream.drain();
    }
    loops.close();
  }

  @Test
  void stopsRetryingWhenTheBudgetIsSpentAndRecoversWithTheWindow() throws Exception {
    start(new RetryBudget(0, 2, Duration.ofSeconds(10)));

    // Each request starts at the refusing upstream (its retry moved round robin on to the live one).
    List<Integer> first = statuses(3);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    List<Integer> later = statuses(2); // the live upstream, then the refusing one again, retried

    assertThat(first).as("two retries allowed, the third refused").containsExactly(200, 200, 502);
    assertThat(later).as("a new window, a new budget").containsExactly(200, 200);
    assertThat(registry.get("gatehouse.gateway.retries").tag("route", "flaky").counter().count()).isEqualTo(3);
    assertThat(registry.get("gatehouse.gateway.retry.budget.exhausted").tag("route", "flaky").counter().count())
        .isEqualTo(1);
  }

  @Test
  void theDefaultBudgetAllowsAFewRetriesEvenWithLittleTraffic() throws Exception {
    start(RetryBudget.defaults());

    assertThat(statuses(3)).containsExactly(200, 200, 200);
    assertThat(registry.get("gatehouse.gateway.retry.budget.exhausted").counter().count()).isZero();
  }

  @Test
  void allowsThePercentageOfRecentRequests() {
    RouteSpec route = RouteSpec.builder().id("r").pathPrefix("/").auth(AuthMode.NONE).upstream("http://127.0.0.1:1")
        .retryBudget(new RetryBudget(50, 0, Duration.ofSeconds(10))).build();
    RetryBudgets budgets = new RetryBudgets(now::get);
    List<Boolean> granted = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      budgets.requested(route);
    }
    for (int i = 0; i < 6; i++) {
      granted.add(budgets.tryRetry(route));
    }
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    boolean afterWindow = budgets.tryRetry(route);

    assertThat(granted).containsExactly(true, true, true, true, true, false);
    assertThat(afterWindow).as("the old requests no longer count").isFalse();
  }

  private List<Integer> statuses(int count) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statuses.add(client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/flaky/x")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
    }
    return statuses;
  }

  private void start(RetryBudget budget) throws Exception {
    upstream = HttpServer.builder().name("upstream").eventLoops(loops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/{path}").handler(request -> Response.text(200, "ok")).build()).build())
        .build().start();
    int closedPort = io.gatehouse.gateway.testing.FaultUpstream.refusedPort();
    RouteTable routes = RouteTable.of(List.of(RouteSpec.builder().id("flaky").pathPrefix("/flaky").stripPrefix(true)
        .auth(AuthMode.NONE).retries(1).retryBudget(budget)
        .upstream("http://127.0.0.1:" + closedPort).upstream("http://127.0.0.1:" + upstream.port()).build()));
    gateway = HttpServer.builder().name("gateway").eventLoops(loops).port(0)
        .streaming(ProxyHandler.builder().routes(routes).hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES))
            .meterRegistry(registry).nanoTime(now::get).build())
        .build().start();
  }
}
