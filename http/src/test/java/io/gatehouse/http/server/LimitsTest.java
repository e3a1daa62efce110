package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.fixture.Calls;
import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default size limits, each with its own status, enforced before any handler runs. */
class LimitsTest {
  private static final ServerLimits LIMITS = ServerLimits.defaults();

  private final Calls calls = new Calls();
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .get("/hello", calls.counting(r -> Response.text(200, "hello")))
        .route(Route.builder("POST", "/upload").maxBodyBytes(1024)
            .handler(calls.counting(r -> Response.text(200, Integer.toString(r.body().length)))).build())
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesATargetOfExactlyTheLimit() throws Exception {
    String target = "/hello?" + "a".repeat(LIMITS.maxUriBytes() - "/hello?".length());
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(200);
    }
  }

  @Test
  void answersATargetJustOverTheLimitWith414() throws Exception {
    String target = "/hello?" + "a".repeat(LIMITS.maxUriBytes() + 1 - "/hello?".length());
    assertRefused("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414);
  }

  @Test
  void answersATargetFarOverTheLimitWith414() throws Exception {
    assertRefused("GET /hello?" + "a".repeat(4 * LIMITS.maxUriBytes()) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414);
  }

  @Test
  void answersARequestLineTooLongToParseInHttp11() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /" + "a".repeat(4 * LIMITS.maxUriBytes())).readResponse();
      assertThat(response.statusLine()).isEqualTo("HTTP/1.1 414 Request-URI Too Long");
    }
  }

  @Test
  void answersAHeaderSectionOverTheLimitWith431() throws Exception {
    String big = "X-Big: " + "b".repeat(LIMITS.maxHeaderBytes()) + "\r\n";
    assertRefused("GET /hello HTTP/1.1\r\nHost: localhost\r\n" + big + "\r\n", 431);
  }

  @Test
  void answersManyModestHeadersAddingUpOverTheLimitWith431() throws Exception {
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      headers.append("X-H").append(i).append(": ").append("v".repeat(500)).append("\r\n");
    }
    assertRefused("GET /hello HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n", 431);
  }

  @Test
  void servesExactlyTheMaximumNumberOfHeaderFields() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n"
          + headerFields(LIMITS.maxHeaderCount() - 1) + "\r\n").readResponse();
      assertThat(response.status()).isEqualTo(200);
    }
  }

  @Test
  void answersMoreThanTheMaximumNumberOfHeaderFieldsWith431() throws Exception {
    assertRefused("GET /hello HTTP/1.1\r\nHost: localhost\r\n" + headerFields(LIMITS.maxHeaderCount()) + "\r\n", 431);
  }

  @Test
  void servesABodyOfExactlyTheRouteLimit() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1024\r\n\r\n"
          + "x".repeat(1024)).readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("1024");
    }
  }

  @Test
  void answersAContentLengthOverTheRouteLimitWith413BeforeTheBodyIsSent() throws Exception {
    assertRefused("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1025\r\n\r\n", 413);
  }

  @Test
  void answersAChunkedBodyGrowingOverTheLimitWith413WhileItIsStillArriving() throws Exception {
    try (RawConnection connection = server.connect()) {
      connection.write("POST /upload HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
      connection.write("200\r\n" + "x".repeat(512) + "\r\n");
      connection.write("200\r\n" + "x".repeat(512) + "\r\n");
      connection.write("1\r\nx\r\n"); // one byte over; no last chunk follows
      RawResponse response = connection.readResponse();
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.header("Connection")).contains("close");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void aClientStillSendingAnOversizedBodyReceivesThe413() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/upload"))
          .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("x".repeat(256 * 1024))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("attempt %d", i).isEqualTo(413);
    }
    assertThat(calls.count()).isZero();
  }

  @Test
  void refusesAnyBodyOnARouteWithALimitOfZero() throws Exception {
    Calls zeroCalls = new Calls();
    try (TestServer zero = TestServer.start(Router.builder()
            .route(Route.builder("POST", "/ping").maxBodyBytes(0).handler(zeroCalls.counting(r -> Response.empty(204)))
                .build())
            .build());
        RawConnection connection = zero.connect()) {
      RawResponse ok = connection.write("POST /ping HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
          .readResponse();
      RawResponse refused = connection.write("POST /ping HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\nx")
          .readResponse();
      assertThat(ok.status()).isEqualTo(204);
      assertThat(refused.status()).isEqualTo(413);
      assertThat(connection.closedByServer()).isTrue();
      assertThat(zeroCalls.count()).isEqualTo(1);
    }
  }

  private static String headerFields(int count) {
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < count; i++) {
      headers.append("X-F").append(i).append(": ").append(i).append("\r\n");
    }
    return headers.toString();
  }

  private void assertRefused(String request, int status) throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write(request).readResponse();
      assertThat(response.status()).as("status of %s", response).isEqualTo(status);
      assertThat(response.header("Content-Type")).contains("application/problem+json");
      assertThat(response.header("Connection")).contains("close");
      assertThat(connection.closedByServer()).as("connection closed").isTrue();
      assertThat(calls.count()).as("handler invocations").isZero();
    }
  }
}
