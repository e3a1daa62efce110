package io.gatehouse.auth;

import static io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.auth.oauth.GrantTypes;
import io.gatehouse.auth.secrets.ApiKeys;
import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.TokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8693 exchange of an API key for a short-lived token: the gateway's call. */
abstract class TokenExchangeTests extends AuthServiceContract {
  private String alice;
  private JsonNode key;
  private Creds gateway;

  TokenExchangeTests(ServiceDatabase db) {
    super(db);
  }

  @BeforeEach
  void seed() {
    createRole("orders-reader", "orders:read");
    createRole("orders-writer", "orders:write", "orders:delete");
    alice = createUser("alice", "orders-reader", "orders-writer");
    key = createKey(alice, "orders:read", "orders:write");
    gateway = gateway();
  }

  @Test
  void exchangesAKeyForAShortLivedTokenOfItsOwner() {
    JsonNode body = exchange(gateway, apiKey(), "orders").expect(200);

    assertThat(body.path("issued_token_type").asText()).isEqualTo(GrantTypes.ACCESS_TOKEN_TYPE);
    assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asLong()).isEqualTo(300);
    assertThat(body.path("scope").asText()).isEqualTo("orders:read orders:write");
    String jwt = body.path("access_token").asText();
    Principal principal = verifier("orders").verify(jwt);
    assertThat(principal.subject()).isEqualTo(alice);
    assertThat(principal.clientId()).contains("gateway");
    assertThat(principal.apiKeyId()).contains(key.path("id").asText());
    assertThat(principal.permissions()).containsExactlyInAnyOrder("orders:read", "orders:write");
    JsonNode claims = jwtClaims(jwt);
    assertThat(ClientCredentialsTests.audience(claims)).containsExactly("orders");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isPositive().isLessThanOrEqualTo(300);
    assertThat(claims.path("iss").asText()).isEqualTo(authUrl);
    assertThat(claims.path("jti").asText()).isNotBlank();
    assertThat(jwtHeader(jwt).path("typ").asText()).isEqualTo("at+jwt");
  }

  @Test
  void letsOnlyClientsWithTheTokenExchangeGrantExchange() {
    Creds reports = createClient("reports", List.of(CLIENT_CREDENTIALS), List.of("orders:read"), List.of("orders"));

    exchange(reports, apiKey(), "orders").expectOAuthError(400, "unauthorized_client");
  }

  @Test
  void requiresAnAudienceTheClientMayAskFor() {
    exchange(gateway, apiKey(), null).expectOAuthError(400, "invalid_request");
    exchange(gateway, apiKey(), "billing").expectOAuthError(400, "invalid_target");

    String jwt = exchange(gateway, apiKey(), "inventory").expect(200).path("access_token").asText();
    assertThat(ClientCredentialsTests.audience(jwtClaims(jwt))).containsExactly("inventory");
  }

  @Test
  void carriesOnlyWhatTheOwnerStillHoldsFromTheNextExchangeOn() {
    TokenVerifier orders = verifier("orders");
    assertThat(orders.verify(exchangeToken()).permissions()).containsExactlyInAnyOrder("orders:read", "orders:write");

    admin("PATCH", "/users/" + alice, Map.of("roles", List.of("orders-reader"))).expect(200);
    assertThat(orders.verify(exchangeToken()).permissions()).containsExactly("orders:read");

    admin("PUT", "/roles/orders-reader", Map.of("permissions", List.of("orders:list"))).expect(200);
    assertThat(orders.verify(exchangeToken()).permissions()).isEmpty();

    admin("PATCH", "/users/" + alice, Map.of("roles", List.of("orders-reader", "orders-writer"))).expect(200);
    // The key's own scopes still bound it: orders:delete and orders:list are not among them.
    assertThat(orders.verify(exchangeToken()).permissions()).containsExactly("orders:write");
  }

  @Test
  void narrowsToARequestedScopeWithinTheKeys() {
    JsonNode narrowed = token(gateway, "grant_type", GrantTypes.TOKEN_EXCHANGE, "subject_token", apiKey(),
        "subject_token_type", GrantTypes.API_KEY_TOKEN_TYPE, "audience", "orders", "scope", "orders:read").expect(200);

    assertThat(narrowed.path("scope").asText()).isEqualTo("orders:read");
    token(gateway, "grant_type", GrantTypes.TOKEN_EXCHANGE, "subject_token", apiKey(),
        "subject_token_type", GrantTypes.API_KEY_TOKEN_TYPE, "audience", "orders", "scope", "orders:delete")
        .expectOAuthError(400, "invalid_scope");
  }

  @Test
  void acceptsOnlyApiKeysAsSubjectTokens() {
    token(gateway, "grant_type", GrantTypes.TOKEN_EXCHANGE, "subject_token", apiKey(),
        "subject_token_type", GrantTypes.ACCESS_TOKEN_TYPE, "audience", "orders").expectOAuthError(400, "invalid_request");
    token(gateway, "grant_type", GrantTypes.TOKEN_EXCHANGE, "subject_token_type", GrantTypes.API_KEY_TOKEN_TYPE,
        "audience", "orders").expectOAuthError(400, "invalid_request");
  }

  @Test
  void refusesTheKeysOfADisabledUserUntilEnabledAgain() {
    Reply unknown = exchange(gateway, ApiKeys.generate().key().reveal(), "orders");
    exchange(gateway, apiKey(), "orders").expect(200);

    admin("PATCH", "/users/" + alice, Map.of("disabled", true)).expect(200);
    Reply disabled = exchange(gateway, apiKey(), "orders");

    disabled.expectOAuthError(400, "invalid_grant");
    assertThat(disabled.body()).isEqualTo(unknown.body());
    admin("PATCH", "/users/" + alice, Map.of("disabled", false)).expect(200);
    exchange(gateway, apiKey(), "orders").expect(200);
  }

  @Test
  void answersRevokedUnknownMalformedExpiredAndDeletedKeysAlike() {
    Map<String, Object> expiringBody = new LinkedHashMap<>(Map.of("name", "short", "scopes", List.of("orders:read")));
    expiringBody.put("expires_in", 60);
    String expiring = admin("POST", "/users/" + alice + "/api-keys", expiringBody).expect(201).path("key").asText();
    exchange(gateway, expiring, "orders").expect(200);
    String bob = createUser("bob", "orders-reader");
    String bobsKey = createKey(bob, "orders:read").path("key").asText();
    exchange(gateway, bobsKey, "orders").expect(200);
    exchange(gateway, apiKey(), "orders").expect(200);

    admin("DELETE", "/api-keys/" + key.path("id").asText()).expect(204);
    admin("DELETE", "/users/" + bob).expect(204);
    clock.advance(Duration.ofSeconds(61));

    Reply unknown = exchange(gateway, ApiKeys.generate().key().reveal(), "orders");
    unknown.expectOAuthError(400, "invalid_grant");
    Map<String, Reply> others = new LinkedHashMap<>();
    others.put("revoked", exchange(gateway, apiKey(), "orders"));
    others.put("expired", exchange(gateway, expiring, "orders"));
    others.put("owner deleted", exchange(gateway, bobsKey, "orders"));
    others.put("bad checksum", exchange(gateway, withBadChecksum(apiKey()), "orders"));
    others.put("bad prefix", exchange(gateway, "gx_" + apiKey().substring(3), "orders"));
    others.put("garbage", exchange(gateway, "hello", "orders"));
    others.forEach((kind, reply) -> {
      assertThat(reply.status()).as(kind).isEqualTo(unknown.status());
      assertThat(reply.body()).as(kind).isEqualTo(unknown.body());
    });
  }

  @Test
  void recordsTheLastUseOfAKeyInBatchesNotPerRequest() {
    exchange(gateway, apiKey(), "orders").expect(200);
    assertThat(listedKey().path("last_used_at").isNull()).isTrue();

    stop();
    start(settings(Optional.of(ADMIN_SECRET)), Map.of());

    Instant lastUsed = Instant.parse(listedKey().path("last_used_at").asText());
    assertThat(Duration.between(lastUsed, clock.instant()).abs()).isLessThan(Duration.ofMillis(1));
  }

  private JsonNode listedKey() {
    return admin("GET", "/users/" + alice + "/api-keys").expect(200).path("items").get(0);
  }

  private String apiKey() {
    return key.path("key").asText();
  }

  private String exchangeToken() {
    return exchange(gateway, apiKey(), "orders").expect(200).path("access_token").asText();
  }

  static String withBadChecksum(String apiKey) {
    char last = apiKey.charAt(apiKey.length() - 1);
    return apiKey.substring(0, apiKey.length() - 1) + (last == 'A' ? 'B' : 'A');
  }
}
