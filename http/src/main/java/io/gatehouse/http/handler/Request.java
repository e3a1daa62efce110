package io.gatehouse.http.handler;

import io.gatehouse.http.HttpException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A request as a handler sees it: head, path parameters, request id and the (size-limited) body. */
public final class Request {
  private final String method;
  private final String path;
  private final String rawQuery;
  private final HttpHeaders headers;
  private final Map<String, String> pathParameters;
  private final String requestId;
  private final InetSocketAddress remoteAddress;
  private final byte[] body;
  private FormData query;

  /** Assembled by the server core (and by tests of handlers). */
  public Request(String method, String path, String rawQuery, HttpHeaders headers,
      Map<String, String> pathParameters, String requestId, InetSocketAddress remoteAddress, byte[] body) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.pathParameters = Map.copyOf(pathParameters);
    this.requestId = requestId;
    this.remoteAddress = remoteAddress;
    this.body = body;
  }

  /** The method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** The path without the query string, as received (percent-encoded). */
  public String path() {
    return path;
  }

  /** The raw query string, without {@code ?}; empty when absent. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The decoded query parameters. */
  public FormData query() {
    if (query == null) {
      query = FormData.decode(rawQuery);
    }
    return query;
  }

  /** The request headers (read-only use). */
  public HttpHeaders headers() {
    return headers;
  }

  /** A header's first value. */
  public Optional<String> header(CharSequence name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** A path parameter from the route template ({@code /users/{id}}), percent-decoded. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route has no path parameter " + name);
    }
    return value;
  }

  /** The request id (kept from a well-formed {@code X-Request-Id}, otherwise generated). */
  public String requestId() {
    return requestId;
  }

  /** The peer's address. */
  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  /** The body bytes (empty when none). */
  public byte[] body() {
    return body;
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; 415 unless the content type is JSON, 400 when it does not parse. */
  public <T> T json(Class<T> type) {
    requireContentType("application/json");
    return Json.read(body, type);
  }

  /** The body as a URL-encoded form; 415 unless the content type says so. */
  public FormData form() {
    requireContentType("application/x-www-form-urlencoded");
    return FormData.decode(bodyText());
  }

  private void requireContentType(String expected) {
    String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    if (!mediaType.equalsIgnoreCase(expected)) {
      throw HttpException.builder(415).detail("content type must be " + expected).build();
    }
  }
}
