package io.gatehouse.http.observe;

import java.util.Locale;
import java.util.Set;

/** The redaction rule for logs: values of credential-like query parameters never appear. */
public final class Redaction {
  /** Shown instead of a redacted value. */
  public static final String REDACTED = "[redacted]";

  private static final Set<String> SENSITIVE_WORDS =
      Set.of("key", "token", "secret", "password", "passwd", "code", "assertion", "signature", "auth", "session");

  private Redaction() {}

  /** The query string with the value of every sensitive parameter replaced by {@link #REDACTED}. */
  public static String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(rawQuery.length());
    for (String pair : rawQuery.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      out.append(name);
      if (equals >= 0) {
        out.append('=').append(isSensitive(name) ? REDACTED : pair.substring(equals + 1));
      }
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
}
