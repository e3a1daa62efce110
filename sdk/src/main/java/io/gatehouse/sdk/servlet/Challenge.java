package io.gatehouse.sdk.servlet;

import java.util.Collection;
import java.util.stream.Collectors;

/** Builds RFC 6750 {@code WWW-Authenticate: Bearer ...} values whose quoted strings are always well-formed. */
final class Challenge {
  private static final int MAX_DESCRIPTION = 200;

  private Challenge() {}

  /** Bearer challenge without an error: the request carried no credential. */
  static String bearer(String realm) {
    return "Bearer realm=\"" + realm + "\"";
  }

  /** Bearer challenge with an error code and description. */
  static String bearer(String realm, String error, String description) {
    return bearer(realm) + ", error=\"" + error + "\", error_description=\"" + quotable(description) + "\"";
  }

  /** Bearer {@code insufficient_scope} challenge naming the scopes required. */
  static String insufficientScope(String realm, String description, Collection<String> required) {
    String scopes = required.stream().filter(Challenge::isScopeToken).collect(Collectors.joining(" "));
    return bearer(realm, "insufficient_scope", description) + ", scope=\"" + scopes + "\"";
  }

  /** Whether a value can appear inside a quoted string as is (RFC 6750 §3: %x20-21 / %x23-5B / %x5D-7E). */
  static boolean isQuotable(String value) {
    return value.chars().allMatch(Challenge::quotableChar);
  }

  /** Whether a value is an RFC 6749 scope-token (%x21 / %x23-5B / %x5D-7E). */
  static boolean isScopeToken(String value) {
    return !value.isEmpty() && value.chars().allMatch(c -> c != ' ' && quotableChar(c));
  }

  /** Drops what a quoted string cannot hold and bounds the length. */
  static String quotable(String value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_DESCRIPTION));
    value.chars().filter(Challenge::quotableChar).limit(MAX_DESCRIPTION).forEach(c -> out.append((char) c));
    return out.toString();
  }

  private static boolean quotableChar(int c) {
    return c >= 0x20 && c <= 0x7e && c != '"' && c != '\\';
  }
}
