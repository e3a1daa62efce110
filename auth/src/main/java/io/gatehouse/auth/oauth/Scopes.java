package io.gatehouse.auth.oauth;

import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The space-separated {@code scope} parameter (RFC 6749 §3.3). */
final class Scopes {
  private static final int MAX_LENGTH = 4096;

  private Scopes() {}

  /** The requested scopes, or the allowed ones when none were asked; invalid_scope when any is not allowed. */
  static SortedSet<String> granted(Optional<String> requested, SortedSet<String> allowed) {
    if (requested.isEmpty()) {
      return allowed;
    }
    if (requested.get().length() > MAX_LENGTH) {
      throw OAuthException.invalidScope("scope is too long");
    }
    SortedSet<String> asked = new TreeSet<>();
    Arrays.stream(requested.get().split(" ")).filter(s -> !s.isEmpty()).forEach(asked::add);
    for (String scope : asked) {
      if (!allowed.contains(scope)) {
        throw OAuthException.invalidScope("scope not allowed: " + scope);
      }
    }
    return asked;
  }

  static String join(SortedSet<String> scopes) {
    return String.join(" ", scopes);
  }
}
