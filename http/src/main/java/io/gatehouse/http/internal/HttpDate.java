package io.gatehouse.http.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} response header (RFC 9110 §6.6.1), formatted once per second, not per response. */
final class HttpDate {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
  private static volatile Cached cached = new Cached(-1, "");

  private HttpDate() {}

  static String now() {
    long second = System.currentTimeMillis() / 1000;
    Cached current = cached;
    if (current.second != second) {
      current = new Cached(second, IMF_FIXDATE.format(
          Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
      cached = current;
    }
    return current.value;
  }

  private record Cached(long second, String value) {}
}
