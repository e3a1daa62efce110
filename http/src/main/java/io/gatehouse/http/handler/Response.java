package io.gatehouse.http.handler;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A complete response: status, headers and body. Headers may be added until it is written. */
public final class Response {
  private static final byte[] EMPTY = new byte[0];

  private final int status;
  private final HttpHeaders headers = new DefaultHttpHeaders();
  private final byte[] body;

  private Response(int status, String contentType, byte[] body) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be 200-599, was: " + status);
    }
    this.status = status;
    this.body = body;
    if (contentType != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
  }

  /** A response with a body of a given media type. */
  public static Response of(int status, String contentType, byte[] body) {
    return new Response(status, contentType, body);
  }

  /** 200 with a JSON body. */
  public static Response json(Object value) {
    return json(200, value);
  }

  /** A JSON body with a status. */
  public static Response json(int status, Object value) {
    return new Response(status, "application/json", Json.write(value));
  }

  /** A UTF-8 text body. */
  public static Response text(int status, String text) {
    return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** A status without a body. */
  public static Response empty(int status) {
    return new Response(status, null, EMPTY);
  }

  /** Sets a header, replacing earlier values; returns this response. */
  public Response header(CharSequence name, Object value) {
    headers.set(name, value);
    return this;
  }

  /** The status code. */
  public int status() {
    return status;
  }

  /** The headers. */
  public HttpHeaders headers() {
    return headers;
  }

  /** The body bytes. */
  public byte[] body() {
    return body;
  }
}
