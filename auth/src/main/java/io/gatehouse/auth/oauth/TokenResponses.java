package io.gatehouse.auth.oauth;

import io.gatehouse.token.mint.MintedToken;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;

/** Bodies of successful token responses (RFC 6749 §5.1). */
final class TokenResponses {
  private TokenResponses() {}

  static Map<String, Object> accessToken(MintedToken token, SortedSet<String> scopes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.value());
    body.put("token_type", "Bearer");
    body.put("expires_in", Duration.between(token.issuedAt(), token.expiresAt()).toSeconds());
    body.put("scope", Scopes.join(scopes));
    return body;
  }
}
