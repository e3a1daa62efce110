package io.gatehouse.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.http.fixture.RawConnection;
import io.gatehouse.http.fixture.TestServer;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Router;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Clients that send but never read: the server stops reading instead of buffering answers. */
class SlowReaderTest {
  /** Enough requests that unbounded buffering of their answers would show as tens of MiB. */
  private static final long REQUEST_BYTES = 16L << 20;
  private static final long MIB = 1L << 20;

  @Test
  void buffersLittleForAClientThatPipelinesRefusedRequestsWithoutReading() throws Exception {
    try (TestServer server = TestServer.start(Router.builder().get("/hello", r -> Response.text(200, "hi")).build());
        RawConnection connection = server.connect()) {
      long before = PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
      long written = writeForAWhile(connection, "GET /missing HTTP/1.1\r\nHost: a\r\n\r\n", Duration.ofSeconds(3));
      long grown = PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory() - before;
      assertThat(grown).as("direct memory held after %s KiB of unread 404s", written >> 10).isLessThan(16 * MIB);
    }
  }

  @Test
  void closesAClientThatStopsReadingAfterTheWriteTimeout() throws Exception {
    Duration shortWrite = Duration.ofMillis(300);
    ServerLimits limits = ServerLimits.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(60), shortWrite);
    String big = "x".repeat(1 << 16);
    try (TestServer server = TestServer.start(Router.builder().get("/big", r -> Response.text(200, big)).build(),
            limits);
        RawConnection connection = server.connect()) {
      writeForAWhile(connection, "GET /big HTTP/1.1\r\nHost: a\r\n\r\n", Duration.ofSeconds(2));
      assertThat(connection.readUntilClosed().length).as("bytes before the close").isLessThan(big.length() * 1000);
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  /** Writes the request over and over, without reading, until the time is up or the bytes are sent. */
  private static long writeForAWhile(RawConnection connection, String request, Duration time) throws Exception {
    byte[] batch = request.repeat(1000).getBytes(StandardCharsets.ISO_8859_1);
    AtomicLong written = new AtomicLong();
    Thread writer = Thread.ofPlatform().daemon().start(() -> {
      try {
        while (written.get() < REQUEST_BYTES) {
          connection.write(batch);
          written.addAndGet(batch.length);
        }
      } catch (IOException closed) {
        // the server closed the connection
      }
    });
    writer.join(time.toMillis());
    return written.get();
  }
}
