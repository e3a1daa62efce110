package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.fixture.Http;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocking handlers run on virtual threads; the guard catches blocking calls on an event loop. */
class BlockingTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .get("/where", r -> Response.text(200, describeThread()))
        .route(Route.builder("GET", "/where-blocking").blocking().handler(r -> Response.text(200, describeThread()))
            .build())
        .get("/jdbc", r -> {
          BlockingGuard.assertMayBlock("jdbc");
          return Response.text(200, "queried");
        })
        .route(Route.builder("GET", "/jdbc-blocking").blocking().handler(r -> {
          BlockingGuard.assertMayBlock("jdbc");
          return Response.text(200, "queried");
        }).build())
        .route(Route.builder("GET", "/wait").blocking().handler(r -> {
          release.await(10, TimeUnit.SECONDS);
          return Response.text(200, "released");
        }).build())
        .build());
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void runsABlockingRouteOnAVirtualThread() throws Exception {
    assertThat(Http.get(server.uri("/where-blocking")).body()).isEqualTo("virtual=true loop=false");
  }

  @Test
  void runsAPlainRouteOnTheEventLoop() throws Exception {
    assertThat(Http.get(server.uri("/where")).body()).isEqualTo("virtual=false loop=true");
  }

  @Test
  void answersABlockingCallOnTheEventLoopWith500() throws Exception {
    HttpResponse<String> response = Http.get(server.uri("/jdbc"));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("jdbc", "event loop");
  }

  @Test
  void letsTheSameCallThroughOnABlockingRoute() throws Exception {
    HttpResponse<String> response = Http.get(server.uri("/jdbc-blocking"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("queried");
  }

  @Test
  void keepsServingOtherRequestsWhileABlockingHandlerWaits() throws Exception {
    CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return Http.get(server.uri("/wait"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(Http.get(server.uri("/where")).statusCode()).isEqualTo(200);
    assertThat(waiting).isNotDone();
    release.countDown();
    assertThat(waiting.get(5, TimeUnit.SECONDS).body()).isEqualTo("released");
  }

  private static String describeThread() {
    return "virtual=" + Thread.currentThread().isVirtual() + " loop=" + BlockingGuard.onEventLoop();
  }
}
