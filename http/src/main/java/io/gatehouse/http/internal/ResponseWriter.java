package io.gatehouse.http.internal;

import io.gatehouse.http.handler.Response;
import io.gatehouse.http.observe.RequestIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/** Turns a {@link Response} into the Netty response for an exchange. */
final class ResponseWriter {
  /** The values are copied from a {@link Response}, whose headers validated them when set. */
  private static final HttpHeadersFactory COPIED_HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withNameValidation(false).withValidation(false);

  /** The name as bytes, hashed once. */
  private static final AsciiString REQUEST_ID = AsciiString.cached(RequestIds.HEADER);

  private ResponseWriter() {}

  /**
   * Prepares a streamed response head in place: framing headers are the core's, the rest the
   * handler's. Returns whether the connection stays open after it.
   */
  static boolean streamedHead(Exchange exchange, HttpResponse head, boolean keepAlive) {
    HttpVersion version = exchange.head.protocolVersion();
    head.setProtocolVersion(responseVersion(exchange));
    int status = head.status().code();
    boolean bodiless = status == 204 || status == 304 || (status >= 100 && status < 200)
        || HttpMethod.HEAD.equals(exchange.head.method());
    if (!bodiless && !head.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      if (version == HttpVersion.HTTP_1_0) {
        keepAlive = false; // an HTTP/1.0 body of unknown length ends with the connection
      } else {
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }
    setCoreHeaders(head.headers(), exchange, keepAlive);
    return keepAlive;
  }

  static FullHttpResponse toNetty(Exchange exchange, Response response, boolean keepAlive) {
    boolean head = HttpMethod.HEAD.equals(exchange.head.method());
    // 204 and 304 never have content; a 304's length would have to be the 200's, so none is sent.
    boolean bodiless = response.status() == 204 || response.status() == 304;
    ByteBuf content = head || bodiless ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body());
    FullHttpResponse netty = new DefaultFullHttpResponse(responseVersion(exchange),
        HttpResponseStatus.valueOf(response.status()), content, COPIED_HEADERS,
        DefaultHttpHeadersFactory.trailersFactory());
    netty.headers().set(response.headers());
    // Framing is the core's job: a handler's Transfer-Encoding or Connection never reaches the wire.
    netty.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
    if (bodiless) {
      netty.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    } else {
      netty.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
    }
    setCoreHeaders(netty.headers(), exchange, keepAlive);
    return netty;
  }

  /** HTTP/1.0 clients get HTTP/1.0 responses; everyone else HTTP/1.1. */
  private static HttpVersion responseVersion(Exchange exchange) {
    HttpVersion version = exchange.head.protocolVersion();
    return version == HttpVersion.HTTP_1_0 ? version : HttpVersion.HTTP_1_1;
  }

  /** The headers every response gets from the core, whatever the handler set: Connection, Date, X-Request-Id. */
  private static void setCoreHeaders(HttpHeaders headers, Exchange exchange, boolean keepAlive) {
    headers.remove(HttpHeaderNames.CONNECTION);
    headers.set(HttpHeaderNames.DATE, HttpDate.now());
    headers.set(REQUEST_ID, exchange.requestId);
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (exchange.head.protocolVersion() == HttpVersion.HTTP_1_0) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
  }
}
