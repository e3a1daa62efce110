package io.gatehouse.auth.admin;

import io.gatehouse.auth.apikeys.ApiKeyAdmin;
import io.gatehouse.auth.apikeys.ApiKeyResolver;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.keys.SigningKeyService;
import io.gatehouse.auth.oauth.ClientDirectory;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.http.handler.Router;
import io.gatehouse.token.verify.AccessTokenVerifier;
import java.time.Clock;

/** Assembles the admin listener's router. */
public final class AdminApi {
  /** Audience of admin tokens. */
  public static final String AUDIENCE = AdminAuthenticator.AUDIENCE;
  /** Permission of admin clients. */
  public static final String PERMISSION = AdminAuthenticator.PERMISSION;

  private AdminApi() {}

  /** Every {@code /admin/v1} route, authenticated with admin tokens of this issuer. */
  public static Router router(String issuer, AuthStore store, SigningKeyService keys, ApiKeyResolver resolver,
      ApiKeyAdmin apiKeys, ClientDirectory clients, AuthChanges changes, Clock clock) {
    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer(issuer).audience(AUDIENCE).keys(keys)
        .clock(clock).build();
    Router.Builder router = Router.builder();
    AdminRoutes routes = new AdminRoutes(router, new AdminAuthenticator(verifier));
    new RolesResource(store, clock, resolver, changes).register(routes);
    new UsersResource(store, clock, resolver, changes).register(routes);
    new ApiKeysResource(store, apiKeys).register(routes);
    new ClientsResource(store, clock, clients).register(routes);
    new KeysAndAuditResource(store, keys).register(routes);
    return router.build();
  }
}
