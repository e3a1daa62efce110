package io.gatehouse.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as an upstream received it.
 *
 * @param connection index of the upstream connection it came on (0 is the first accepted)
 * @param requestLine the request line without CRLF
 * @param headers the header fields in arrival order, names as sent
 * @param bodyLength body bytes received (de-chunked)
 * @param bodyCrc CRC32 of those bytes
 * @param body the first {@link RecordingUpstream#KEPT_BODY_BYTES} of them
 * @param complete whether the body ended as framed (false when the connection ended first)
 */
public record Received(int connection, String requestLine, List<Map.Entry<String, String>> headers, long bodyLength,
    long bodyCrc, byte[] body, boolean complete) {

  /** The request target of the request line. */
  public String target() {
    return requestLine.split(" ")[1];
  }

  /** The first value of a header, case-insensitively. */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  /** Every value of a header, case-insensitively. */
  public List<String> headerValues(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
  }

  /** The header names, lower-case, in arrival order. */
  public List<String> headerNames() {
    return headers.stream().map(h -> h.getKey().toLowerCase(Locale.ROOT)).toList();
  }

  /** The kept body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
