package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.http.fixture.Http;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Router;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Building, binding and naming a listener; its limits. */
class HttpServerTest {
  private static final Router ROUTER = Router.builder().get("/hello", r -> Response.text(200, "hello")).build();

  @Test
  void servesOnAnEphemeralPortAndNamesItsBaseUrl() throws Exception {
    try (TestServer server = TestServer.start(ROUTER)) {
      assertThat(server.port()).isPositive();
      assertThat(server.server().baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
      assertThat(Http.get(server.uri("/hello")).body()).isEqualTo("hello");
    }
  }

  @Test
  void refusesAPortInUseNamingTheAddress() {
    try (TestServer first = TestServer.start(ROUTER); EventLoops loops = EventLoops.create(1)) {
      HttpServer second = HttpServer.builder().name("admin").eventLoops(loops).router(ROUTER).port(first.port())
          .build();
      assertThatThrownBy(second::start).isInstanceOf(ListenerException.class)
          .hasMessageContaining("admin listener cannot bind 127.0.0.1:" + first.port());
    }
  }

  @Test
  void refusesIncompleteOrInvalidSettings() {
    assertThatThrownBy(() -> HttpServer.builder().name("Not Kebab")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not Kebab");
    assertThatThrownBy(() -> HttpServer.builder().port(65536)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65536");
    assertThatThrownBy(() -> HttpServer.builder().name("gateway").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EventLoops.create(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hasTheDocumentedDefaultLimits() {
    ServerLimits limits = ServerLimits.defaults();
    assertThat(limits.maxUriBytes()).isEqualTo(8 * 1024);
    assertThat(limits.maxHeaderBytes()).isEqualTo(16 * 1024);
    assertThat(limits.maxHeaderCount()).isEqualTo(100);
    assertThat(limits.headerReadTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(limits.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(limits.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(limits.maxPipelinedRequests()).isEqualTo(16);
  }

  @Test
  void refusesLimitsThatAreNotPositiveNamingTheField() {
    assertThatThrownBy(() -> ServerLimits.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1),
        Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header read timeout must be positive, was: PT0S");
    assertThatThrownBy(() -> ServerLimits.defaults().withDrainTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("drain timeout");
  }
}
