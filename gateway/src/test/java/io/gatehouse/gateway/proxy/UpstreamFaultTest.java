package io.gatehouse.gateway.proxy;

import static io.gatehouse.gateway.testing.GatewayUnderTest.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.gateway.route.Timeouts;
import io.gatehouse.gateway.testing.FaultUpstream;
import io.gatehouse.gateway.testing.GatewayUnderTest;
import io.gatehouse.gateway.testing.RawClient;
import io.gatehouse.gateway.testing.RecordingUpstream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.time.Duration;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each kind of upstream fault through the real proxy: before a response head the client gets a
 * problem response (502, 503, 504); after it, the client connection is closed, so a broken
 * response can never pass for a complete one. Only idempotent requests are retried, and only
 * when nothing was sent.
 */
class UpstreamFaultTest {
  private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(60));

  private final RecordingUpstream healthy = RecordingUpstream.start();
  private GatewayUnderTest gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    healthy.close();
  }

  @Test
  void aRefusedConnectIs502() throws Exception {
    gateway = GatewayUnderTest.start(route("down").pathPrefix("/").retries(0).upstream(FaultUpstream.refusedUri()).build());
    try (RawClient client = gateway.connect()) {
      RawClient.Response response = client.get("/x");

      assertThat(response.status()).isEqualTo(502);
      assertThat(response.header("Content-Type")).contains("application/problem+json");
      assertThat(client.get("/x").status()).as("the client connection stays usable").isEqualTo(502);
    }
  }

  @Test
  void noResponseHeadWithinTheTimeoutIs504AndTheUpstreamConnectionIsClosed() throws Exception {
    try (FaultUpstream silent = FaultUpstream.silent()) {
      gateway = GatewayUnderTest.start(route("slow").pathPrefix("/").timeouts(SHORT).upstream(silent.uri()).build());
      try (RawClient client = gateway.connect()) {
        long start = System.nanoTime();
        RawClient.Response response = client.get("/x");

        assertThat(response.status()).isEqualTo(504);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(response.header("Content-Type")).contains("application/problem+json");
      }
      silent.recorder().awaitClosed(0);
    }
  }

  @Test
  void aLateAnswerAfterThe504ReachesNobody() throws Exception {
    try (FaultUpstream late = FaultUpstream.answeringAfter(Duration.ofMillis(600))) {
      gateway = GatewayUnderTest.start(route("late").pathPrefix("/").timeouts(SHORT).upstream(late.uri()).build());
      try (RawClient client = gateway.connect()) {
        assertThat(client.get("/first").status()).isEqualTo(504);
        assertThat(client.get("/second").status()).isEqualTo(504);
      }
      assertThat(late.recorder().connections()).as("the timed-out connection is never reused").isEqualTo(2);
    }
  }

  @Test
  void everyUpstreamEjectedIs503WithRetryAfter() throws Exception {
    gateway = GatewayUnderTest.start(route("down").pathPrefix("/").retries(0)
        .upstream(FaultUpstream.refusedUri()).upstream(FaultUpstream.refusedUri()).build());
    try (RawClient client = gateway.connect()) {
      for (int i = 0; i < 6; i++) {
        assertThat(client.get("/x").status()).as("attempt %d", i).isEqualTo(502);
      }
      RawClient.Response response = client.get("/x");

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.header("Retry-After")).contains("1");
      assertThat(response.header("Content-Type")).contains("application/problem+json");
    }
  }

  @Test
  void anUpstreamThatClosesWithoutAnsweringIs502AndIsNotRetried() throws Exception {
    try (RecordingUpstream hangingUp = RecordingUpstream.start((request, socket) -> socket.close())) {
      gateway = GatewayUnderTest.start(route("flaky").pathPrefix("/").retries(1)
          .upstream(hangingUp.uri()).upstream(healthy.uri()).build());
      try (RawClient client = gateway.connect()) {
        assertThat(client.get("/x").status()).isEqualTo(502);
      }
      assertThat(hangingUp.onlyRequest().requestLine()).isEqualTo("GET /x HTTP/1.1");
      assertThat(healthy.connections()).as("the request reached an upstream: not retried").isZero();
    }
  }

  @ParameterizedTest(name = "chunked: {0}")
  @ValueSource(booleans = {false, true})
  void aResetMidResponseClosesTheClientConnection(boolean chunked) throws Exception {
    try (FaultUpstream reset = FaultUpstream.resettingMidBody(chunked)) {
      gateway = GatewayUnderTest.start(route("reset").pathPrefix("/").retries(1)
          .upstream(reset.uri()).upstream(healthy.uri()).build());
      try (RawClient client = gateway.connect()) {
        client.write(RawClient.head("GET", "/x"));
        RawClient.Head head = client.readHead();
        assertThat(head.status()).isEqualTo(200);

        reset.breakNow();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        assertThatThrownBy(() -> client.readBody(head, body, new CRC32()))
            .as("the message must not look complete").isInstanceOf(EOFException.class);
        assertThat(body.toString()).isEqualTo(FaultUpstream.PARTIAL_BODY);
      }
      assertThat(healthy.connections()).as("a response had started: never retried").isZero();
    }
  }

  @ParameterizedTest(name = "chunked: {0}")
  @ValueSource(booleans = {false, true})
  void anUpstreamClosingBeforeTheBodyEndsClosesTheClientConnection(boolean chunked) throws Exception {
    try (FaultUpstream cut = FaultUpstream.closingBeforeBodyEnd(chunked)) {
      gateway = GatewayUnderTest.start(route("cut").pathPrefix("/").upstream(cut.uri()).build());
      try (RawClient client = gateway.connect()) {
        client.write(RawClient.head("GET", "/x"));
        RawClient.Head head = client.readHead();
        assertThat(head.status()).isEqualTo(200);

        assertThatThrownBy(() -> client.readBody(head, null, new CRC32()))
            .as("the message must not look complete").isInstanceOf(EOFException.class);
      }
    }
  }

  @Test
  void retriesAGetOnTheNextUpstreamWhenTheConnectIsRefused() throws Exception {
    gateway = GatewayUnderTest.start(route("retry").pathPrefix("/").retries(1)
        .upstream(FaultUpstream.refusedUri()).upstream(healthy.uri()).build());
    try (RawClient client = gateway.connect()) {
      assertThat(client.get("/x").status()).isEqualTo(200);
    }
    assertThat(healthy.onlyRequest().requestLine()).isEqualTo("GET /x HTTP/1.1");
  }

  @Test
  void neverRetriesAPost() throws Exception {
    gateway = GatewayUnderTest.start(route("retry").pathPrefix("/").retries(1)
        .upstream(FaultUpstream.refusedUri()).upstream(healthy.uri()).build());
    try (RawClient client = gateway.connect()) {
      client.write("POST /x HTTP/1.1\r\nHost: gateway\r\nContent-Length: 4\r\n\r\nonce");

      assertThat(client.readResponse().status()).isEqualTo(502);
    }
    assertThat(healthy.connections()).isZero();
  }
}
