package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.http.HttpException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors as RFC 9457 problem+json, with nothing internal on the wire. */
class ErrorResponsesTest {
  private static final String SECRET = "password=hunter2 jdbc:postgresql://db.internal/prod";

  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .get("/thing", r -> Response.text(200, "twelve bytes"))
        .post("/thing", r -> Response.empty(201))
        .get("/explode", r -> {
          throw new IllegalStateException(SECRET);
        })
        .route(Route.builder("GET", "/explode-blocking").blocking().handler(r -> {
          throw new IllegalStateException(SECRET);
        }).build())
        .get("/null", r -> null)
        .get("/unauthorized", r -> {
          throw HttpException.builder(401).type("https://gatehouse.dev/problems/invalid-token")
              .title("Invalid token").detail("the access token expired")
              .header("WWW-Authenticate", "Bearer realm=\"gatehouse\", error=\"invalid_token\"").build();
        })
        .post("/json", r -> Response.json(r.json(Map.class)))
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void describesA404AsProblemJson() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(server.uri("/nothing"))
        .header("X-Request-Id", "rid-404"));
    JsonNode problem = Json.mapper().readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("title").asText()).isEqualTo("Not Found");
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(problem.path("request_id").asText()).isEqualTo("rid-404");
  }

  @Test
  void answersAnUnknownMethodWith405AndAllowIncludingHead() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(server.uri("/thing")).DELETE());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD, POST");
    assertThat(Json.mapper().readTree(response.body()).path("status").asInt()).isEqualTo(405);
  }

  @Test
  void servesHeadFromTheGetRouteWithItsLengthButNoBody() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse head = connection.write("HEAD /thing HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponseWithoutBody();
      RawResponse get = connection.write("GET /thing HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Length")).contains("12");
      assertThat(get.statusLine()).as("nothing came between the two heads").startsWith("HTTP/1.1 200");
      assertThat(get.bodyText()).isEqualTo("twelve bytes");
    }
  }

  @Test
  void answersAFailingHandlerWith500WithoutItsMessageOrStack() throws Exception {
    assertOpaque500(Http.get(server.uri("/explode")));
  }

  @Test
  void answersAFailingBlockingHandlerWith500WithoutItsMessageOrStack() throws Exception {
    assertOpaque500(Http.get(server.uri("/explode-blocking")));
  }

  @Test
  void answersAHandlerReturningNoResponseWith500() throws Exception {
    HttpResponse<String> response = Http.get(server.uri("/null"));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("/null", "handler");
  }

  @Test
  void passesAnHttpExceptionsTypeTitleDetailAndHeadersThrough() throws Exception {
    HttpResponse<String> response = Http.get(server.uri("/unauthorized"));
    JsonNode problem = Json.mapper().readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"gatehouse\", error=\"invalid_token\"");
    assertThat(problem.path("type").asText()).isEqualTo("https://gatehouse.dev/problems/invalid-token");
    assertThat(problem.path("title").asText()).isEqualTo("Invalid token");
    assertThat(problem.path("detail").asText()).isEqualTo("the access token expired");
  }

  @Test
  void answersAJsonBodyWithTheWrongContentTypeWith415() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(server.uri("/json"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void answersMalformedJsonWith400WithoutEchoingTheBody() throws Exception {
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(server.uri("/json"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"password\": hunter2secret}")));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("hunter2secret");
  }

  private static void assertOpaque500(HttpResponse<String> response) throws Exception {
    JsonNode problem = Json.mapper().readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(problem.path("status").asInt()).isEqualTo(500);
    assertThat(problem.path("request_id").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("hunter2", "jdbc", "IllegalStateException", "at io.", "Exception");
  }
}
