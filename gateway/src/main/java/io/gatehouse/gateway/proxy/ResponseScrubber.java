package io.gatehouse.gateway.proxy;

import io.gatehouse.gateway.credential.ForwardedToken;
import io.gatehouse.gateway.filter.GatewayContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps a secret the gateway added to a request (the internal JWT) out of the response, even when
 * the upstream echoes request headers: response headers containing it are dropped, and every
 * occurrence in the body is overwritten with {@code *} of the same length, so framing and
 * {@code Content-Length} stay valid. The body is streamed with at most {@code secret length - 1}
 * bytes held back across chunk boundaries.
 */
public final class ResponseScrubber {
  /** The context attribute naming the secret to scrub. */
  public static final GatewayContext.Key<ForwardedToken> SECRET =
      GatewayContext.Key.of("response-secret", ForwardedToken.class);

  private final String secret;
  private final ByteBuf needle;
  private final ByteBufAllocator alloc;
  /** The tail of the last chunk, which may hold the start of the secret; null when empty. */
  private ByteBuf carry;

  ResponseScrubber(ForwardedToken secret, ByteBufAllocator alloc) {
    this.secret = secret.token();
    this.needle = secret.bytes();
    this.alloc = alloc;
  }

  /** Removes every header whose value contains the secret. */
  void scrub(HttpHeaders headers) {
    List<CharSequence> names = null;
    Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
    while (all.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = all.next();
      CharSequence value = header.getValue();
      if (value.length() >= secret.length() && value.toString().contains(secret)) {
        if (names == null) {
          names = new ArrayList<>(1);
        }
        names.add(header.getKey());
      }
    }
    if (names != null) {
      names.forEach(headers::remove);
    }
  }

  /**
   * Takes a body chunk (ownership passes here) and returns what may be sent now, masked; on the
   * last chunk everything held is returned. The result may be empty but is never null.
   */
  ByteBuf scrub(ByteBuf chunk, boolean last) {
    ByteBuf work = carry == null ? chunk : alloc.compositeBuffer(2).addComponents(true, carry, chunk);
    carry = null;
    mask(work);
    int keep = last ? 0 : Math.min(work.readableBytes(), needle.readableBytes() - 1);
    if (keep > 0) {
      carry = alloc.buffer(keep).writeBytes(work, work.writerIndex() - keep, keep);
    }
    ByteBuf out = work.retainedSlice(work.readerIndex(), work.readableBytes() - keep);
    work.release();
    return out;
  }

  /** Frees what is held; idempotent, called when the exchange ends however it ends. */
  void release() {
    if (carry != null) {
      carry.release();
      carry = null;
    }
  }

  private void mask(ByteBuf work) {
    int from = work.readerIndex();
    while (true) {
      int at = ByteBufUtil.indexOf(needle, work.slice(from, work.writerIndex() - from));
      if (at < 0) {
        return;
      }
      int start = from + at;
      for (int i = 0; i < needle.readableBytes(); i++) {
        work.setByte(start + i, '*');
      }
      from = start + needle.readableBytes();
    }
  }
}
