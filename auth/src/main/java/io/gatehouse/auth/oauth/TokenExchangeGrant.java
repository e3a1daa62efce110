package io.gatehouse.auth.oauth;

import io.gatehouse.auth.apikeys.ApiKeyResolver;
import io.gatehouse.auth.apikeys.ResolvedApiKey;
import io.gatehouse.http.handler.FormData;
import io.gatehouse.token.mint.MintedToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * RFC 8693 exchange of an API key for a short-lived access token: the phantom-token step the
 * gateway performs. The token carries key scopes ∩ the owner's current permissions.
 */
final class TokenExchangeGrant {
  private final TokenMinter minter;
  private final ApiKeyResolver apiKeys;
  private final Duration lifetime;

  TokenExchangeGrant(TokenMinter minter, ApiKeyResolver apiKeys, Duration lifetime) {
    this.minter = minter;
    this.apiKeys = apiKeys;
    this.lifetime = lifetime;
  }

  Map<String, Object> grant(AuthenticatedClient client, FormData form) {
    if (!client.allowsGrant(GrantTypes.TOKEN_EXCHANGE)) {
      throw OAuthException.unauthorizedClient("client may not use token exchange");
    }
    String subjectTokenType = form.single("subject_token_type")
        .orElseThrow(() -> OAuthException.invalidRequest("subject_token_type is required"));
    if (!GrantTypes.API_KEY_TOKEN_TYPE.equals(subjectTokenType)) {
      throw OAuthException.invalidRequest("subject_token_type must be " + GrantTypes.API_KEY_TOKEN_TYPE);
    }
    form.single("requested_token_type").filter(type -> !GrantTypes.ACCESS_TOKEN_TYPE.equals(type)).ifPresent(type -> {
      throw OAuthException.invalidRequest("requested_token_type must be " + GrantTypes.ACCESS_TOKEN_TYPE);
    });
    String subjectToken = form.single("subject_token")
        .orElseThrow(() -> OAuthException.invalidRequest("subject_token is required"));
    String audience = form.single("audience")
        .orElseThrow(() -> OAuthException.invalidRequest("audience is required"));
    List<String> audiences = Audiences.granted(List.of(audience), client.client().audiences(), minter.issuer());
    // One answer for unknown, revoked, expired, disowned and malformed keys.
    ResolvedApiKey key = apiKeys.resolve(subjectToken)
        .orElseThrow(() -> OAuthException.invalidGrant("subject_token is not a valid API key"));
    SortedSet<String> scopes = Scopes.granted(form.single("scope"), key.effectivePermissions());
    MintedToken token = minter.mint(key.key().userId(), audiences, client.id(), scopes, lifetime,
        Optional.of(key.key().id()));
    Map<String, Object> body = TokenResponses.accessToken(token, scopes);
    body.put("issued_token_type", GrantTypes.ACCESS_TOKEN_TYPE);
    return body;
  }
}
