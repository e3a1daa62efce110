package io.gatehouse.sdk.jwks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Validates the URLs this package fetches: absolute http(s) with a host, no user info, no fragment. */
final class HttpUrls {
  private HttpUrls() {}

  /**
   * Parses and checks a URL.
   *
   * @throws IllegalArgumentException naming the field
   */
  static URI require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(field + " is not a valid URL: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null) {
      // The value may hold a password: say what is wrong without repeating it.
      throw new IllegalArgumentException(field + " must not hold user info");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(field + " must be an http or https URL, was: " + value);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(field + " must name a host, was: " + value);
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException(field + " must not have a fragment, was: " + value);
    }
    return uri;
  }
}
