package io.gatehouse.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes what must not cross the proxy: hop-by-hop headers (RFC 9110 §7.6.1) and every header
 * named in {@code Connection}, in both directions; on requests also the identity headers a client
 * could spoof (default {@code X-User-*}, {@code X-Gatehouse-*}, {@code X-Api-Key-*}) and every
 * forwarding header a client could spoof ({@code Forwarded}, {@code X-Forwarded-*},
 * {@code X-Real-IP}), which the proxy sets itself. Names are compared with {@code _} read as
 * {@code -}: CGI-style upstreams (WSGI, PHP, Rack) see {@code X_User_Id} as {@code X-User-Id}.
 */
public final class HeaderHygiene {
  /** Default identity-header prefixes stripped from every request. */
  public static final List<String> DEFAULT_IDENTITY_PREFIXES = List.of("x-user-", "x-gatehouse-", "x-api-key-");

  private static final Set<String> FORWARDING = Set.of("forwarded", "x-real-ip");
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate");

  private final List<String> identityPrefixes;

  /** Hygiene with identity-header prefixes (lower-case). */
  public HeaderHygiene(List<String> identityPrefixes) {
    this.identityPrefixes = identityPrefixes.stream().map(HeaderHygiene::comparable).toList();
  }

  /** Cleans request headers in place. */
  public void cleanRequest(HttpHeaders headers) {
    removeHopByHop(headers);
    List<String> spoofable = new ArrayList<>();
    for (Map.Entry<String, String> header : headers) {
      String name = comparable(header.getKey());
      if (FORWARDING.contains(name) || name.startsWith("x-forwarded-")
          || startsWithAny(name, identityPrefixes)) {
        spoofable.add(header.getKey());
      }
    }
    spoofable.forEach(headers::remove);
  }

  /** Lower case, {@code _} as {@code -}. */
  private static String comparable(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Cleans response headers in place. */
  public void cleanResponse(HttpHeaders headers) {
    removeHopByHop(headers);
  }

  private static void removeHopByHop(HttpHeaders headers) {
    for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
      for (String named : connection.split(",")) {
        headers.remove(named.trim());
      }
    }
    HOP_BY_HOP.forEach(headers::remove);
  }
}
