package io.gatehouse.auth.oauth;

import io.gatehouse.auth.apikeys.ApiKeyAdmin;
import io.gatehouse.http.handler.FormData;
import io.gatehouse.http.handler.HttpHandler;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import java.util.Map;

/**
 * {@code POST /oauth2/revoke} (RFC 7009) for refresh tokens (the whole family) and API keys. Unknown
 * tokens get 200 as the RFC asks; an API key may be revoked only by a client holding
 * {@code gatehouse:admin} or the token-exchange grant (the gateway); a refresh token only by the
 * client it was issued to. Access tokens are short-lived JWTs and cannot be revoked here.
 */
final class RevocationEndpoint implements HttpHandler {
  static final String ADMIN_PERMISSION = "gatehouse:admin";

  private final ClientAuthenticator clients;
  private final RefreshTokens refreshTokens;
  private final ApiKeyAdmin apiKeys;

  RevocationEndpoint(ClientAuthenticator clients, RefreshTokens refreshTokens, ApiKeyAdmin apiKeys) {
    this.clients = clients;
    this.refreshTokens = refreshTokens;
    this.apiKeys = apiKeys;
  }

  @Override
  public Response handle(Request request) {
    return OAuthHandling.respond(() -> {
      FormData form = OAuthHandling.form(request);
      AuthenticatedClient client = clients.authenticate(request, form);
      String token = form.single("token").orElseThrow(() -> OAuthException.invalidRequest("token is required"));
      if (token.startsWith("gh_")) {
        if (!client.client().permissions().contains(ADMIN_PERMISSION) && !client.allowsGrant(GrantTypes.TOKEN_EXCHANGE)) {
          throw OAuthException.unauthorizedClient("client may not revoke API keys");
        }
        apiKeys.revokePresented(token, client.id());
      } else if (token.startsWith(RefreshTokens.PREFIX)) {
        refreshTokens.revoke(token, client.id());
      } else if (token.chars().filter(c -> c == '.').count() == 2) {
        return OAuthResponses.error(OAuthException.unsupportedTokenType());
      }
      return OAuthResponses.ok(Map.of());
    });
  }
}
