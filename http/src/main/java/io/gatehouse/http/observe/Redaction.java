package io.gatehouse.http.observe;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Locale;
import java.util.Set;

/**
 * The redaction rule for logs: values of credential-like query parameters never appear. A
 * parameter is judged by its decoded name, and both {@code &} and {@code ;} separate parameters,
 * since some servers behind the gateway split on either.
 */
public final class Redaction {
  /** Shown instead of a redacted value. */
  public static final String REDACTED = "[redacted]";

  private static final Set<String> SENSITIVE_WORDS = Set.of("key", "token", "secret", "password", "passwd", "code",
      "assertion", "signature", "auth", "session", "cookie");

  private Redaction() {}

  /** The query string with the value of every sensitive parameter replaced by {@link #REDACTED}. */
  public static String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(rawQuery.length());
    int start = 0;
    while (start <= rawQuery.length()) {
      int end = start;
      while (end < rawQuery.length() && rawQuery.charAt(end) != '&' && rawQuery.charAt(end) != ';') {
        end++;
      }
      appendPair(out, rawQuery.substring(start, end));
      if (end < rawQuery.length()) {
        out.append(rawQuery.charAt(end));
      }
      start = end + 1;
    }
    return out.toString();
  }

  /** Whether a parameter or header name looks like it carries a credential. */
  public static boolean isSensitive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : SENSITIVE_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static void appendPair(StringBuilder out, String pair) {
    int equals = pair.indexOf('=');
    if (equals < 0) {
      out.append(pair);
      return;
    }
    String name = pair.substring(0, equals);
    out.append(name).append('=').append(isSensitiveEncoded(name) ? REDACTED : pair.substring(equals + 1));
  }

  /** Judges the decoded name, so {@code %74oken} is a token; a name that does not decode is redacted. */
  private static boolean isSensitiveEncoded(String name) {
    try {
      return isSensitive(QueryStringDecoder.decodeComponent(name));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
