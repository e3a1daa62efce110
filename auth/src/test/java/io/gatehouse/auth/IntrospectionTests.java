package io.gatehouse.auth;

import static io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS;
import static io.gatehouse.auth.oauth.GrantTypes.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /oauth2/introspect} (RFC 7662) for API keys, JWTs and refresh tokens. */
abstract class IntrospectionTests extends AuthServiceContract {
  private static final String INACTIVE = "{\"active\":false}";

  private String alice;
  private JsonNode key;
  private Creds gateway;

  IntrospectionTests(ServiceDatabase db) {
    super(db);
  }

  @BeforeEach
  void seed() {
    createRole("reader", "orders:read", "orders:write");
    alice = createUser("alice", "reader");
    key = createKey(alice, "orders:read");
    gateway = gateway();
  }

  @Test
  void requiresClientAuthentication() {
    introspect(null, key.path("key").asText()).expectOAuthError(401, "invalid_client");
    introspect(new Creds("gateway", "wrong"), key.path("key").asText()).expectOAuthError(401, "invalid_client");
    postForm("/oauth2/introspect", gateway).expectOAuthError(400, "invalid_request");
  }

  @Test
  void describesAnActiveApiKeyUntilItIsRevoked() {
    JsonNode active = introspect(gateway, key.path("key").asText()).expect(200);

    assertThat(active.path("active").asBoolean()).isTrue();
    assertThat(active.path("sub").asText()).isEqualTo(alice);
    assertThat(active.path("scope").asText()).isEqualTo("orders:read");
    assertThat(active.path("api_key_id").asText()).isEqualTo(key.path("id").asText());

    admin("DELETE", "/api-keys/" + key.path("id").asText()).expect(204);

    assertThat(introspect(gateway, key.path("key").asText()).expect(200).toString()).isEqualTo(INACTIVE);
  }

  @Test
  void describesAJwtUntilItsApiKeyIsRevoked() {
    String jwt = exchange(gateway, key.path("key").asText(), "orders").expect(200).path("access_token").asText();

    JsonNode active = introspect(gateway, jwt).expect(200);

    assertThat(active.path("active").asBoolean()).isTrue();
    assertThat(active.path("sub").asText()).isEqualTo(alice);
    assertThat(active.path("client_id").asText()).isEqualTo("gateway");
    assertThat(active.path("api_key_id").asText()).isEqualTo(key.path("id").asText());
    assertThat(active.path("scope").asText()).isEqualTo("orders:read");
    assertThat(active.path("exp").asLong()).isEqualTo(jwtClaims(jwt).path("exp").asLong());

    admin("DELETE", "/api-keys/" + key.path("id").asText()).expect(204);

    assertThat(introspect(gateway, jwt).expect(200).toString()).isEqualTo(INACTIVE);
  }

  @Test
  void callsAJwtInactiveOnceItExpired() {
    Creds reports = createClient("reports", List.of(CLIENT_CREDENTIALS), List.of("orders:read"), List.of("orders"));
    String jwt = accessToken(reports);
    JsonNode active = introspect(gateway, jwt).expect(200);
    assertThat(active.path("active").asBoolean()).isTrue();
    assertThat(active.path("sub").asText()).isEqualTo("reports");
    assertThat(active.has("api_key_id")).isFalse();

    clock.advance(Duration.ofMinutes(16));

    assertThat(introspect(gateway, jwt).expect(200).toString()).isEqualTo(INACTIVE);
  }

  @Test
  void describesARefreshTokenOnlyToItsClientAndOnlyUntilUsed() {
    Creds app = createClient("app", List.of(CLIENT_CREDENTIALS, REFRESH_TOKEN), List.of("orders:read"), List.of());
    String refresh = token(app, "grant_type", "client_credentials").expect(200).path("refresh_token").asText();

    JsonNode active = introspect(app, refresh).expect(200);

    assertThat(active.path("active").asBoolean()).isTrue();
    assertThat(active.path("client_id").asText()).isEqualTo("app");
    assertThat(active.path("scope").asText()).isEqualTo("orders:read");
    assertThat(introspect(gateway, refresh).expect(200).toString()).isEqualTo(INACTIVE);
    token(app, "grant_type", "refresh_token", "refresh_token", refresh).expect(200);
    assertThat(introspect(app, refresh).expect(200).toString()).isEqualTo(INACTIVE);
  }

  @Test
  void callsAnythingElseInactive() {
    for (String token : List.of("garbage", "a.b.c", "gh_nope", TokenExchangeTests.withBadChecksum(key.path("key").asText()),
        "ghr_unknown", "x".repeat(5_000))) {
      Reply reply = introspect(gateway, token);
      assertThat(reply.expect(200).toString()).as(token).isEqualTo(INACTIVE);
      assertThat(reply.header("Cache-Control")).contains("no-store");
    }
  }
}
