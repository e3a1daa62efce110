package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.http.fixture.Http;
import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Json;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** {@code X-Request-Id}: kept when well-formed, generated otherwise, echoed, in errors and in the MDC. */
class RequestIdTest {
  private static final String GENERATED = "[0-9a-v]{26}";

  private final Map<String, String> seen = new ConcurrentHashMap<>();
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .get("/id", r -> {
          seen.put("request", r.requestId());
          seen.put("mdc", String.valueOf(MDC.get("request_id")));
          return Response.text(200, r.requestId());
        })
        .route(Route.builder("GET", "/blocking-id").blocking().handler(r -> {
          seen.put("mdc", String.valueOf(MDC.get("request_id")));
          return Response.text(200, r.requestId());
        }).build())
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void keepsAndEchoesAWellFormedId() throws Exception {
    HttpResponse<String> response = get("/id", "Req-42_a.b:c");
    assertThat(response.headers().firstValue("X-Request-Id")).contains("Req-42_a.b:c");
    assertThat(response.body()).isEqualTo("Req-42_a.b:c");
    assertThat(seen).containsEntry("request", "Req-42_a.b:c");
  }

  @Test
  void keepsAnIdOfExactlyTheMaximumLength() throws Exception {
    String longest = "a".repeat(128);
    assertThat(get("/id", longest).headers().firstValue("X-Request-Id")).contains(longest);
  }

  @Test
  void generatesAnIdWhenNoneIsSent() throws Exception {
    HttpResponse<String> response = Http.get(server.uri("/id"));
    assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(GENERATED));
    assertThat(response.body()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
  }

  @Test
  void replacesATooLongId() throws Exception {
    assertReplaced("a".repeat(129));
  }

  @Test
  void replacesAnIdWithCharactersUnsafeForLogs() throws Exception {
    assertReplaced("id with spaces");
    assertReplaced("<script>alert(1)</script>");
    assertReplaced("a/b\\c\"d");
    assertReplaced("id\tx");
  }

  @Test
  void replacesAnIdThatLooksLikeAnEncodedLineBreak() throws Exception {
    assertReplaced("abc%0d%0aSet-Cookie:x=1");
    assertReplaced("abc\\r\\nX-Injected:1");
  }

  @Test
  void replacesAnEmptyId() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /id HTTP/1.1\r\nHost: localhost\r\nX-Request-Id:\r\n\r\n")
          .readResponse();
      assertThat(response.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(GENERATED));
    }
  }

  @Test
  void putsTheIdInTheMdcWhileAnEventLoopHandlerRuns() throws Exception {
    get("/id", "mdc-loop-1");
    assertThat(seen).containsEntry("mdc", "mdc-loop-1");
  }

  @Test
  void putsTheIdInTheMdcWhileABlockingHandlerRuns() throws Exception {
    get("/blocking-id", "mdc-virtual-1");
    assertThat(seen).containsEntry("mdc", "mdc-virtual-1");
  }

  @Test
  void putsTheIdInProblemBodies() throws Exception {
    HttpResponse<String> missing = get("/missing", "problem-1");
    JsonNode problem = Json.mapper().readTree(missing.body());
    assertThat(problem.path("request_id").asText()).isEqualTo("problem-1");
  }

  @Test
  void putsTheGeneratedIdInProblemBodiesOfFramingErrors() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /id HTTP/1.1\r\n\r\n").readResponse();
      JsonNode problem = Json.mapper().readTree(response.body());
      assertThat(response.status()).isEqualTo(400);
      assertThat(problem.path("request_id").asText()).matches(GENERATED)
          .isEqualTo(response.header("X-Request-Id").orElseThrow());
    }
  }

  private void assertReplaced(String supplied) throws Exception {
    HttpResponse<String> response = get("/id", supplied);
    String echoed = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(echoed).isNotEqualTo(supplied).matches(GENERATED);
    assertThat(response.body()).isEqualTo(echoed);
  }

  private HttpResponse<String> get(String path, String requestId) throws Exception {
    return Http.send(HttpRequest.newBuilder(server.uri(path)).header("X-Request-Id", requestId));
  }
}
