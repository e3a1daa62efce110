package io.gatehouse.http.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.http.fixture.Http;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Json;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Router;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One JSON line per request; no headers, and no credential from the query string. */
class AccessLogTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level previousLevel;
  private boolean previousAdditive;

  @BeforeEach
  void capture() {
    previousLevel = logger.getLevel();
    previousAdditive = logger.isAdditive();
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
    logger.setLevel(previousLevel);
    logger.setAdditive(previousAdditive);
  }

  @Test
  void writesEveryFieldAsJson() throws Exception {
    JsonNode line = Json.mapper().readTree(AccessLog.toJson(new AccessLog.Entry(Instant.parse("2026-01-01T00:00:00Z"),
        "gateway", "rid-1", "POST", "/users/42", "page=2", 201, 17, 30, 2_500_000, "/users/{id}",
        "/127.0.0.1:5000")));
    assertThat(line.path("time").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(line.path("listener").asText()).isEqualTo("gateway");
    assertThat(line.path("request_id").asText()).isEqualTo("rid-1");
    assertThat(line.path("method").asText()).isEqualTo("POST");
    assertThat(line.path("path").asText()).isEqualTo("/users/42");
    assertThat(line.path("query").asText()).isEqualTo("page=2");
    assertThat(line.path("status").asInt()).isEqualTo(201);
    assertThat(line.path("bytes_in").asLong()).isEqualTo(17);
    assertThat(line.path("bytes_out").asLong()).isEqualTo(30);
    assertThat(line.path("duration_ms").asDouble()).isEqualTo(2.5);
    assertThat(line.path("route").asText()).isEqualTo("/users/{id}");
    assertThat(line.path("remote").asText()).isEqualTo("/127.0.0.1:5000");
    assertThat(line.has("upstream")).as("not proxied").isFalse();
    assertThat(line.has("subject")).as("not authenticated").isFalse();
  }

  @Test
  void namesTheUpstreamSubjectAndKeyIdOfAProxiedRequest() throws Exception {
    JsonNode line = Json.mapper().readTree(AccessLog.toJson(new AccessLog.Entry(Instant.now(), "gateway", "rid",
        "GET", "/orders/1", "", 200, 0, 0, 1, "orders", "/127.0.0.1:5000", "10.0.0.5:7001", "u_alice", "Ab12Cd34Ef56")));

    assertThat(line.path("route").asText()).isEqualTo("orders");
    assertThat(line.path("upstream").asText()).isEqualTo("10.0.0.5:7001");
    assertThat(line.path("subject").asText()).isEqualTo("u_alice");
    assertThat(line.path("key_id").asText()).isEqualTo("Ab12Cd34Ef56");
  }

  @Test
  void neverShowsSecretQueryValues() {
    String line = AccessLog.toJson(entry("api_key=gh_x&token=abc123&page=2"));
    assertThat(line).doesNotContain("gh_x", "abc123").contains("page=2");
  }

  @Test
  void leavesTheQueryOutWhenThereIsNone() throws Exception {
    assertThat(Json.mapper().readTree(AccessLog.toJson(entry(""))).has("query")).isFalse();
  }

  @Test
  void logsAServedRequestWithoutItsHeadersOrSecrets() throws Exception {
    try (TestServer server = TestServer.start(Router.builder().get("/items", r -> Response.text(200, "ok")).build())) {
      Http.send(HttpRequest.newBuilder(server.uri("/items?api_key=gh_live_secret&page=3"))
          .header("Authorization", "Bearer eyJ.secret-token.sig")
          .header("Cookie", "session=secret-session")
          .header("X-API-Key", "gh_header_secret")
          .header("X-Request-Id", "logged-1"));
      String line = awaitLine();
      JsonNode json = Json.mapper().readTree(line);
      assertThat(json.path("request_id").asText()).isEqualTo("logged-1");
      assertThat(json.path("status").asInt()).isEqualTo(200);
      assertThat(json.path("route").asText()).isEqualTo("/items");
      assertThat(json.path("query").asText()).isEqualTo("api_key=[redacted]&page=3");
      assertThat(line).doesNotContain("gh_live_secret", "secret-token", "secret-session", "gh_header_secret",
          "Authorization", "Cookie");
    }
  }

  private String awaitLine() throws InterruptedException {
    for (int i = 0; i < 500 && lines.list.isEmpty(); i++) {
      Thread.sleep(10);
    }
    List<ILoggingEvent> events = lines.list;
    assertThat(events).hasSize(1);
    return events.get(0).getFormattedMessage();
  }

  private static AccessLog.Entry entry(String rawQuery) {
    return new AccessLog.Entry(Instant.now(), "test", "rid", "GET", "/x", rawQuery, 200, 0, 0, 1, "/x", "remote");
  }
}
