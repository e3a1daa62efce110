package io.gatehouse.gateway.route;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The small grammars route fields share (RFC 9110 tokens, methods, field values) and their messages. */
final class Syntax {
  private static final String TCHARS = "!#$%&'*+-.^_`|~";
  private static final String LABEL = "[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?";
  private static final Pattern HOST_PATTERN = Pattern.compile("(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*");

  private Syntax() {}

  /** RFC 9110 {@code token}: one or more tchars. */
  static boolean isToken(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!alphanumeric && TCHARS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Upper-case method tokens: methods are case-sensitive, and every registered one is upper-case. */
  static Set<String> methods(Collection<String> methods, String field) {
    Set<String> checked = new LinkedHashSet<>();
    for (String method : methods) {
      if (!isToken(method) || !method.equals(method.toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException(field + " must be upper-case method names, was: " + quote(method));
      }
      checked.add(method);
    }
    return Set.copyOf(checked);
  }

  /** A header field name. */
  static String headerName(String name, String field) {
    if (!isToken(name)) {
      throw new IllegalArgumentException(field + " must be a header name (an RFC 9110 token), was: " + quote(name));
    }
    return name;
  }

  /**
   * A header field value: no CR, LF, NUL or other control character but horizontal tab. The
   * message names the header but not the value, which may be a credential.
   */
  static String headerValue(String name, String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " value of " + name + " must not be null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7F) {
        throw new IllegalArgumentException(
            field + " value of " + name + " must not contain CR, LF, NUL or other control characters");
      }
    }
    return value;
  }

  /** A host name, or {@code *.domain}; lower-cased. */
  static String hostPattern(String host, String field) {
    String lowerCase = host == null ? null : host.toLowerCase(Locale.ROOT);
    if (lowerCase == null || lowerCase.length() > 253 || !HOST_PATTERN.matcher(lowerCase).matches()) {
      throw new IllegalArgumentException(field + " must be a host name or *.domain, without port, was: " + quote(host));
    }
    return lowerCase;
  }

  /** Printable ASCII without spaces: audiences and permission names. */
  static String word(String value, String field) {
    if (value == null || value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException(field + " must be printable ASCII without spaces, was: " + quote(value));
    }
    return value;
  }

  /** Positive and not null. */
  static Duration positive(Duration duration, String field) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was: " + duration);
    }
    return duration;
  }

  /** A value quoted for a message; {@code null} as is. */
  static String quote(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
