package io.gatehouse.gateway.proxy;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Removes what must not cross the proxy: hop-by-hop headers (RFC 9110 §7.6.1) and every header
 * named in {@code Connection}, in both directions; on requests also the identity headers a client
 * could spoof (default {@code X-User-*}, {@code X-Gatehouse-*}, {@code X-Api-Key-*}) and every
 * forwarding header a client could spoof ({@code Forwarded}, {@code X-Forwarded-*},
 * {@code X-Real-IP}), which the proxy sets itself, and the client's credentials
 * ({@code Authorization}, {@code X-API-Key}): an upstream only ever sees the token the gateway
 * puts there, also on routes that need none. Names are compared with {@code _} read as
 * {@code -}: CGI-style upstreams (WSGI, PHP, Rack) see {@code X_User_Id} as {@code X-User-Id}.
 */
public final class HeaderHygiene {
  /** Default identity-header prefixes stripped from every request. */
  public static final List<String> DEFAULT_IDENTITY_PREFIXES = List.of("x-user-", "x-gatehouse-", "x-api-key-");

  /**
   * The upstream copy is not validated again: the core's strict decoder validated every name and
   * value of the client's request (validating the copy was 2.5 % of the gateway's CPU).
   */
  private static final DefaultHttpHeadersFactory UNVALIDATED = DefaultHttpHeadersFactory.headersFactory()
      .withValidation(false);
  private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate");
  /** Forwarding headers the proxy sets itself, and the client's credentials. */
  private static final List<String> SPOOFABLE = List.of("forwarded", "x-real-ip", "authorization", "x-api-key");
  private static final String FORWARDING_PREFIX = "x-forwarded-";

  // Every header name of every request is checked against these: the names are grouped by length
  // and the prefixes by first character, so a name is compared with a few candidates, not all.
  private static final String[][] HOP_BY_HOP_BY_LENGTH = byLength(HOP_BY_HOP);
  private static final String[][] REMOVED_BY_LENGTH =
      byLength(Stream.concat(HOP_BY_HOP.stream(), SPOOFABLE.stream()).toList());

  private final String[] prefixes;
  private final boolean[] prefixFirstChars = new boolean[128];

  /** Hygiene with identity-header prefixes (compared case-insensitively, {@code _} as {@code -}). */
  public HeaderHygiene(List<String> identityPrefixes) {
    List<String> all = new ArrayList<>();
    all.add(FORWARDING_PREFIX);
    identityPrefixes.forEach(prefix -> all.add(prefix.toLowerCase(Locale.ROOT).replace('_', '-')));
    if (all.contains("")) {
      throw new IllegalArgumentException("an identity-header prefix must not be empty: it would strip every header");
    }
    this.prefixes = all.toArray(String[]::new);
    for (String prefix : prefixes) {
      if (prefix.charAt(0) < 128) {
        prefixFirstChars[prefix.charAt(0)] = true;
      }
    }
  }

  /**
   * The headers to send upstream: the client's, without what must not cross, in one pass (no
   * copy of a header that is removed again, no lookup per removed name).
   */
  public HttpHeaders upstreamRequest(HttpHeaders client) {
    HttpHeaders upstream = UNVALIDATED.newHeaders();
    List<String> connectionNamed = connectionNamed(client);
    Iterator<Map.Entry<CharSequence, CharSequence>> all = client.iteratorCharSequence();
    while (all.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = all.next();
      CharSequence name = header.getKey();
      if (!isOneOf(name, REMOVED_BY_LENGTH) && !hasSpoofablePrefix(name) && !isOneOf(name, connectionNamed)) {
        upstream.add(name, header.getValue());
      }
    }
    return upstream;
  }

  /** Cleans response headers in place. Removes by the names found, so a clean response costs one pass. */
  public void cleanResponse(HttpHeaders headers) {
    List<String> connectionNamed = connectionNamed(headers);
    List<CharSequence> removed = null;
    Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
    while (all.hasNext()) {
      CharSequence name = all.next().getKey();
      if (isOneOf(name, HOP_BY_HOP_BY_LENGTH) || isOneOf(name, connectionNamed)) {
        if (removed == null) {
          removed = new ArrayList<>(2);
        }
        removed.add(name);
      }
    }
    if (removed != null) {
      removed.forEach(headers::remove);
    }
  }

  /** Whether the name starts with {@code X-Forwarded-} or an identity prefix. */
  private boolean hasSpoofablePrefix(CharSequence name) {
    if (name.length() == 0) {
      return false;
    }
    char first = normalized(name.charAt(0));
    if (first >= 128 || !prefixFirstChars[first]) {
      return false;
    }
    for (String prefix : prefixes) {
      if (startsWith(name, prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The words grouped by length: {@code [n]} holds those of n characters. */
  private static String[][] byLength(List<String> words) {
    int longest = words.stream().mapToInt(String::length).max().orElse(0);
    String[][] table = new String[longest + 1][];
    for (int length = 0; length <= longest; length++) {
      int n = length;
      table[length] = words.stream().filter(word -> word.length() == n).toArray(String[]::new);
    }
    return table;
  }

  private static boolean isOneOf(CharSequence name, String[][] wordsByLength) {
    int length = name.length();
    if (length >= wordsByLength.length) {
      return false;
    }
    for (String word : wordsByLength[length]) {
      if (startsWith(name, word)) {
        return true;
      }
    }
    return false;
  }

  /** The lower-case names listed in the {@code Connection} headers; empty when there are none. */
  private static List<String> connectionNamed(HttpHeaders headers) {
    if (!headers.contains(HttpHeaderNames.CONNECTION)) {
      return List.of();
    }
    List<String> named = new ArrayList<>(2);
    for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
      for (String token : connection.split(",")) {
        String trimmed = token.trim();
        if (!trimmed.isEmpty()) {
          named.add(trimmed.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
      }
    }
    return named;
  }

  private static boolean isOneOf(CharSequence name, List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (name.length() == word.length() && startsWith(name, word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code name} starts with the lower-case {@code prefix}, ignoring case and reading {@code _} as {@code -}. */
  private static boolean startsWith(CharSequence name, String prefix) {
    if (name.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (normalized(name.charAt(i)) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Lower case, {@code _} read as {@code -}. */
  private static char normalized(char c) {
    if (c == '_') {
      return '-';
    }
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
