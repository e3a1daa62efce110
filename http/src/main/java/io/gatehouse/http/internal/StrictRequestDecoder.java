package io.gatehouse.http.internal;

import io.gatehouse.http.HttpException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import java.util.List;

/**
 * Netty's request decoder, configured strictly (bare CR/LF rejected, RFC 9112 transfer coding
 * rules, no duplicate {@code Content-Length}, validated header names and values), plus what it
 * does not refuse itself: a loosely formed request line and obsolete line folding, which Netty
 * would silently join (see {@link HeadScan}), and a repeated {@code Content-Length} on HTTP/1.0.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {
  /** Room for method and version around an 8 KiB target. */
  static final int REQUEST_LINE_OVERHEAD = 32;

  private final int maxRequestLine;
  private boolean atMessageStart = true;
  private boolean requestLineChecked;
  private int contentLengthFields;
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
    this.maxRequestLine = maxUriBytes + REQUEST_LINE_OVERHEAD;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
    if (failed) {
      buffer.skipBytes(buffer.readableBytes());
      return;
    }
    if (atMessageStart && !scanHead(buffer, out)) {
      return;
    }
    int before = out.size();
    super.decode(ctx, buffer, out);
    for (int i = before; i < out.size(); i++) {
      Object decoded = out.get(i);
      if (decoded instanceof HttpMessage) {
        atMessageStart = false;
        contentLengthFields = 0;
      }
      if (decoded instanceof LastHttpContent) {
        atMessageStart = true;
        requestLineChecked = false;
      }
    }
  }

  /**
   * Refuses a second {@code Content-Length} field. Netty does so itself for HTTP/1.1 only; for
   * HTTP/1.0 it would take the first value, and a peer that took another would frame the stream
   * differently.
   */
  @Override
  protected AsciiString splitHeaderName(byte[] bytes, int start, int length) {
    AsciiString name = super.splitHeaderName(bytes, start, length);
    if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name) && ++contentLengthFields > 1) {
      throw new MalformedHeadException("more than one Content-Length field");
    }
    return name;
  }

  /**
   * The placeholder for a request whose request line could not be read. HTTP/1.1 rather than
   * Netty's HTTP/1.0, since its version is what the refusal is answered with.
   */
  @Override
  protected HttpMessage createInvalidMessage() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request");
  }

  /** Checks the unread part of a head before Netty consumes it; false when it was refused. */
  private boolean scanHead(ByteBuf buffer, List<Object> out) {
    int headerLines = buffer.readerIndex();
    if (!requestLineChecked) {
      int start = HeadScan.requestLineStart(buffer);
      int lf = HeadScan.requestLineEnd(buffer, start, maxRequestLine);
      if (lf < 0) {
        return true; // not all here yet, or too long: Netty waits or answers 414
      }
      if (!HeadScan.isWellFormedRequestLine(buffer, start, lf)) {
        fail(buffer, out, "malformed request line");
        return false;
      }
      requestLineChecked = true;
      headerLines = lf + 1;
    }
    if (HeadScan.hasObsoleteFold(buffer, headerLines)) {
      fail(buffer, out, "obsolete line folding is not accepted");
      return false;
    }
    return true;
  }

  private void fail(ByteBuf buffer, List<Object> out, String detail) {
    failed = true;
    buffer.skipBytes(buffer.readableBytes());
    HttpMessage invalid = createInvalidMessage();
    invalid.setDecoderResult(DecoderResult.failure(new MalformedHeadException(detail)));
    out.add(invalid);
  }

  /** The refusal for a decoding failure: 414, 431 or 400, always closing the connection. */
  static HttpException refusal(Throwable cause) {
    int status = 400;
    String detail = "malformed request";
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      detail = "request line too long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      detail = "header section too large";
    } else if (cause instanceof TooLongFrameException) {
      detail = "request framing too large";
    } else if (cause instanceof MalformedHeadException) {
      detail = cause.getMessage();
    }
    return HttpException.builder(status).detail(detail).closeConnection().build();
  }

  /** A request head Netty would accept but RFC 9112 does not; the message is safe for the wire. */
  static final class MalformedHeadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedHeadException(String detail) {
      super(detail);
    }
  }
}
