package io.gatehouse.auth.oauth;

import io.gatehouse.http.handler.FormData;
import io.gatehouse.http.handler.HttpHandler;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** {@code POST /oauth2/token}: authenticates the client and dispatches on {@code grant_type}. */
final class TokenEndpoint implements HttpHandler {
  private final ClientAuthenticator clients;
  private final Map<String, BiFunction<AuthenticatedClient, FormData, Map<String, Object>>> grants;
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  TokenEndpoint(ClientAuthenticator clients, ClientCredentialsGrant clientCredentials, RefreshTokenGrant refresh,
      TokenExchangeGrant exchange, MeterRegistry registry) {
    this.clients = clients;
    this.grants = Map.of(
        GrantTypes.CLIENT_CREDENTIALS, clientCredentials::grant,
        GrantTypes.REFRESH_TOKEN, refresh::grant,
        GrantTypes.TOKEN_EXCHANGE, exchange::grant);
    this.registry = registry;
  }

  @Override
  public Response handle(Request request) {
    return OAuthHandling.respond(() -> {
      FormData form = OAuthHandling.form(request);
      String grantType = form.single("grant_type")
          .orElseThrow(() -> OAuthException.invalidRequest("grant_type is required"));
      var grant = grants.get(grantType);
      if (grant == null) {
        throw OAuthException.unsupportedGrantType(grantType);
      }
      AuthenticatedClient client = clients.authenticate(request, form);
      Map<String, Object> body = grant.apply(client, form);
      counter(grantType).increment();
      return OAuthResponses.ok(body);
    });
  }

  private Counter counter(String grantType) {
    return counters.computeIfAbsent(grantType, type -> Counter.builder("gatehouse.auth.tokens.issued")
        .description("Access tokens issued, by grant")
        .tag("grant", type.equals(GrantTypes.TOKEN_EXCHANGE) ? "token_exchange" : type)
        .register(registry));
  }
}
