package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How responses are framed on the wire (RFC 9110 §8.6, RFC 9112 §6). */
class ResponseFramingTest {
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .get("/text", r -> Response.text(200, "héllo"))
        .get("/empty", r -> Response.empty(200))
        .get("/no-content", r -> Response.empty(204))
        .get("/not-modified", r -> Response.empty(304).header("ETag", "\"v1\""))
        .get("/not-modified-with-body", r -> Response.text(304, "stray"))
        .get("/bad-framing", r -> Response.text(200, "ok").header("Transfer-Encoding", "chunked")
            .header("Connection", "close"))
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void framesABodyByItsByteLength() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write(get("/text")).readResponse();
      assertThat(response.header("Content-Length")).contains("6");
      assertThat(response.bodyText()).isEqualTo("héllo");
      assertThat(response.header("Transfer-Encoding")).isEmpty();
    }
  }

  @Test
  void sendsContentLengthZeroForAnEmptyOk() throws Exception {
    try (RawConnection connection = server.connect()) {
      assertThat(connection.write(get("/empty")).readResponse().header("Content-Length")).contains("0");
    }
  }

  @Test
  void sendsNoContentLengthWithA204() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse noContent = connection.write(get("/no-content")).readResponse();
      RawResponse next = connection.write(get("/text")).readResponse();
      assertThat(noContent.status()).isEqualTo(204);
      assertThat(noContent.header("Content-Length")).isEmpty();
      assertThat(next.statusLine()).as("nothing sent after the 204 head").startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void sendsNoLengthOrBodyWithA304() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse notModified = connection.write(get("/not-modified")).readResponse();
      RawResponse next = connection.write(get("/text")).readResponse();
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.header("ETag")).contains("\"v1\"");
      assertThat(notModified.header("Content-Length")).isEmpty();
      assertThat(next.statusLine()).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void dropsABodyAHandlerGaveA304SoTheNextResponseStaysFramed() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse notModified = connection.write(get("/not-modified-with-body")).readResponse();
      RawResponse next = connection.write(get("/text")).readResponse();
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(next.statusLine()).startsWith("HTTP/1.1 200");
      assertThat(next.bodyText()).isEqualTo("héllo");
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  @Test
  void handlerCannotOverrideFramingHeaders() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write(get("/bad-framing")).readResponse();
      RawResponse next = connection.write(get("/text")).readResponse();
      assertThat(response.header("Transfer-Encoding")).isEmpty();
      assertThat(response.header("Connection")).isEmpty();
      assertThat(response.header("Content-Length")).contains("2");
      assertThat(next.status()).as("the connection stays usable").isEqualTo(200);
    }
  }

  @Test
  void sendsAnImfFixdateDateHeader() throws Exception {
    try (RawConnection connection = server.connect()) {
      assertThat(connection.write(get("/text")).readResponse().header("Date")).hasValueSatisfying(date ->
          assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
    }
  }
}
