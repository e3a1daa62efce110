package io.gatehouse.gateway.proxy;

import static io.gatehouse.gateway.testing.GatewayUnderTest.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.gateway.testing.GatewayUnderTest;
import io.gatehouse.gateway.testing.RawClient;
import io.gatehouse.gateway.testing.RecordingUpstream;
import io.gatehouse.gateway.testing.Responder;
import java.io.EOFException;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Responses an upstream may legally (or not) send, and what the client gets for each. */
class UpstreamResponseTest {
  private GatewayUnderTest gateway;
  private RecordingUpstream upstream;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void relaysTheFinalResponseAfterInterimOnes() throws Exception {
    start(Responder.raw("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
        + "HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\ndone"));
    try (RawClient client = gateway.connect()) {
      client.write("POST /x HTTP/1.1\r\nHost: gateway\r\nContent-Length: 4\r\n\r\nbody");
      RawClient.Response response = client.readResponse();
      while (response.status() < 200) {
        response = client.readResponse();
      }

      assertThat(response.status()).isEqualTo(201);
      assertThat(response.bodyText()).isEqualTo("done");
      client.write(RawClient.head("GET", "/y"));
      RawClient.Response next = client.readResponse();
      while (next.status() < 200) {
        next = client.readResponse();
      }
      assertThat(next.bodyText()).as("the exchange after it is intact").isEqualTo("done");
    }
  }

  @Test
  void aResponseHeadReachesTheClientBeforeItsLateBody() throws Exception {
    java.util.concurrent.CountDownLatch headSeen = new java.util.concurrent.CountDownLatch(1);
    start((request, socket) -> {
      Responder.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n".getBytes());
      try {
        headSeen.await(30, java.util.concurrent.TimeUnit.SECONDS); // longer than the client's read timeout
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Responder.write(socket, "late".getBytes());
    });
    try (RawClient client = gateway.connect()) {
      client.write(RawClient.head("GET", "/x"));
      RawClient.Head head = client.readHead();
      assertThat(head.status()).isEqualTo(200);
      headSeen.countDown();

      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      client.readBody(head, body, new CRC32());
      assertThat(body.toString()).isEqualTo("late");
    }
  }

  @Test
  void aChunkedResponseWithTrailersArrivingAtOnceKeepsItsChunksAndTrailers() throws Exception {
    start(Responder.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 42\r\n\r\n"));
    try (RawClient client = gateway.connect()) {
      client.write(RawClient.head("GET", "/x", "Connection: close"));
      String raw = new String(client.readUntilClosed(), java.nio.charset.StandardCharsets.ISO_8859_1);

      assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n").containsIgnoringCase("\r\ntransfer-encoding: chunked\r\n")
          .endsWith("\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 42\r\n\r\n");
    }
  }

  @Test
  void chunkedRequestsKeepTheirTrailersUpstreamWhetherTheBodyIsEmptyOrNot() throws Exception {
    start(Responder.raw("HTTP/1.1 204 No Content\r\n\r\n"));
    try (RawClient client = gateway.connect()) {
      client.write("POST /x HTTP/1.1\r\nHost: gateway\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "3\r\nabc\r\n0\r\nX-Sum: 1\r\n\r\n");
      assertThat(client.readResponse().status()).isEqualTo(204);
      // Only a last piece: head, end and trailers go upstream as one message.
      client.write("POST /y HTTP/1.1\r\nHost: gateway\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Sum: 2\r\n\r\n");
      assertThat(client.readResponse().status()).isEqualTo(204);
    }

    String received = upstream.text(0);
    assertThat(received).startsWith("POST /x HTTP/1.1\r\n")
        .contains("\r\n\r\n3\r\nabc\r\n0\r\nX-Sum: 1\r\n\r\nPOST /y HTTP/1.1\r\n")
        .endsWith("\r\n\r\n0\r\nX-Sum: 2\r\n\r\n");
    assertThat(received.split("(?i)transfer-encoding: chunked", -1)).hasSize(3);
  }

  @Test
  void anHttp10ClientGetsAnHttp10ResponseThatEndsWithTheConnection() throws Exception {
    start(Responder.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
    try (RawClient client = gateway.connect()) {
      client.write("GET /x HTTP/1.0\r\nHost: gateway\r\n\r\n");
      String raw = new String(client.readUntilClosed(), java.nio.charset.StandardCharsets.ISO_8859_1);

      assertThat(raw).startsWith("HTTP/1.0 200 OK\r\n").doesNotContainIgnoringCase("transfer-encoding")
          .doesNotContainIgnoringCase("content-length").endsWith("\r\n\r\nhello");
      assertThat(client.closedByServer()).as("a body of unknown length ends with the connection").isTrue();
    }
  }

  @Test
  void relaysABodyDelimitedByTheUpstreamClosingAsACompleteChunkedMessage() throws Exception {
    start((request, socket) -> {
      Responder.write(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end".getBytes());
      socket.close();
    });
    try (RawClient client = gateway.connect()) {
      RawClient.Response response = client.get("/x");

      assertThat(response.header("Transfer-Encoding")).contains("chunked");
      assertThat(response.bodyText()).isEqualTo("until the end");
      assertThat(client.get("/y").bodyText()).isEqualTo("until the end");
    }
    assertThat(upstream.connections()).isEqualTo(2);
  }

  @Test
  void relaysBodilessResponsesAndKeepsTheConnection() throws Exception {
    start((request, socket) -> Responder.write(socket, (request.target().equals("/empty")
        ? "HTTP/1.1 204 No Content\r\n\r\n"
        : "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 100\r\n\r\n").getBytes()));
    try (RawClient client = gateway.connect()) {
      assertThat(client.get("/empty").status()).isEqualTo(204);
      RawClient.Response notModified = client.get("/cached", "If-None-Match: \"v1\"");
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.header("ETag")).contains("\"v1\"");
      assertThat(client.get("/empty").status()).isEqualTo(204);
    }
    assertThat(upstream.connections()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "NOT HTTP AT ALL\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
      "HTTP/1.1 200 OK\r\nContent-Length: five\r\n\r\nhello",
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
      "HTTP/1.1 2000 OK\r\nContent-Length: 2\r\n\r\nok",
      "HTTP/1.1 200 OK\r\nX-Bad(name): 1\r\nContent-Length: 2\r\n\r\nok",
      "HTTP/1.1 200 OK\r\nX-Ctl: a\u0001b\r\nContent-Length: 2\r\n\r\nok",
      "HTTP/1.1 200 OK\r\nX-Del: a\u007fb\r\nContent-Length: 2\r\n\r\nok"})
  void aMalformedResponseIs502(String response) throws Exception {
    start(Responder.raw(response));
    try (RawClient client = gateway.connect()) {
      RawClient.Response answer = client.get("/x");

      assertThat(answer.status()).as(response).isEqualTo(502);
      assertThat(answer.header("Content-Type")).contains("application/problem+json");
    }
  }

  @Test
  void aMalformedChunkAfterTheHeadClosesTheClientConnection() throws Exception {
    start(Responder.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n"));
    try (RawClient client = gateway.connect()) {
      client.write(RawClient.head("GET", "/x"));
      RawClient.Head head = client.readHead();
      assertThat(head.status()).isEqualTo(200);

      assertThatThrownBy(() -> client.readBody(head, null, new CRC32())).isInstanceOf(EOFException.class);
    }
  }

  private void start(Responder responder) {
    upstream = RecordingUpstream.start(responder);
    gateway = GatewayUnderTest.start(route("api").pathPrefix("/").upstream(upstream.uri()).build());
  }
}
