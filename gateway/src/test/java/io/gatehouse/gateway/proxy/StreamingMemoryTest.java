package io.gatehouse.gateway.proxy;

import static io.gatehouse.gateway.testing.GatewayUnderTest.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.testing.Await;
import io.gatehouse.gateway.testing.BufferMemory;
import io.gatehouse.gateway.testing.FaultUpstream;
import io.gatehouse.gateway.testing.GatewayUnderTest;
import io.gatehouse.gateway.testing.RawClient;
import io.gatehouse.gateway.testing.Received;
import io.gatehouse.gateway.testing.RecordingUpstream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies far larger than memory stream through with backpressure: when the receiving side stops
 * reading, the sending side stalls after a few socket buffers' worth, and Netty's buffer memory
 * stays far below the size moved. Every byte arrives, in order (length and CRC32).
 */
class StreamingMemoryTest {
  private static final long GIBIBYTE = 1L << 30;
  private static final long UPLOAD = 256L << 20;
  /** Far below what is moved; room for socket buffers, pool chunks and thread caches. */
  private static final long MEMORY_BOUND = 64L << 20;

  private GatewayUnderTest gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void streamsAGibibyteDownloadInBoundedMemory() throws Exception {
    try (FaultUpstream upstream = FaultUpstream.streaming(GIBIBYTE);
         BufferMemory memory = BufferMemory.watch()) {
      gateway = GatewayUnderTest.start(route("files").pathPrefix("/").upstream(upstream.uri()).build());
      try (RawClient client = gateway.connect()) {
        client.write(RawClient.head("GET", "/big"));
        RawClient.Head head = client.readHead();
        assertThat(head.header("Content-Length")).contains(Long.toString(GIBIBYTE));

        long sentWhileClientStopped = Await.stalled("upstream writes", upstream::bytesSent, 200);
        assertThat(sentWhileClientStopped).as("upstream held back by a client that does not read")
            .isLessThan(MEMORY_BOUND);

        CRC32 crc = new CRC32();
        long received = client.readBody(head, null, crc);

        assertThat(received).isEqualTo(GIBIBYTE);
        assertThat(crc.getValue()).isEqualTo(upstream.sentCrc());
        assertThat(client.get("/again?size=10").body()).as("the connection carries on").hasSize(10);
      }
      assertThat(memory.peak()).as("peak buffer memory").isLessThan(MEMORY_BOUND);
    }
  }

  @Test
  void streamsAChunkedUploadOfAQuarterGibibyteInBoundedMemory() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start();
         BufferMemory memory = BufferMemory.watch()) {
      gateway = GatewayUnderTest.start(route("upload").pathPrefix("/").maxBodyBytes(UPLOAD).upstream(upstream.uri())
          .build());
      upstream.holdBodies();
      try (RawClient client = gateway.connect()) {
        AtomicLong sent = new AtomicLong();
        CRC32 sentCrc = new CRC32();
        CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> upload(client.output(), sent, sentCrc));

        long sentWhileUpstreamStopped = Await.stalled("client writes", sent::get, 200);
        assertThat(sentWhileUpstreamStopped).as("client held back by an upstream that does not read")
            .isLessThan(MEMORY_BOUND);
        upstream.releaseBodies();
        upload.get(60, TimeUnit.SECONDS);

        assertThat(client.readResponse().status()).isEqualTo(200);
        Received received = upstream.onlyRequest();
        assertThat(received.header("Transfer-Encoding")).contains("chunked");
        assertThat(received.bodyLength()).isEqualTo(UPLOAD);
        assertThat(received.bodyCrc()).isEqualTo(sentCrc.getValue());
      }
      assertThat(memory.peak()).as("peak buffer memory").isLessThan(MEMORY_BOUND);
    }
  }

  /** Writes a chunked POST of {@link #UPLOAD} bytes in 64 KiB chunks, counting and checksumming the body. */
  private static void upload(OutputStream out, AtomicLong sent, CRC32 crc) {
    byte[] block = new byte[64 * 1024];
    new Random(11).nextBytes(block);
    byte[] chunkHead = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    try {
      out.write(RawClient.head("POST", "/upload", "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
      for (long index = 0; sent.get() < UPLOAD; index++) {
        block[0] = (byte) index;
        block[1] = (byte) (index >>> 8);
        out.write(chunkHead);
        out.write(block);
        out.write(crlf);
        crc.update(block);
        sent.addAndGet(block.length);
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
