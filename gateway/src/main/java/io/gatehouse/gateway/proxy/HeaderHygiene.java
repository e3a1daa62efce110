package io.gatehouse.gateway.proxy;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;
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

  private static final boolean[] TOKEN_CHARS = tokenChars();

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

  /**
   * Checks and cleans an upstream response head in place, in one pass over its fields: each name
   * must be a token and each value free of control characters (the upstream codec leaves this to
   * here rather than validate every field a second time as it stores it); hop-by-hop and
   * Connection-named fields are removed. Returns the framing the removed fields declared.
   *
   * @throws MalformedFieldException for a field no proxy may relay
   */
  public ResponseFraming cleanResponse(HttpResponse response) {
    HttpHeaders headers = response.headers();
    List<CharSequence> removed = null;
    List<CharSequence> connectionValues = null;
    boolean chunked = false;
    Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
    while (all.hasNext()) {
      Map.Entry<CharSequence, CharSequence> field = all.next();
      CharSequence name = field.getKey();
      CharSequence value = field.getValue();
      if (!isToken(name) || !isFieldValue(value)) {
        throw new MalformedFieldException();
      }
      if (isOneOf(name, HOP_BY_HOP_BY_LENGTH)) {
        if (removed == null) {
          removed = new ArrayList<>(2);
        }
        removed.add(name);
        if (HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(name)) {
          if (connectionValues == null) {
            connectionValues = new ArrayList<>(1);
          }
          connectionValues.add(value);
        } else if (HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)) {
          chunked |= hasToken(value, HttpHeaderValues.CHUNKED);
        }
      }
    }
    boolean keepAlive = response.protocolVersion().isKeepAliveDefault();
    if (connectionValues != null) {
      if (connectionValues.size() == 1 && HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(connectionValues.get(0))) {
        keepAlive = true; // what most upstreams send: nothing else to look for
      } else {
        List<String> options = tokens(connectionValues);
        keepAlive = !options.contains("close") && (keepAlive || options.contains("keep-alive"));
        removed = connectionNamedFields(headers, options, removed);
      }
    }
    if (removed != null) {
      removed.forEach(headers::remove);
    }
    return new ResponseFraming(keepAlive, chunked);
  }

  /** Adds the names of the fields listed in {@code Connection} to {@code removed}. */
  private static List<CharSequence> connectionNamedFields(HttpHeaders headers, List<String> connectionNamed,
      List<CharSequence> removed) {
    List<CharSequence> names = removed == null ? new ArrayList<>(2) : removed;
    for (CharSequence name : headers.names()) {
      if (isOneOf(name, connectionNamed)) {
        names.add(name);
      }
    }
    return names;
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
    return tokens(headers.getAll(HttpHeaderNames.CONNECTION));
  }

  /** The comma-separated tokens of the values, trimmed, lower case, {@code _} read as {@code -}. */
  private static List<String> tokens(List<? extends CharSequence> values) {
    List<String> tokens = new ArrayList<>(2);
    for (CharSequence value : values) {
      for (String token : value.toString().split(",")) {
        String trimmed = token.trim();
        if (!trimmed.isEmpty()) {
          tokens.add(trimmed.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
      }
    }
    return tokens;
  }

  /** Whether one of the comma-separated elements of {@code value} is {@code token}, ignoring case. */
  private static boolean hasToken(CharSequence value, AsciiString token) {
    int start = 0;
    int length = value.length();
    while (start <= length) {
      int comma = start;
      while (comma < length && value.charAt(comma) != ',') {
        comma++;
      }
      int from = start;
      int to = comma;
      while (from < to && isWhitespace(value.charAt(from))) {
        from++;
      }
      while (to > from && isWhitespace(value.charAt(to - 1))) {
        to--;
      }
      if (to - from == token.length() && token.contentEqualsIgnoreCase(value.subSequence(from, to))) {
        return true;
      }
      start = comma + 1;
    }
    return false;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  /** RFC 9110 token: one or more of {@code !#$%&'*+-.^_`|~}, digits and letters. */
  private static boolean isToken(CharSequence name) {
    int length = name.length();
    if (length == 0) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if (c >= 128 || !TOKEN_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  /** RFC 9110 field value: visible characters, obs-text, spaces and tabs; no other control character. */
  private static boolean isFieldValue(CharSequence value) {
    for (int i = 0, length = value.length(); i < length; i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        return false;
      }
    }
    return true;
  }

  private static boolean[] tokenChars() {
    boolean[] table = new boolean[128];
    for (char c = '0'; c <= '9'; c++) {
      table[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      table[c] = true;
      table[c - 'a' + 'A'] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      table[c] = true;
    }
    return table;
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

  /** What cleaning a response head learned of its framing from the fields it removed. */
  public record ResponseFraming(boolean keepAlive, boolean chunked) {}

  /** A response field that is not a token name with a clean value: the response is malformed. */
  public static final class MalformedFieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedFieldException() {
      super("a response field is malformed", null, false, false);
    }
  }
}
