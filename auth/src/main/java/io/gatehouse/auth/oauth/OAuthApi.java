package io.gatehouse.auth.oauth;

import io.gatehouse.auth.apikeys.ApiKeyAdmin;
import io.gatehouse.auth.apikeys.ApiKeyResolver;
import io.gatehouse.auth.keys.SigningKeyService;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.http.handler.HttpHandler;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/** Assembles the auth listener's router: discovery, JWKS, token, introspection, revocation. */
public final class OAuthApi {
  private static final long FORM_LIMIT = 16 * 1024;

  private OAuthApi() {}

  /** The routes of the auth listener. */
  public static Router router(TokenSettings settings, Duration jwksMaxAge, AuthStore store, SigningKeyService keys,
      ClientDirectory clients, ApiKeyResolver apiKeys, ApiKeyAdmin apiKeyAdmin, MeterRegistry registry, Clock clock) {
    ClientAuthenticator authenticator = new ClientAuthenticator(clients);
    TokenMinter minter = new TokenMinter(settings, keys, clock);
    RefreshTokens refreshTokens = new RefreshTokens(store, clock, settings.refreshTokenLifetime());
    TokenEndpoint token = new TokenEndpoint(authenticator,
        new ClientCredentialsGrant(minter, refreshTokens, settings.clientTokenLifetime()),
        new RefreshTokenGrant(minter, refreshTokens, settings.clientTokenLifetime()),
        new TokenExchangeGrant(minter, apiKeys, settings.apiKeyTokenLifetime()), registry);
    IntrospectionEndpoint introspection =
        new IntrospectionEndpoint(authenticator, apiKeys, refreshTokens, keys, settings.issuer(), clock);
    RevocationEndpoint revocation = new RevocationEndpoint(authenticator, refreshTokens, apiKeyAdmin);
    DiscoveryEndpoints discovery = new DiscoveryEndpoints(settings.issuer(), keys, jwksMaxAge);
    return Router.builder()
        .get("/.well-known/openid-configuration", request -> discovery.discovery())
        .get("/.well-known/oauth-authorization-server", request -> discovery.discovery())
        .get("/oauth2/jwks", request -> discovery.jwks())
        .route(blockingPost("/oauth2/token", token))
        .route(blockingPost("/oauth2/introspect", introspection))
        .route(blockingPost("/oauth2/revoke", revocation))
        .build();
  }

  private static Route blockingPost(String path, HttpHandler handler) {
    return Route.builder("POST", path).blocking().maxBodyBytes(FORM_LIMIT).handler(handler).build();
  }
}
