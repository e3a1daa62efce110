package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.fixture.Calls;
import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Persistent connections: pipelined requests answered in order, and when a connection ends. */
class KeepAliveAndPipeliningTest {
  private final Calls calls = new Calls();
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Router.builder()
        .get("/fast/{n}", calls.counting(r -> Response.text(200, "fast " + r.pathParameter("n"))))
        .route(Route.builder("GET", "/slow").blocking().handler(calls.counting(r -> {
          Thread.sleep(150); // long enough that an out-of-order server would answer /fast first
          return Response.text(200, "slow");
        })).build())
        .post("/echo", calls.counting(r -> Response.text(200, r.bodyText())))
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersSequentialRequestsOnOneConnection() throws Exception {
    try (RawConnection connection = server.connect()) {
      for (int i = 0; i < 3; i++) {
        RawResponse response = connection.write(get("/fast/" + i)).readResponse();
        assertThat(response.bodyText()).isEqualTo("fast " + i);
        assertThat(response.header("Connection")).isEmpty();
      }
    }
  }

  @Test
  void answersPipelinedRequestsInRequestOrderEvenWhenTheFirstIsSlower() throws Exception {
    try (RawConnection connection = server.connect()) {
      connection.write(get("/slow") + get("/fast/1") + post("/echo", "body") + get("/fast/2"));
      List<RawResponse> responses = connection.readResponses(4);
      assertThat(responses).extracting(RawResponse::bodyText).containsExactly("slow", "fast 1", "body", "fast 2");
      assertThat(calls.count()).isEqualTo(4);
    }
  }

  @Test
  void answersAPipelineLongerThanTheReadAheadQueueInOrder() throws Exception {
    int count = ServerLimits.defaults().maxPipelinedRequests() * 4;
    StringBuilder pipeline = new StringBuilder(get("/slow"));
    for (int i = 1; i < count; i++) {
      pipeline.append(i % 2 == 0 ? get("/fast/" + i) : post("/echo", "echo " + i));
    }
    try (RawConnection connection = server.connect()) {
      List<RawResponse> responses = connection.write(pipeline.toString()).readResponses(count);
      assertThat(responses.get(0).bodyText()).isEqualTo("slow");
      for (int i = 1; i < count; i++) {
        assertThat(responses.get(i).bodyText()).isEqualTo(i % 2 == 0 ? "fast " + i : "echo " + i);
      }
    }
  }

  @Test
  void answersA404InTheMiddleOfAPipelineAndGoesOn() throws Exception {
    try (RawConnection connection = server.connect()) {
      connection.write(get("/slow") + get("/missing") + get("/fast/2") + get("/slow"));
      List<RawResponse> responses = connection.readResponses(4);
      assertThat(responses).extracting(RawResponse::status).containsExactly(200, 404, 200, 200);
      assertThat(responses).extracting(RawResponse::bodyText).element(2).isEqualTo("fast 2");
      assertThat(calls.count()).isEqualTo(3);
    }
  }

  @Test
  void answersABadRequestInAPipelineWith400AndClosesBeforeTheRest() throws Exception {
    try (RawConnection connection = server.connect()) {
      connection.write(get("/slow") + "GET /fast/2 HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n"
          + get("/fast/3"));
      List<RawResponse> responses = connection.readResponses(2);
      assertThat(responses).extracting(RawResponse::status).containsExactly(200, 400);
      assertThat(responses.get(1).header("Connection")).contains("close");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isEqualTo(1);
    }
  }

  @Test
  void closesAfterAnHttp10RequestWithoutKeepAlive() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /fast/1 HTTP/1.0\r\n\r\n" + get("/fast/2")).readResponse();
      assertThat(response.statusLine()).startsWith("HTTP/1.0 200");
      assertThat(response.header("Connection")).contains("close");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isEqualTo(1);
    }
  }

  @Test
  void keepsAnHttp10ConnectionThatAsksForKeepAlive() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse first = connection.write("GET /fast/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
      RawResponse second = connection.write(get("/fast/2")).readResponse();
      assertThat(first.header("Connection")).contains("keep-alive");
      assertThat(second.bodyText()).isEqualTo("fast 2");
    }
  }

  @Test
  void closesAfterARequestWithConnectionClose() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse response = connection.write("GET /fast/1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
          + get("/fast/2")).readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Connection")).contains("close");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(calls.count()).isEqualTo(1);
    }
  }

  @Test
  void keepsTheConnectionAfterA404WithoutBody() throws Exception {
    try (RawConnection connection = server.connect()) {
      RawResponse missing = connection.write(get("/missing")).readResponse();
      RawResponse next = connection.write(get("/fast/1")).readResponse();
      assertThat(missing.status()).isEqualTo(404);
      assertThat(next.bodyText()).isEqualTo("fast 1");
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  private static String post(String path, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }
}
