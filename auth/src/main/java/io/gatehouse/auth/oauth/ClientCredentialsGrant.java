package io.gatehouse.auth.oauth;

import io.gatehouse.http.handler.FormData;
import io.gatehouse.token.mint.MintedToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** {@code grant_type=client_credentials}: a token for the client itself, within its permissions and audiences. */
final class ClientCredentialsGrant {
  private final TokenMinter minter;
  private final RefreshTokens refreshTokens;
  private final Duration lifetime;

  ClientCredentialsGrant(TokenMinter minter, RefreshTokens refreshTokens, Duration lifetime) {
    this.minter = minter;
    this.refreshTokens = refreshTokens;
    this.lifetime = lifetime;
  }

  Map<String, Object> grant(AuthenticatedClient client, FormData form) {
    if (!client.allowsGrant(GrantTypes.CLIENT_CREDENTIALS)) {
      throw OAuthException.unauthorizedClient("client may not use client_credentials");
    }
    SortedSet<String> scopes = Scopes.granted(form.single("scope"), client.client().permissions());
    List<String> audience = Audiences.granted(form.all("audience"), client.client().audiences(), minter.issuer());
    MintedToken token = minter.mint(client.id(), audience, client.id(), scopes, lifetime, Optional.empty());
    Map<String, Object> body = TokenResponses.accessToken(token, scopes);
    if (client.allowsGrant(GrantTypes.REFRESH_TOKEN)) {
      body.put("refresh_token", refreshTokens.issueNewFamily(client.id(), client.id(), scopes).reveal());
    }
    return body;
  }
}
