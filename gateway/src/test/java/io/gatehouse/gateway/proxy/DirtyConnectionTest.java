package io.gatehouse.gateway.proxy;

import static io.gatehouse.gateway.testing.GatewayUnderTest.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.route.Timeouts;
import io.gatehouse.gateway.testing.Await;
import io.gatehouse.gateway.testing.FaultUpstream;
import io.gatehouse.gateway.testing.GatewayUnderTest;
import io.gatehouse.gateway.testing.RawClient;
import io.gatehouse.gateway.testing.Received;
import io.gatehouse.gateway.testing.RecordingUpstream;
import io.gatehouse.gateway.testing.Responder;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream pool takes back only connections whose request and response both ended cleanly:
 * after an aborted upload or download, or a timed-out response, the next request opens a new
 * connection, and the dirty one is closed rather than left open.
 */
class DirtyConnectionTest {
  private GatewayUnderTest gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void reusesAConnectionWhoseExchangeEndedCleanly() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start(Responder.target())) {
      gateway = GatewayUnderTest.start(route("api").pathPrefix("/").upstream(upstream.uri()).build());
      try (RawClient client = gateway.connect()) {
        assertThat(client.get("/one").bodyText()).isEqualTo("/one");
        client.write("POST /two HTTP/1.1\r\nHost: gateway\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(client.readResponse().bodyText()).isEqualTo("/two");
        client.write(RawClient.head("HEAD", "/three"));
        assertThat(client.readHeadOnly().header("Content-Length")).contains("6");
        assertThat(client.get("/four").bodyText()).isEqualTo("/four");
      }
      try (RawClient other = gateway.connect()) {
        assertThat(other.get("/five").bodyText()).isEqualTo("/five");
      }
      assertThat(upstream.connections()).isEqualTo(1);
      assertThat(upstream.requests()).extracting(Received::connection).containsOnly(0);
    }
  }

  @Test
  void closesTheUpstreamConnectionWhenTheClientAbortsMidUpload() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start(Responder.target())) {
      gateway = GatewayUnderTest.start(route("api").pathPrefix("/").upstream(upstream.uri()).build());
      try (RawClient client = gateway.connect()) {
        client.write("POST /upload HTTP/1.1\r\nHost: gateway\r\nContent-Length: 1000000\r\n\r\n");
        client.write(new byte[64 * 1024]);
        Await.until("the partial body upstream", () -> upstream.connections() == 1 && upstream.bytes(0).length > 64 * 1024);
        client.abort();
      }
      upstream.awaitClosed(0);
      assertThat(upstream.onlyRequest().complete()).isFalse();

      try (RawClient client = gateway.connect()) {
        assertThat(client.get("/next").bodyText()).isEqualTo("/next");
      }
      assertThat(upstream.connections()).isEqualTo(2);
      assertThat(upstream.requests().get(1).connection()).isEqualTo(1);
    }
  }

  @Test
  void closesTheUpstreamConnectionWhenTheClientAbortsMidDownload() throws Exception {
    try (FaultUpstream download = FaultUpstream.streaming(256L << 20)) {
      gateway = GatewayUnderTest.start(route("files").pathPrefix("/").upstream(download.uri()).build());
      try (RawClient client = gateway.connect()) {
        client.write(RawClient.head("GET", "/big"));
        RawClient.Head head = client.readHead();
        assertThat(head.header("Content-Length")).contains(Long.toString(256L << 20));
        client.abort();
      }
      download.recorder().awaitClosed(0);

      try (RawClient client = gateway.connect()) {
        client.write(RawClient.head("GET", "/small?size=1000"));
        RawClient.Response response = client.readResponse();
        assertThat(response.body()).hasSize(1000);
      }
      assertThat(download.recorder().connections()).isEqualTo(2);
    }
  }

  @Test
  void closesTheUpstreamConnectionWhenTheClientAbortsAfterTheResponseButMidUpload() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start(Responder.target())) {
      upstream.answerBeforeBody();
      gateway = GatewayUnderTest.start(route("api").pathPrefix("/").upstream(upstream.uri()).build());
      try (RawClient client = gateway.connect()) {
        client.write("POST /upload HTTP/1.1\r\nHost: gateway\r\nContent-Length: 1000000\r\n\r\n");
        client.write(new byte[1000]);
        RawClient.Response early = client.readResponse();
        assertThat(early.bodyText()).isEqualTo("/upload");
        client.abort();
      }
      upstream.awaitClosed(0);

      try (RawClient client = gateway.connect()) {
        assertThat(client.get("/next").bodyText()).isEqualTo("/next");
      }
      assertThat(upstream.connections()).isEqualTo(2);
    }
  }

  @Test
  void neverReusesTheConnectionOfATimedOutResponse() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start((request, socket) -> {
      if (!request.target().equals("/slow")) {
        Responder.target().respond(request, socket);
      }
      // else: no answer; the next request on this connection would get nothing either
    })) {
      gateway = GatewayUnderTest.start(route("api").pathPrefix("/").upstream(upstream.uri())
          .timeouts(new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(60))).build());
      try (RawClient client = gateway.connect()) {
        assertThat(client.get("/slow").status()).isEqualTo(504);
        assertThat(client.get("/fast").bodyText()).isEqualTo("/fast");
      }
      upstream.awaitClosed(0);
      assertThat(upstream.connections()).isEqualTo(2);
      assertThat(upstream.requests().get(1).connection()).isEqualTo(1);
    }
  }

  @Test
  void neverReusesAConnectionTheUpstreamMeantToClose() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start(
        Responder.raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"))) {
      gateway = GatewayUnderTest.start(route("api").pathPrefix("/").upstream(upstream.uri()).build());
      try (RawClient client = gateway.connect()) {
        assertThat(client.get("/one").bodyText()).isEqualTo("ok");
        assertThat(client.get("/two").bodyText()).isEqualTo("ok");
      }
      assertThat(upstream.connections()).isEqualTo(2);
    }
  }
}
