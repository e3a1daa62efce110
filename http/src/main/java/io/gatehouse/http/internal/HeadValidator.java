package io.gatehouse.http.internal;

import io.gatehouse.http.HttpException;
import io.gatehouse.http.server.ServerLimits;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Locale;

/**
 * Checks a decoded request head against what Netty's decoder leaves to us: header count, one
 * {@code Host} on HTTP/1.1, {@code Transfer-Encoding} exactly {@code chunked}, {@code CONNECT},
 * the request-target form and its characters, and {@code Expect}. Every failure closes the connection.
 */
final class HeadValidator {
  private static final String REG_NAME_CHARS = "-._~!$&'()*+,;=%";

  private final ServerLimits limits;

  HeadValidator(ServerLimits limits) {
    this.limits = limits;
  }

  /**
   * Validates the head.
   *
   * @return the request target in origin-form (absolute-form for this host is reduced to its path)
   * @throws HttpException 400, 414, 417, 431 or 505, always closing the connection
   */
  String validate(HttpRequest request) {
    HttpVersion version = request.protocolVersion();
    if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
      throw refuse(505, "only HTTP/1.1 and HTTP/1.0 are supported");
    }
    if (request.headers().size() > limits.maxHeaderCount()) {
      throw refuse(431, "more than " + limits.maxHeaderCount() + " header fields");
    }
    if (HttpMethod.CONNECT.equals(request.method())) {
      throw refuse(400, "CONNECT is not supported");
    }
    String host = host(request);
    checkTransferEncoding(request);
    String target = originForm(request, host);
    String expect = request.headers().get(HttpHeaderNames.EXPECT);
    if (expect != null && (version != HttpVersion.HTTP_1_1 || !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect))) {
      throw refuse(417, "only Expect: 100-continue is supported");
    }
    return target;
  }

  private String host(HttpRequest request) {
    List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
    boolean http11 = request.protocolVersion() == HttpVersion.HTTP_1_1;
    if (hosts.size() > 1 || (http11 && hosts.isEmpty())) {
      throw refuse(400, "HTTP/1.1 requests need exactly one Host header");
    }
    if (hosts.isEmpty()) {
      return null;
    }
    String host = hosts.get(0);
    if (!host.isEmpty() && !isValidHost(host)) {
      throw refuse(400, "invalid Host header");
    }
    return host;
  }

  private static void checkTransferEncoding(HttpRequest request) {
    List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (codings.isEmpty()) {
      return;
    }
    if (codings.size() != 1 || !HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(codings.get(0).trim())) {
      throw refuse(400, "the only transfer coding accepted is a single chunked");
    }
  }

  private String originForm(HttpRequest request, String host) {
    String target = request.uri();
    if (target.length() > limits.maxUriBytes()) {
      throw refuse(414, "request target longer than " + limits.maxUriBytes() + " bytes");
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw refuse(400, "request target has a character that must be percent-encoded");
      }
    }
    if (target.startsWith("/")) {
      return target;
    }
    if ("*".equals(target) && HttpMethod.OPTIONS.equals(request.method())) {
      return target;
    }
    String lower = target.toLowerCase(Locale.ROOT);
    int schemeEnd = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
    if (schemeEnd < 0) {
      throw refuse(400, "request target must be origin-form");
    }
    int pathStart = target.indexOf('/', schemeEnd);
    String authority = pathStart < 0 ? target.substring(schemeEnd) : target.substring(schemeEnd, pathStart);
    if (host == null || !authority.equalsIgnoreCase(host)) {
      throw refuse(400, "absolute-form target is not for this host");
    }
    return pathStart < 0 ? "/" : target.substring(pathStart);
  }

  private static HttpException refuse(int status, String detail) {
    return HttpException.builder(status).detail(detail).closeConnection().build();
  }

  /**
   * {@code uri-host [":" port]} (RFC 9112 §3.2): a reg-name or IPv4 of unreserved, sub-delims and
   * pct-encoded characters, or an IP-literal in brackets; the port is 1-5 digits. Hand-written
   * because a regex here cost 6 % of a trivial request.
   */
  static boolean isValidHost(String host) {
    int end = host.length();
    int colon = host.lastIndexOf(':');
    int closing = host.lastIndexOf(']');
    if (colon > closing) {
      if (colon == end - 1 || end - colon - 1 > 5) {
        return false;
      }
      for (int i = colon + 1; i < end; i++) {
        if (!isDigit(host.charAt(i))) {
          return false;
        }
      }
      end = colon;
    }
    if (end == 0) {
      return false;
    }
    if (host.charAt(0) == '[') {
      if (host.charAt(end - 1) != ']' || end < 3) {
        return false;
      }
      for (int i = 1; i < end - 1; i++) {
        char c = host.charAt(i);
        if (!isDigit(c) && !((c | 0x20) >= 'a' && (c | 0x20) <= 'f') && c != ':' && c != '.') {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < end; i++) {
      char c = host.charAt(i);
      boolean letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      if (!letter && !isDigit(c) && REG_NAME_CHARS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
