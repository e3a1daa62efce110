package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Passive health: a failing upstream is ejected with backoff; all ejected is 503 with Retry-After. */
class UpstreamHealthTest {
  private final AtomicLong now = new AtomicLong();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private EventLoops loops;
  private HttpServer gateway;

  @AfterEach
  void stop() {
    gateway.drain();
    loops.close();
  }

  @Test
  void ejectsAFailingUpstreamAndTriesItAgainAfterTheBackoff() throws Exception {
    int closedPort = io.gatehouse.gateway.testing.FaultUpstream.refusedPort();
    RouteTable routes = RouteTable.of(List.of(RouteSpec.builder().id("down").pathPrefix("/").auth(AuthMode.NONE)
        .retries(0).upstream("http://127.0.0.1:" + closedPort).build()));
    loops = EventLoops.create(1);
    gateway = HttpServer.builder().name("gateway").eventLoops(loops).port(0)
        .streaming(new ProxyHandler(routes, new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES), now::get))
        .build().start();

    List<Integer> firstThree = List.of(status(), status(), status());
    HttpResponse<String> ejected = get();
    now.addAndGet(1_000_000_000L);
    int afterBackoff = status();
    HttpResponse<String> ejectedLonger = get();

    assertThat(firstThree).containsExactly(502, 502, 502);
    assertThat(ejected.statusCode()).isEqualTo(503);
    assertThat(ejected.headers().firstValue("Retry-After")).contains("1");
    assertThat(afterBackoff).as("tried again after the backoff").isEqualTo(502);
    assertThat(ejectedLonger.statusCode()).isEqualTo(503);
    assertThat(ejectedLonger.headers().firstValue("Retry-After")).as("the backoff doubled").contains("2");
  }

  private int status() throws Exception {
    return get().statusCode();
  }

  private HttpResponse<String> get() throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/x")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
