package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graceful drain: no new connections, in-flight requests finish with {@code Connection: close}. */
class DrainTest {
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .get("/hello", r -> Response.text(200, "hello"))
        .route(Route.builder("GET", "/wait").blocking().handler(r -> {
          entered.countDown();
          release.await(10, TimeUnit.SECONDS);
          return Response.text(200, "done");
        }).build())
        .build());
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void finishesTheRequestInFlightWithConnectionCloseAndClosesIdleConnections() throws Exception {
    try (RawConnection busy = server.connect(); RawConnection idle = server.connect()) {
      assertThat(idle.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n").readResponse().status()).isEqualTo(200);
      busy.write("GET /wait HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> drain = CompletableFuture.runAsync(() -> server.server().drain());

      assertThat(idle.closedByServer()).as("idle keep-alive connection closed").isTrue();
      assertThatThrownBy(() -> RawConnection.open(server.port())).isInstanceOf(ConnectException.class);
      assertThat(drain).isNotDone();

      release.countDown();
      RawResponse response = busy.readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("done");
      assertThat(response.header("Connection")).contains("close");
      assertThat(busy.closedByServer()).isTrue();
      drain.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void closesAConnectionThatHasNotSentARequestYet() throws Exception {
    try (RawConnection silent = server.connect()) {
      Thread.sleep(50); // let the server accept it
      server.server().drain();
      assertThat(silent.closedByServer()).isTrue();
    }
  }

  @Test
  void returnsAfterTheDrainTimeoutWhenAHandlerNeverFinishes() throws Exception {
    try (RawConnection busy = server.connect()) {
      busy.write("GET /wait HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      CompletableFuture.runAsync(() -> server.server().drain()).get(TestServer.DRAIN_TIMEOUT.toSeconds() + 5,
          TimeUnit.SECONDS);
      assertThat(busy.closedByServer()).isTrue();
    }
  }
}
