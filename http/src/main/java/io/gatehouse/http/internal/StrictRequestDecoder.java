package io.gatehouse.http.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Netty's request decoder, configured strictly (bare CR/LF rejected, RFC 9112 transfer coding
 * rules, no duplicate {@code Content-Length}, validated header names and values), plus what it
 * does not refuse itself: obsolete line folding, which Netty would silently join.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
  /** Room for method and version around an 8 KiB target. */
  static final int REQUEST_LINE_OVERHEAD = 32;

  private boolean atMessageStart = true;
  private boolean failed;

  StrictRequestDecoder(int maxUriBytes, int maxHeaderBytes) {
    super(new HttpDecoderConfig()
        .setMaxInitialLineLength(maxUriBytes + REQUEST_LINE_OVERHEAD)
        .setMaxHeaderSize(maxHeaderBytes)
        .setMaxChunkSize(64 * 1024)
        .setAllowDuplicateContentLengths(false)
        .setAllowPartialChunks(true)
        .setStrictLineParsing(true)
        .setUseRfc9112TransferEncoding(true)
        .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(true))
        .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(true)));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
    if (failed) {
      buffer.skipBytes(buffer.readableBytes());
      return;
    }
    if (atMessageStart && HeadScan.hasObsoleteFold(buffer)) {
      failed = true;
      buffer.skipBytes(buffer.readableBytes());
      DefaultFullHttpRequest invalid = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request");
      invalid.setDecoderResult(DecoderResult.failure(new ObsoleteFoldException()));
      out.add(invalid);
      return;
    }
    int before = out.size();
    super.decode(ctx, buffer, out);
    for (int i = before; i < out.size(); i++) {
      Object decoded = out.get(i);
      if (decoded instanceof LastHttpContent) {
        atMessageStart = true;
      } else if (decoded instanceof HttpMessage) {
        atMessageStart = false;
      }
    }
  }

  /** Obsolete line folding (RFC 9112 §5.2) in a request head. */
  static final class ObsoleteFoldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ObsoleteFoldException() {
      super("obsolete line folding in header section");
    }
  }
}
