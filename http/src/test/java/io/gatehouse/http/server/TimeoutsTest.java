package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.fixture.Calls;
import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read timeouts (injected short): slow or silent clients lose their connection. */
class TimeoutsTest {
  private static final Duration SHORT = Duration.ofMillis(250);

  private final Calls calls = new Calls();
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
            .get("/hello", calls.counting(r -> Response.text(200, "hello")))
            .post("/echo", calls.counting(r -> Response.text(200, r.bodyText())))
            .route(Route.builder("GET", "/think").blocking().handler(calls.counting(r -> {
              Thread.sleep(3 * SHORT.toMillis());
              return Response.text(200, "thought");
            })).build())
            .build(),
        ServerLimits.defaults().withTimeouts(SHORT, SHORT, SHORT, Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersHalfARequestHeadWith408AndCloses() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /hello HTTP/1.1\r\nHost: loc").readResponse();
      assertThat(response.status()).isEqualTo(408);
      assertThat(response.header("Content-Type")).contains("application/problem+json");
      assertThat(response.header("Connection")).contains("close");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void answersAHeadDribbledByteByByteWith408() throws Exception {
    byte[] head = "GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes();
    try (RawConnection connection = server.connect()) {
      try {
        for (int i = 0; i < 100; i++) {
          connection.write(new byte[] {head[i % head.length]}); // never finishes the head
          Thread.sleep(SHORT.toMillis() / 5);
        }
      } catch (IOException closedWhileWriting) {
        // the server gave up on us, as it should
      }
      RawResponse response = connection.readResponse();
      assertThat(response.status()).isEqualTo(408);
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void answersABodyThatStallsWith408AndCloses() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n"
          + "12345").readResponse();
      assertThat(response.status()).isEqualTo(408);
      assertThat(response.header("Connection")).contains("close");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void answersAChunkedBodyThatStallsWith408() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("POST /echo HTTP/1.1\r\nHost: localhost\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n").readResponse();
      assertThat(response.status()).isEqualTo(408);
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void closesAnIdleKeepAliveConnectionWithoutAResponse() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void answersASecondRequestHeadLeftHalfWith408() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse first = connection.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
      RawResponse second = connection.write("GET /hello HTTP/1.1\r\n").readResponse();
      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(408);
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isEqualTo(1);
    }
  }

  @Test
  void closesAConnectionThatSendsNothing() throws Exception {
    try (RawConnection connection = server.connect()) {
      assertThat(connection.readUntilClosed()).isEmpty();
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void letsAHandlerTakeLongerThanTheReadTimeouts() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /think HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("thought");
    }
  }
}
