package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.CorsPolicy;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.route.Timeouts;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-route Prometheus metrics, with the names and labels of the contract. */
class RouteMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EventLoops gatewayLoops = EventLoops.create(1);
  private final EventLoops upstreamLoops = EventLoops.create(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer upstream;
  private HttpServer gateway;
  private ServerSocket closing;
  private ServerSocket resetting;

  @BeforeEach
  void start() throws Exception {
    upstream = HttpServer.builder().name("upstream").eventLoops(upstreamLoops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/ok").handler(request -> Response.text(200, "ok")).build())
        .route(Route.builder("GET", "/slow").blocking().handler(request -> {
          release.await(10, TimeUnit.SECONDS);
          return Response.text(200, "late");
        }).build()).build()).build().start();
    int closedPort = io.gatehouse.gateway.testing.FaultUpstream.refusedPort();
    closing = misbehaving(false);
    resetting = misbehaving(true);
    String to = "http://127.0.0.1:" + upstream.port();
    RouteTable routes = RouteTable.of(List.of(
        RouteSpec.builder().id("ok").pathPrefix("/ok").auth(AuthMode.NONE).upstream(to).maxBodyBytes(4)
            .cors(CorsPolicy.builder().allowedOrigins(List.of("https://app.example.com")).build()).build(),
        RouteSpec.builder().id("slow").pathPrefix("/slow").auth(AuthMode.NONE).upstream(to)
            .timeouts(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5))).build(),
        RouteSpec.builder().id("down").pathPrefix("/down").auth(AuthMode.NONE).retries(0)
            .upstream("http://127.0.0.1:" + closedPort).build(),
        RouteSpec.builder().id("closing").pathPrefix("/closing").auth(AuthMode.NONE)
            .upstream("http://127.0.0.1:" + closing.getLocalPort()).build(),
        RouteSpec.builder().id("resetting").pathPrefix("/resetting").auth(AuthMode.NONE)
            .upstream("http://127.0.0.1:" + resetting.getLocalPort()).build()));
    gateway = HttpServer.builder().name("gateway").eventLoops(gatewayLoops).port(0)
        .streaming(ProxyHandler.builder().routes(routes).hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES))
            .meterRegistry(registry).build())
        .build().start();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    gateway.drain();
    upstream.drain();
    closing.close();
    resetting.close();
    gatewayLoops.close();
    upstreamLoops.close();
  }

  @Test
  void countsRequestsByRouteAndStatusClassAndTimesThem() throws Exception {
    get("/ok");
    get("/ok");
    HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/ok"))
        .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> tooLarge = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/ok"))
        .POST(HttpRequest.BodyPublishers.ofString("too large")).build(), HttpResponse.BodyHandlers.ofString());

    String scrape = scrape("gatehouse_gateway_request_duration_seconds_count{route=\"ok\"} 4",
        "gatehouse_gateway_requests_total{route=\"ok\",status=\"4xx\"} 2.0");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(scrape).contains("gatehouse_gateway_requests_total{route=\"ok\",status=\"2xx\"} 2.0")
        .as("answered by a filter, still counted").contains("gatehouse_gateway_requests_total{route=\"ok\",status=\"4xx\"} 2.0")
        .contains("gatehouse_gateway_request_duration_seconds_count{route=\"ok\"} 4")
        .contains("gatehouse_gateway_request_duration_seconds_bucket{route=\"ok\",le=")
        .contains("gatehouse_gateway_upstream_duration_seconds_count{route=\"ok\"} 2");
  }

  @Test
  void countsUpstreamErrorsByKind() throws Exception {
    assertThat(get("/down").statusCode()).isEqualTo(502);
    assertThat(get("/slow").statusCode()).isEqualTo(504);
    assertThat(get("/closing").statusCode()).isEqualTo(502);
    assertThat(get("/resetting").statusCode()).isEqualTo(502);

    String scrape = scrape("gatehouse_gateway_requests_total{route=\"resetting\",status=\"5xx\"} 1.0");

    assertThat(scrape).contains("gatehouse_gateway_upstream_errors_total{kind=\"connect\",route=\"down\"} 1.0")
        .contains("gatehouse_gateway_upstream_errors_total{kind=\"timeout\",route=\"slow\"} 1.0")
        .contains("gatehouse_gateway_upstream_errors_total{kind=\"closed\",route=\"closing\"} 1.0")
        .contains("gatehouse_gateway_upstream_errors_total{kind=\"reset\",route=\"resetting\"} 1.0")
        .contains("gatehouse_gateway_requests_total{route=\"down\",status=\"5xx\"} 1.0")
        .contains("gatehouse_gateway_retries_total{route=\"down\"} 0.0")
        .contains("gatehouse_gateway_ejections_total{route=\"down\"} 0.0");
  }

  /**
   * The scrape once it shows the last request: the core records an exchange after its response
   * is flushed, so the client can be a moment ahead of the meters.
   */
  private String scrape(String... last) throws InterruptedException {
    String text = registry.scrape();
    for (int i = 0; i < 100 && !Arrays.stream(last).allMatch(text::contains); i++) {
      Thread.sleep(10);
      text = registry.scrape();
    }
    return text;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Accepts, reads the request head, then closes: cleanly, or with a reset (SO_LINGER 0). */
  private static ServerSocket misbehaving(boolean reset) throws Exception {
    ServerSocket server = new ServerSocket(0);
    Thread.ofVirtual().start(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          InputStream in = socket.getInputStream();
          int matched = 0;
          while (matched < 4) {
            int b = in.read();
            if (b < 0) {
              break;
            }
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
          }
          if (reset) {
            socket.setSoLinger(true, 0);
          }
        } catch (Exception e) {
          // closed by the test
        }
      }
    });
    return server;
  }
}
