package io.gatehouse.http.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.RawResponse;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A streaming handler on the core: echoes bodies chunk by chunk, refuses, limits, backpressure. */
class StreamingExchangeTest {
  private final AtomicInteger bodyReads = new AtomicInteger();
  private EventLoops loops;
  private HttpServer server;

  @AfterEach
  void stop() {
    server.drain();
    loops.close();
  }

  @Test
  void echoesABodyChunkByChunkAndKeepsTheConnection() throws Exception {
    start(this::echo);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    var first = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/echo"))
        .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    var second = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/echo"))
        .POST(HttpRequest.BodyPublishers.ofString("again")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("hello");
    assertThat(first.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(second.body()).isEqualTo("again");
  }

  @Test
  void streamsEightMebibytesBothWaysWithBackpressure() throws Exception {
    start(this::echo);
    byte[] body = new byte[8 * 1024 * 1024];
    new Random(7).nextBytes(body);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> {
        try {
          socket.getInputStream().transferTo(received);
        } catch (IOException e) {
          // the assertion below reports what arrived
        }
      });
      reader.start();
      OutputStream out = socket.getOutputStream();
      out.write(("POST /echo HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: " + body.length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      reader.join(30_000);

      byte[] raw = received.toByteArray();
      assertThat(dechunk(raw)).isEqualTo(body);
    }
  }

  /** The body of a chunked HTTP/1.1 response (head skipped). */
  private static byte[] dechunk(byte[] response) {
    int i = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0) + 4;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int lineEnd = indexOf(response, "\r\n".getBytes(StandardCharsets.US_ASCII), i);
      int size = Integer.parseInt(new String(response, i, lineEnd - i, StandardCharsets.US_ASCII).trim(), 16);
      if (size == 0) {
        return body.toByteArray();
      }
      body.write(response, lineEnd + 2, size);
      i = lineEnd + 2 + size + 2;
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("response is cut short");
  }

  @Test
  void refusalBeforeReadingTheBodyIsAProblemAndNeverReadsIt() throws Exception {
    start(exchange -> exchange.fail(HttpException.builder(403).detail("not for you").build()));
    try (RawConnection connection = RawConnection.open(server.port())) {
      RawResponse response = connection.write("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
          + "Expect: 100-continue\r\n\r\n").readResponse();

      assertThat(response.status()).as("no 100 Continue before the refusal").isEqualTo(403);
      assertThat(response.header("Content-Type")).contains("application/problem+json");
      assertThat(connection.closedByServer()).isTrue();
      assertThat(bodyReads).hasValue(0);
    }
  }

  @Test
  void bodyOverTheHandlersLimitIs413() throws Exception {
    start(exchange -> {
      exchange.limitBody(10);
      if (!exchange.responseStarted()) {
        echo(exchange);
      }
    });
    try (RawConnection connection = RawConnection.open(server.port())) {
      RawResponse response = connection.write("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\n"
          + "01234567890").readResponse();

      assertThat(response.status()).isEqualTo(413);
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void aHandlerThatThrowsGetsA500WithoutDetails() throws Exception {
    start(exchange -> {
      throw new IllegalStateException("secret-internal-detail");
    });
    try (RawConnection connection = RawConnection.open(server.port())) {
      RawResponse response = connection.write("GET /x HTTP/1.1\r\nHost: t\r\n\r\n").readResponse();

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText()).doesNotContain("secret-internal-detail");
    }
  }

  @Test
  void fixedLengthResponsesKeepTheirLengthAndPipelinedRequestsStayInOrder() throws Exception {
    start(exchange -> exchange.readBody(content -> {
      content.release();
      if (content instanceof LastHttpContent) {
        byte[] text = exchange.path().getBytes(StandardCharsets.UTF_8);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().setInt("Content-Length", text.length);
        exchange.respond(head);
        exchange.write(new DefaultLastHttpContent(Unpooled.wrappedBuffer(text)));
      }
    }));
    try (RawConnection connection = RawConnection.open(server.port())) {
      var responses = connection.write("GET /a HTTP/1.1\r\nHost: t\r\n\r\nGET /b HTTP/1.1\r\nHost: t\r\n\r\n")
          .readResponses(2);

      assertThat(responses).extracting(RawResponse::bodyText).containsExactly("/a", "/b");
      assertThat(responses.get(0).header("Content-Length")).contains("2");
    }
  }

  @Test
  void aHeadWhoseBodyIsNotThereYetGoesOutOnFlush() throws Exception {
    AtomicReference<ServerExchange> waiting = new AtomicReference<>();
    start(exchange -> {
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      head.headers().setInt("Content-Length", 0);
      exchange.respond(head);
      if (exchange.path().equals("/late")) {
        waiting.set(exchange); // before the flush: the client may hold the head before this thread goes on
        exchange.flush(); // its last piece is written only once the client has the head
      } else {
        exchange.write(LastHttpContent.EMPTY_LAST_CONTENT);
      }
    });
    try (RawConnection connection = RawConnection.open(server.port())) {
      RawResponse head = connection.write("GET /late HTTP/1.1\r\nHost: t\r\n\r\n").readResponseWithoutBody();
      assertThat(head.status()).isEqualTo(200);

      ServerExchange late = waiting.get();
      late.eventLoop().execute(() -> late.write(LastHttpContent.EMPTY_LAST_CONTENT));
      RawResponse next = connection.write("GET /next HTTP/1.1\r\nHost: t\r\n\r\n").readResponse();
      assertThat(next.status()).as("the exchange ended and the connection carried the next").isEqualTo(200);
    }
  }

  @Test
  void tellsOnlyTheCurrentExchangeThatTheClientWentAway() throws Exception {
    AtomicInteger closedCallbacks = new AtomicInteger();
    java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
    start(exchange -> {
      exchange.whenClosed(closedCallbacks::incrementAndGet);
      if (exchange.path().equals("/stall")) {
        stalled.countDown();
        return; // never answers
      }
      exchange.readBody(content -> {
        content.release();
        if (content instanceof LastHttpContent) {
          HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
          exchange.respond(head);
          exchange.write(LastHttpContent.EMPTY_LAST_CONTENT);
        }
      });
    });
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.write("GET /a HTTP/1.1\r\nHost: t\r\n\r\nGET /b HTTP/1.1\r\nHost: t\r\n\r\n").readResponses(2);
      connection.write("GET /stall HTTP/1.1\r\nHost: t\r\n\r\n");
      assertThat(stalled.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (closedCallbacks.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(closedCallbacks).as("finished exchanges keep nothing on the connection").hasValue(1);
  }

  private void echo(ServerExchange exchange) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    exchange.respond(head);
    exchange.readBody(content -> {
      bodyReads.incrementAndGet();
      if (content instanceof LastHttpContent) {
        exchange.write(new DefaultLastHttpContent(content.content()));
      } else {
        exchange.write(new DefaultHttpContent(content.content()));
        if (!exchange.writable()) {
          exchange.pauseBody();
          exchange.whenWritable(exchange::resumeBody);
        }
      }
    });
  }

  @Test
  void aResponseBeforeTheBodyEndsKeepsTheConnectionWhenTheHandlerStillTakesTheBody() throws Exception {
    java.util.concurrent.atomic.AtomicLong taken = new java.util.concurrent.atomic.AtomicLong();
    start(exchange -> {
      // Like a proxy whose upstream answered early: respond at once, keep consuming the body.
      exchange.readBody(content -> {
        taken.addAndGet(content.content().readableBytes());
        content.release();
      });
      var head = new io.netty.handler.codec.http.DefaultHttpResponse(
          io.netty.handler.codec.http.HttpVersion.HTTP_1_1, io.netty.handler.codec.http.HttpResponseStatus.OK);
      head.headers().set("Content-Length", 0);
      exchange.respond(head);
      exchange.write(new io.netty.handler.codec.http.DefaultLastHttpContent());
    });
    try (RawConnection connection = RawConnection.open(server.port())) {
      connection.write("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n01234");
      RawResponse early = connection.readResponse();
      connection.write("56789");
      RawResponse next = connection.write("GET /y HTTP/1.1\r\nHost: t\r\n\r\n").readResponse();

      assertThat(early.status()).isEqualTo(200);
      assertThat(next.status()).as("the connection carried the next request").isEqualTo(200);
      assertThat(taken).hasValue(10);
    }
  }

  @Test
  void aResponseBeforeTheBodyEndsThatLeavesTheBodyUnreadClosesAndSaysSo() throws Exception {
    start(exchange -> {
      HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.ACCEPTED);
      head.headers().setInt("Content-Length", 2);
      exchange.respond(head);
      exchange.write(new DefaultLastHttpContent(Unpooled.wrappedBuffer("ok".getBytes(StandardCharsets.US_ASCII))));
    });
    try (RawConnection connection = RawConnection.open(server.port())) {
      RawResponse response = connection.write("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n01234")
          .readResponse();

      assertThat(response.status()).isEqualTo(202);
      assertThat(response.bodyText()).isEqualTo("ok");
      assertThat(response.header("Connection")).as("the unread body ends the connection").contains("close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  private void start(StreamingHandler handler) {
    loops = EventLoops.create(1);
    server = HttpServer.builder().name("stream").eventLoops(loops).port(0).streaming(handler).build().start();
  }
}
