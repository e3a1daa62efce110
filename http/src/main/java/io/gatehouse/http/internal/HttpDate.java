package io.gatehouse.http.internal;

import io.netty.util.AsciiString;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} response header (RFC 9110 §6.6.1), formatted once per second, not per response. */
final class HttpDate {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
  private static volatile Cached cached = new Cached(-1, AsciiString.EMPTY_STRING);

  private HttpDate() {}

  /** Now, as bytes ready for the wire (written with a copy, not character by character). */
  static AsciiString now() {
    long second = System.currentTimeMillis() / 1000;
    Cached current = cached;
    if (current.second != second) {
      current = new Cached(second, new AsciiString(IMF_FIXDATE.format(
          Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC))));
      cached = current;
    }
    return current.value;
  }

  private record Cached(long second, AsciiString value) {}
}
