package io.gatehouse.auth.oauth;

import java.util.List;
import java.util.SortedSet;

/** Which audiences a client may get tokens for. */
final class Audiences {
  private Audiences() {}

  /**
   * The requested audiences when all are allowed; none requested → the client's configured
   * audiences, or the issuer when it has none.
   */
  static List<String> granted(List<String> requested, SortedSet<String> allowed, String issuer) {
    if (requested.isEmpty()) {
      return allowed.isEmpty() ? List.of(issuer) : List.copyOf(allowed);
    }
    for (String audience : requested) {
      if (!allowed.contains(audience)) {
        throw OAuthException.invalidTarget("audience not allowed for this client: " + audience);
      }
    }
    return List.copyOf(requested);
  }
}
