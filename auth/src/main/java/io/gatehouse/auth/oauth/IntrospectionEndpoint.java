package io.gatehouse.auth.oauth;

import io.gatehouse.auth.apikeys.ApiKeyResolver;
import io.gatehouse.auth.apikeys.ResolvedApiKey;
import io.gatehouse.auth.keys.SigningKeyService;
import io.gatehouse.auth.store.RefreshToken;
import io.gatehouse.http.handler.FormData;
import io.gatehouse.http.handler.HttpHandler;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import io.gatehouse.token.verify.AccessTokenVerifier;
import io.gatehouse.token.verify.TokenRejectedException;
import io.gatehouse.token.verify.VerifiedToken;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth2/introspect} (RFC 7662) for access tokens, API keys and refresh tokens. Anything
 * not currently valid — including a token minted for an API key that has since been revoked — is
 * {@code {"active": false}} with no further detail.
 */
final class IntrospectionEndpoint implements HttpHandler {
  private final ClientAuthenticator clients;
  private final ApiKeyResolver apiKeys;
  private final RefreshTokens refreshTokens;
  private final AccessTokenVerifier accessTokens;
  private final Clock clock;

  IntrospectionEndpoint(ClientAuthenticator clients, ApiKeyResolver apiKeys, RefreshTokens refreshTokens,
      SigningKeyService keys, String issuer, Clock clock) {
    this.clients = clients;
    this.apiKeys = apiKeys;
    this.refreshTokens = refreshTokens;
    this.clock = clock;
    this.accessTokens = AccessTokenVerifier.builder().issuer(issuer).anyAudience().keys(keys)
        .clock(clock).anyType().build();
  }

  @Override
  public Response handle(Request request) {
    return OAuthHandling.respond(() -> {
      FormData form = OAuthHandling.form(request);
      AuthenticatedClient client = clients.authenticate(request, form);
      String token = form.single("token").orElseThrow(() -> OAuthException.invalidRequest("token is required"));
      return OAuthResponses.ok(introspect(token, client));
    });
  }

  private Map<String, Object> introspect(String token, AuthenticatedClient client) {
    if (token.startsWith("gh_")) {
      return apiKeys.resolve(token).map(IntrospectionEndpoint::apiKey).orElseGet(IntrospectionEndpoint::inactive);
    }
    if (token.startsWith(RefreshTokens.PREFIX)) {
      return refreshTokens.find(token).filter(t -> isActive(t, client)).map(IntrospectionEndpoint::refresh)
          .orElseGet(IntrospectionEndpoint::inactive);
    }
    return accessToken(token).orElseGet(IntrospectionEndpoint::inactive);
  }

  private Optional<Map<String, Object>> accessToken(String token) {
    VerifiedToken verified;
    try {
      verified = accessTokens.verify(token);
    } catch (TokenRejectedException e) {
      return Optional.empty();
    }
    if (verified.apiKeyId().isPresent() && !apiKeys.stillUsable(verified.apiKeyId().get())) {
      return Optional.empty();
    }
    Map<String, Object> body = new LinkedHashMap<>(verified.claims());
    body.put("active", true);
    body.put("token_type", "Bearer");
    return Optional.of(body);
  }

  private boolean isActive(RefreshToken token, AuthenticatedClient client) {
    return token.clientId().equals(client.id()) && token.usedAt().isEmpty() && token.revokedAt().isEmpty()
        && token.expiresAt().isAfter(clock.instant());
  }

  private static Map<String, Object> apiKey(ResolvedApiKey key) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("active", true);
    body.put("token_type", "api_key");
    body.put("sub", key.key().userId());
    body.put("scope", String.join(" ", key.effectivePermissions()));
    body.put("api_key_id", key.key().id());
    body.put("iat", key.key().createdAt().getEpochSecond());
    key.key().expiresAt().ifPresent(exp -> body.put("exp", exp.getEpochSecond()));
    return body;
  }

  private static Map<String, Object> refresh(RefreshToken token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("active", true);
    body.put("token_type", "refresh_token");
    body.put("client_id", token.clientId());
    body.put("sub", token.subject());
    body.put("scope", String.join(" ", token.scopes()));
    body.put("iat", token.issuedAt().getEpochSecond());
    body.put("exp", token.expiresAt().getEpochSecond());
    return body;
  }

  private static Map<String, Object> inactive() {
    return Map.of("active", false);
  }
}
