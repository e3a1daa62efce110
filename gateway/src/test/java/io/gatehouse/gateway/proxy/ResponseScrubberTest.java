package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.credential.ForwardedToken;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseScrubberTest {
  private static final String SECRET = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  @Test
  void masksTheSecretWhereverChunkBoundariesFallAndKeepsTheLength() {
    String body = "{\"echo\":\"Bearer " + SECRET + "\",\"again\":\"" + SECRET + "\"}";
    for (int chunkSize = 1; chunkSize <= body.length(); chunkSize += 7) {
      String out = run(body, chunkSize);

      assertThat(out).hasSameSizeAs(body).doesNotContain(SECRET).doesNotContain("eyJzdWIiOiJhbGljZSJ9");
      assertThat(out).isEqualTo(body.replace(SECRET, "*".repeat(SECRET.length())));
    }
  }

  @Test
  void leavesBodiesWithoutTheSecretUntouched() {
    String body = "eyJ almost " + SECRET.substring(0, SECRET.length() - 1) + " but not quite";

    assertThat(run(body, 5)).isEqualTo(body);
  }

  @Test
  void dropsResponseHeadersThatEchoTheSecret() {
    HttpHeaders headers = new DefaultHttpHeaders().add("X-Echo", "Bearer " + SECRET).add("X-Ok", "fine");
    new ResponseScrubber(ForwardedToken.of(SECRET), ByteBufAllocator.DEFAULT).scrub(headers);

    assertThat(headers.names()).containsExactly("X-Ok");
  }

  private static String run(String body, int chunkSize) {
    ResponseScrubber scrubber = new ResponseScrubber(ForwardedToken.of(SECRET), ByteBufAllocator.DEFAULT);
    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
    List<ByteBuf> sent = new ArrayList<>();
    for (int at = 0; at < bytes.length; at += chunkSize) {
      boolean last = at + chunkSize >= bytes.length;
      sent.add(scrubber.scrub(Unpooled.copiedBuffer(bytes, at, Math.min(chunkSize, bytes.length - at)), last));
    }
    scrubber.release();
    StringBuilder out = new StringBuilder();
    for (ByteBuf buf : sent) {
      out.append(buf.toString(StandardCharsets.US_ASCII));
      buf.release();
    }
    return out.toString();
  }
}
