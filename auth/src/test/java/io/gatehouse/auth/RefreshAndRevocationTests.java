package io.gatehouse.auth;

import static io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS;
import static io.gatehouse.auth.oauth.GrantTypes.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rotating refresh tokens with reuse detection, and {@code POST /oauth2/revoke} (RFC 7009). */
abstract class RefreshAndRevocationTests extends AuthServiceContract {
  private Creds app;

  RefreshAndRevocationTests(ServiceDatabase db) {
    super(db);
  }

  @BeforeEach
  void createApp() {
    app = createClient("app", List.of(CLIENT_CREDENTIALS, REFRESH_TOKEN), List.of("orders:read"), List.of("orders"));
  }

  @Test
  void rotatesTheRefreshTokenOnEveryUse() {
    String first = issue(app);
    assertThat(first).startsWith("ghr_");

    JsonNode refreshed = refresh(app, first).expect(200);

    String second = refreshed.path("refresh_token").asText();
    assertThat(second).startsWith("ghr_").isNotEqualTo(first);
    assertThat(refreshed.path("scope").asText()).isEqualTo("orders:read");
    assertThat(verifier("orders").verify(refreshed.path("access_token").asText()).subject()).isEqualTo("app");
    assertThat(refresh(app, second).expect(200).path("refresh_token").asText()).isNotIn(first, second);
  }

  @Test
  void revokesTheWholeFamilyWhenAUsedTokenComesBack() {
    String first = issue(app);
    String second = refresh(app, first).expect(200).path("refresh_token").asText();
    String otherFamily = issue(app);

    refresh(app, first).expectOAuthError(400, "invalid_grant");

    refresh(app, second).expectOAuthError(400, "invalid_grant");
    refresh(app, otherFamily).expect(200);
    JsonNode audit = admin("GET", "/audit?limit=5").expect(200).path("items");
    assertThat(audit.findValuesAsText("action")).contains("refresh_token.reuse");
  }

  @Test
  void refusesAnotherClientsRefreshTokenWithoutBurningIt() {
    Creds other = createClient("other", List.of(CLIENT_CREDENTIALS, REFRESH_TOKEN), List.of("orders:read"),
        List.of("orders"));
    String token = issue(app);

    refresh(other, token).expectOAuthError(400, "invalid_grant");

    refresh(app, token).expect(200);
  }

  @Test
  void refusesExpiredAndUnknownRefreshTokens() {
    String token = issue(app);
    refresh(app, "ghr_" + "A".repeat(43)).expectOAuthError(400, "invalid_grant");

    clock.advance(Duration.ofDays(31));

    refresh(app, token).expectOAuthError(400, "invalid_grant");
  }

  @Test
  void revokedRefreshTokensCannotBeUsed() {
    String token = issue(app);
    String strangers = issue(app);
    Creds other = createClient("other", List.of(CLIENT_CREDENTIALS, REFRESH_TOKEN), List.of(), List.of());

    assertThat(revoke(app, token).expect(200).toString()).isEqualTo("{}");
    revoke(other, strangers).expect(200);

    refresh(app, token).expectOAuthError(400, "invalid_grant");
    refresh(app, strangers).expect(200);
  }

  @Test
  void letsTheGatewayButNoOrdinaryClientRevokeApiKeys() {
    createRole("reader", "orders:read");
    String alice = createUser("alice", "reader");
    JsonNode key = createKey(alice, "orders:read");
    Creds gateway = gateway();

    revoke(app, key.path("key").asText()).expectOAuthError(400, "unauthorized_client");
    exchange(gateway, key.path("key").asText(), "orders").expect(200);

    revoke(gateway, key.path("key").asText()).expect(200);

    exchange(gateway, key.path("key").asText(), "orders").expectOAuthError(400, "invalid_grant");
    assertThat(admin("GET", "/users/" + alice + "/api-keys").expect(200).path("items").get(0).path("revoked_at")
        .isNull()).isFalse();
    JsonNode latest = admin("GET", "/audit?limit=1").expect(200).path("items").get(0);
    assertThat(latest.path("action").asText()).isEqualTo("api_key.revoke");
    assertThat(latest.path("actor").asText()).isEqualTo("gateway");
    revoke(ADMIN, createKey(alice, "orders:read").path("key").asText()).expect(200);
  }

  @Test
  void answersUnknownTokensWith200AndJwtsWithUnsupportedTokenType() {
    for (String token : List.of("ghr_unknown", "gh_garbage", TokenExchangeTests.withBadChecksum(
        "gh_000000000000_0000000000000000000000000000AAAAAA"), "whatever")) {
      assertThat(revoke(ADMIN, token).expect(200).toString()).as(token).isEqualTo("{}");
    }

    revoke(app, accessToken(app)).expectOAuthError(400, "unsupported_token_type");
    revoke(null, "ghr_unknown").expectOAuthError(401, "invalid_client");
  }

  private String issue(Creds client) {
    return token(client, "grant_type", "client_credentials").expect(200).path("refresh_token").asText();
  }

  private Reply refresh(Creds client, String refreshToken) {
    return token(client, "grant_type", "refresh_token", "refresh_token", refreshToken);
  }
}
