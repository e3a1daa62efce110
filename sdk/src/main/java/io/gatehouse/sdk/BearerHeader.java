package io.gatehouse.sdk;

import io.gatehouse.token.verify.Rejection;

/** Extracts the token from an {@code Authorization: Bearer <token>} value (RFC 6750 §2.1). */
final class BearerHeader {
  private static final String SCHEME = "Bearer";

  private BearerHeader() {}

  /**
   * The token of a Bearer credential.
   *
   * @throws UnauthorizedException missing credential when the value is absent or another scheme,
   *     {@code malformed} when it is not exactly {@code Bearer <token>}
   */
  static String token(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      throw UnauthorizedException.missingCredential("no Authorization header");
    }
    String value = headerValue.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.equalsIgnoreCase(SCHEME)) {
      throw UnauthorizedException.missingCredential("Authorization scheme is not Bearer");
    }
    String token = space < 0 ? "" : value.substring(space + 1).stripLeading();
    if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw UnauthorizedException.rejected(Rejection.MALFORMED,
          "Authorization header must be \"Bearer <token>\" with exactly one token");
    }
    return token;
  }
}
