package io.gatehouse.http.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.http.fixture.Http;
import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Json;
import io.gatehouse.http.server.ServerLimits;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /healthz}, {@code /readyz} and {@code /metrics} served by a real listener. */
class ManagementRoutesTest {
  private static final Duration SHORT = Duration.ofMillis(250);

  private final Readiness readiness = new Readiness();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean storeUp = new AtomicBoolean(true);
  private TestServer server;

  @BeforeEach
  void start() {
    readiness.register("store", storeUp::get);
    readiness.register("key-ring", () -> true);
    server = TestServer.start(ManagementRoutes.router(readiness, registry),
        ServerLimits.defaults().withTimeouts(SHORT, SHORT, Duration.ofSeconds(30), Duration.ofSeconds(5)), registry);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersHealthz() throws Exception {
    HttpResponse<String> response = Http.get(server.uri("/healthz"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(response.body()).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void isReadyWhenEveryCheckPasses() throws Exception {
    HttpResponse<String> response = Http.get(server.uri("/readyz"));
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(body.path("status").asText()).isEqualTo("ready");
    assertThat(body.path("components").path("store").asBoolean()).isTrue();
    assertThat(body.path("components").path("key-ring").asBoolean()).isTrue();
  }

  @Test
  void showsTheDetailOfAComponentThatGivesOne() throws Exception {
    readiness.register("gateway-routes", storeUp::get, () -> Map.of("orders", Map.of("ready", storeUp.get())));
    storeUp.set(false);

    HttpResponse<String> response = Http.get(server.uri("/readyz"));
    JsonNode body = Json.mapper().readTree(response.body());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(body.path("components").path("gateway-routes").asBoolean()).isFalse();
    assertThat(body.path("details").path("gateway-routes").path("orders").path("ready").asBoolean()).isFalse();
    assertThat(body.path("details").has("store")).as("no detail registered").isFalse();
  }

  @Test
  void isNotReadyWhenACheckFails() throws Exception {
    storeUp.set(false);
    HttpResponse<String> response = Http.get(server.uri("/readyz"));
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(body.path("status").asText()).isEqualTo("not_ready");
    assertThat(body.path("components").path("store").asBoolean()).isFalse();
  }

  @Test
  void isNotReadyWhenACheckThrows() throws Exception {
    readiness.register("upstreams", () -> {
      throw new IllegalStateException("pool exploded");
    });
    HttpResponse<String> response = Http.get(server.uri("/readyz"));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(Json.mapper().readTree(response.body()).path("components").path("upstreams").asBoolean()).isFalse();
    assertThat(response.body()).doesNotContain("pool exploded");
  }

  @Test
  void isNotReadyWhileDraining() throws Exception {
    readiness.startDraining();
    HttpResponse<String> response = Http.get(server.uri("/readyz"));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(Json.mapper().readTree(response.body()).path("status").asText()).isEqualTo("draining");
    assertThat(readiness.ready()).isFalse();
  }

  @Test
  void exposesRequestMetricsWithLowCardinalityLabels() throws Exception {
    Http.get(server.uri("/healthz"));
    Http.get(server.uri("/healthz"));
    Http.get(server.uri("/nothing/here"));
    HttpResponse<String> metrics = Http.get(server.uri("/metrics"));
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).contains(ManagementRoutes.PROMETHEUS_TEXT);
    assertThat(sample(metrics.body(), "gatehouse_http_server_requests_seconds_count",
        "listener=\"test\",method=\"GET\",route=\"/healthz\",status=\"200\"")).isEqualTo(2.0);
    assertThat(sample(metrics.body(), "gatehouse_http_server_requests_seconds_count",
        "listener=\"test\",method=\"GET\",route=\"unmatched\",status=\"404\"")).isEqualTo(1.0);
    assertThat(metrics.body()).contains("gatehouse_http_server_connections{listener=\"test\"}");
  }

  @Test
  void countsARejectedRequestOnce() throws Exception {
    try (RawConnection connection = server.connect()) {
      assertThat(connection.write("GET /healthz HTTP/1.1\r\n\r\n").readResponse().status()).isEqualTo(400);
    }
    String metrics = Http.get(server.uri("/metrics")).body();
    assertThat(sample(metrics, "gatehouse_http_server_rejected_total", "listener=\"test\",reason=\"400\""))
        .isEqualTo(1.0);
    assertThat(total(metrics, "gatehouse_http_server_rejected_total")).isEqualTo(1.0);
  }

  @Test
  void countsATimedOutRequestOnce() throws Exception {
    try (RawConnection connection = server.connect()) {
      assertThat(connection.write("GET /healthz HTTP/1.1\r\nHo").readResponse().status()).isEqualTo(408);
    }
    String metrics = Http.get(server.uri("/metrics")).body();
    assertThat(total(metrics, "gatehouse_http_server_rejected_total")).isEqualTo(1.0);
  }

  /** The value of one sample with exactly these labels. */
  private static double sample(String exposition, String name, String labels) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$")
        .matcher(exposition);
    assertThat(matcher.find()).as("%s{%s} in%n%s", name, labels, exposition).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  /** The sum of every sample of a metric. */
  private static double total(String exposition, String name) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*\\} (\\S+)$").matcher(exposition);
    double sum = 0;
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(1));
    }
    return sum;
  }
}
