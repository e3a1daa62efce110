package io.gatehouse.gateway.route;

import io.gatehouse.gateway.path.PathNormalizer;
import io.gatehouse.http.HttpException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One upstream of a route: where requests go, and the base path put in front of the forwarded
 * path. Plain {@code http} only: no user info, query or fragment, which would either leak into
 * logs or change what the upstream receives behind the route's back.
 *
 * @param host host name or IP address, lower-case; an IPv6 address in brackets
 * @param port TCP port, 1 to 65535
 * @param basePath {@code ""}, or a canonical path without a trailing slash ({@code /api})
 */
public record Upstream(String host, int port, String basePath) {
  private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");

  /** Validates every field. */
  public Upstream {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("upstream host must not be blank, was: " + Syntax.quote(host));
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("upstream port must be from 1 to 65535, was: " + port);
    }
    if (basePath == null || !basePath.isEmpty() && (basePath.endsWith("/") || !isCanonical(basePath))) {
      throw new IllegalArgumentException(
          "upstream base path must be a canonical path without a trailing /, was: " + Syntax.quote(basePath));
    }
  }

  /**
   * Parses {@code http://host[:port][/base]}; the port defaults to 80, a trailing {@code /} on the
   * base path is dropped.
   */
  public static Upstream parse(String uri) {
    if (uri == null) {
      throw invalid(null, "missing");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw invalid(uri, "not a URI");
    }
    if (!"http".equalsIgnoreCase(parsed.getScheme()) || parsed.isOpaque()) {
      throw invalid(uri, "the scheme must be http");
    }
    if (parsed.getRawUserInfo() != null || parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
      throw invalid(uri, "user info, query and fragment are not allowed");
    }
    if (parsed.getHost() == null) {
      throw invalid(uri, "no host");
    }
    String path = parsed.getRawPath();
    String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int port = parsed.getPort() == -1 ? 80 : parsed.getPort();
    return new Upstream(parsed.getHost().toLowerCase(Locale.ROOT), port, basePath);
  }

  /** {@code http://host:port/base}. */
  public String uri() {
    return "http://" + host + ":" + port + basePath;
  }

  /** The request path the upstream receives for a route's forwarded path: the base path, then it. */
  public String pathFor(String forwardPath) {
    return basePath.isEmpty() ? forwardPath : basePath + forwardPath;
  }

  private static boolean isCanonical(String path) {
    try {
      return PathNormalizer.normalize(path).equals(path);
    } catch (HttpException e) {
      return false;
    }
  }

  /** The message quotes the URI with any user info masked: it may hold a password. */
  private static IllegalArgumentException invalid(String uri, String reason) {
    String shown = uri == null ? null : USER_INFO.matcher(uri).replaceFirst("//***@");
    return new IllegalArgumentException(
        "upstreams entries must be http://host[:port][/base] (" + reason + "), was: " + Syntax.quote(shown));
  }
}
