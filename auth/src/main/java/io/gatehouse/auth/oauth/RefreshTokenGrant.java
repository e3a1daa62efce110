package io.gatehouse.auth.oauth;

import io.gatehouse.http.handler.FormData;
import io.gatehouse.token.mint.MintedToken;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** {@code grant_type=refresh_token}: rotates the refresh token and mints a new access token. */
final class RefreshTokenGrant {
  private final TokenMinter minter;
  private final RefreshTokens refreshTokens;
  private final Duration lifetime;

  RefreshTokenGrant(TokenMinter minter, RefreshTokens refreshTokens, Duration lifetime) {
    this.minter = minter;
    this.refreshTokens = refreshTokens;
    this.lifetime = lifetime;
  }

  Map<String, Object> grant(AuthenticatedClient client, FormData form) {
    if (!client.allowsGrant(GrantTypes.REFRESH_TOKEN)) {
      throw OAuthException.unauthorizedClient("client may not use refresh_token");
    }
    String presented = form.single("refresh_token")
        .orElseThrow(() -> OAuthException.invalidRequest("refresh_token is required"));
    RefreshTokens.Rotation rotation = refreshTokens.rotate(presented, client.id());
    // Permissions the client lost since the token was issued are not carried forward.
    SortedSet<String> stillAllowed = new TreeSet<>(rotation.used().scopes());
    stillAllowed.retainAll(client.client().permissions());
    SortedSet<String> scopes = Scopes.granted(form.single("scope"), stillAllowed);
    MintedToken token = minter.mint(rotation.used().subject(),
        Audiences.granted(form.all("audience"), client.client().audiences(), minter.issuer()),
        client.id(), scopes, lifetime, Optional.empty());
    Map<String, Object> body = TokenResponses.accessToken(token, scopes);
    body.put("refresh_token", rotation.next().reveal());
    return body;
  }
}
