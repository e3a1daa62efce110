package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.fixture.Calls;
import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code Expect: 100-continue}: the interim response only for requests the server will take. */
class ExpectContinueTest {
  private final Calls calls = new Calls();
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .route(Route.builder("POST", "/upload").maxBodyBytes(16)
            .handler(calls.counting(r -> Response.text(200, "got " + r.bodyText()))).build())
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sendsContinueBeforeTheBodyIsSentAndThenTheFinalResponse() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse interim = connection.write("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
          + "Expect: 100-continue\r\n\r\n").readResponse();
      RawResponse last = connection.write("hello").readResponse();
      assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(last.status()).isEqualTo(200);
      assertThat(last.bodyText()).isEqualTo("got hello");
      assertThat(calls.count()).isEqualTo(1);
    }
  }

  @Test
  void answersAnUnknownRouteWithoutContinueAndCloses() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("POST /nowhere HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
          + "Expect: 100-continue\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.header("Connection")).contains("close");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void answersATooLargeContentLengthWith413WithoutContinueAndCloses() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 17\r\n"
          + "Expect: 100-continue\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.header("Connection")).contains("close");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void answersAWrongMethodWith405WithoutContinueAndCloses() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("PUT /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
          + "Expect: 100-continue\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(405);
      assertThat(response.header("Allow")).contains("POST");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }

  @Test
  void refusesExpectOnHttp10() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("POST /upload HTTP/1.0\r\nContent-Length: 5\r\n"
          + "Expect: 100-continue\r\n\r\n").readResponse();
      assertThat(response.status()).isEqualTo(417);
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isZero();
    }
  }
}
