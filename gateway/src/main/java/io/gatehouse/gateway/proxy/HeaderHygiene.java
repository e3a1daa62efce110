package io.gatehouse.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Removes what must not cross the proxy: hop-by-hop headers (RFC 9110 §7.6.1) and every header
 * named in {@code Connection}, in both directions; on requests also the identity headers a client
 * could spoof (default {@code X-User-*}, {@code X-Gatehouse-*}, {@code X-Api-Key-*}).
 */
public final class HeaderHygiene {
  /** Default identity-header prefixes stripped from every request. */
  public static final List<String> DEFAULT_IDENTITY_PREFIXES = List.of("x-user-", "x-gatehouse-", "x-api-key-");

  private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate");

  private final List<String> identityPrefixes;

  /** Hygiene with identity-header prefixes (lower-case). */
  public HeaderHygiene(List<String> identityPrefixes) {
    this.identityPrefixes = List.copyOf(identityPrefixes);
  }

  /** Cleans request headers in place. Allocates only when there is something to remove. */
  public void cleanRequest(HttpHeaders headers) {
    removeHopByHop(headers);
    List<CharSequence> spoofable = null;
    Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
    while (all.hasNext()) {
      CharSequence name = all.next().getKey();
      if (hasIdentityPrefix(name)) {
        if (spoofable == null) {
          spoofable = new ArrayList<>(2);
        }
        spoofable.add(name);
      }
    }
    if (spoofable != null) {
      spoofable.forEach(headers::remove);
    }
  }

  private boolean hasIdentityPrefix(CharSequence name) {
    for (String prefix : identityPrefixes) {
      if (AsciiString.regionMatches(name, true, 0, prefix, 0, prefix.length())) {
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
    if (headers.contains(HttpHeaderNames.CONNECTION)) {
      for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
        for (String named : connection.split(",")) {
          headers.remove(named.trim());
        }
      }
    }
    for (String name : HOP_BY_HOP) {
      headers.remove(name);
    }
  }
}
