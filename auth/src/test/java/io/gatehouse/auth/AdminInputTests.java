package io.gatehouse.auth;

import static io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS;
import static io.gatehouse.auth.oauth.GrantTypes.TOKEN_EXCHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the admin API does with bad, hostile and huge input: 400/413 problems naming the field, never 500. */
abstract class AdminInputTests extends AuthServiceContract {
  private static final String INJECTION = "alice'; DROP TABLE users;--";

  AdminInputTests(ServiceDatabase db) {
    super(db);
  }

  @Test
  void namesTheInvalidFieldInA400Problem() {
    assertThat(detail(admin("POST", "/users", Map.of("username", " ", "password", PASSWORD))))
        .startsWith("username:");
    assertThat(detail(admin("POST", "/users", Map.of("username", "bob", "password", "short"))))
        .startsWith("password:");
    assertThat(detail(admin("POST", "/users", Map.of("username", "bob", "password", PASSWORD,
        "roles", List.of("has space")))))
        .startsWith("roles[0]:");
    assertThat(detail(admin("POST", "/users", Map.of("username", "bo\u0001b", "password", PASSWORD))))
        .startsWith("username:");
    assertThat(detail(admin("POST", "/roles", Map.of("name", "two words", "permissions", List.of()))))
        .startsWith("name:");
    assertThat(detail(admin("POST", "/clients", Map.of("client_id", "c1", "grants", List.of("password")))))
        .startsWith("grants:");
    String alice = createUser("alice");
    assertThat(detail(admin("POST", "/users/" + alice + "/api-keys", Map.of("name", "k", "scopes", List.of(),
        "expires_in", 5)))).startsWith("expires_in:");
    assertThat(detail(admin("GET", "/users?limit=0"))).startsWith("limit:");
    assertThat(detail(admin("GET", "/audit?limit=ten"))).startsWith("limit:");
  }

  @Test
  void rejectsMalformedBodiesWithoutEchoingThem() {
    admin("POST", "/users", "{\"username\": \"bob\", \"password\": ").expectProblem(400);
    admin("POST", "/users", Map.of("username", "bob", "password", PASSWORD, "admin", true)).expectProblem(400);
    admin("POST", "/users", "{\"username\": \"bob\", \"username\": \"eve\", \"password\": \"secret-secret\"}")
        .expectProblem(400);
    JsonNode wrongType = admin("POST", "/users", "{\"username\": [\"x\"], \"password\": \"hunter2-hunter2\"}")
        .expectProblem(400);
    assertThat(wrongType.toString()).doesNotContain("hunter2");
    Reply form = send(HttpRequest.newBuilder(URI.create(adminUrl + "/admin/v1/users"))
        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=bob")));
    form.expectProblem(415);
  }

  @Test
  void storesSqlInjectionLookingInputVerbatim() {
    createRole("r'--", "orders:read;DROP");

    JsonNode created = admin("POST", "/users", Map.of("username", INJECTION, "password", PASSWORD,
        "roles", List.of("r'--"))).expect(201);

    assertThat(created.path("username").asText()).isEqualTo(INJECTION);
    String id = created.path("id").asText();
    assertThat(admin("GET", "/users/" + id).expect(200).path("username").asText()).isEqualTo(INJECTION);
    JsonNode found = admin("GET", "/users?username=" + encode(INJECTION)).expect(200).path("items");
    assertThat(found.findValuesAsText("username")).containsExactly(INJECTION);
    assertThat(admin("GET", "/users?username=" + encode("alice' OR '1'='1")).expect(200).path("items")).isEmpty();
    assertThat(texts(admin("GET", "/roles/" + encode("r'--")).expect(200).path("permissions")))
        .containsExactly("orders:read;DROP");
    String key = createKey(id, "orders:read;DROP").path("key").asText();
    Creds gateway = createClient("gateway", List.of(TOKEN_EXCHANGE), List.of(),
        List.of("orders"));
    assertThat(exchange(gateway, key, "orders").expect(200).path("scope").asText()).isEqualTo("orders:read;DROP");
    createUser("bob");
    assertThat(admin("GET", "/users").expect(200).path("items")).hasSize(2);
  }

  @Test
  void rejectsVeryLongInputWith400Or413() {
    String huge = "a".repeat(10_000);

    assertThat(detail(admin("POST", "/users", Map.of("username", huge, "password", PASSWORD))))
        .startsWith("username:");
    assertThat(detail(admin("POST", "/roles", Map.of("name", huge, "permissions", List.of())))).startsWith("name:");
    assertThat(detail(admin("POST", "/clients", Map.of("client_id", "c1", "grants", List.of(CLIENT_CREDENTIALS),
        "permissions", List.of(huge))))).startsWith("permissions[0]:");
    assertThat(detail(admin("POST", "/users", Map.of("username", "bob", "password", "p".repeat(2_000)))))
        .startsWith("password:");
    assertThat(detail(admin("GET", "/users?username=" + "a".repeat(5_000)))).startsWith("username:");
    admin("GET", "/users/" + "u".repeat(5_000)).expectProblem(404);
    admin("POST", "/users", Map.of("username", "b".repeat(100_000), "password", PASSWORD)).expectProblem(413);
    admin("GET", "/users?username=" + "a".repeat(10_000)).expectProblem(414);
  }

  @Test
  void oauthEndpointsAnswerHugeOrOddInputWithOAuthErrors() {
    token(new Creds("admin", "s".repeat(10_000)), "grant_type", "client_credentials")
        .expectOAuthError(401, "invalid_client");
    token(new Creds("c".repeat(10_000), "s"), "grant_type", "client_credentials")
        .expectOAuthError(401, "invalid_client");
    token(ADMIN, "grant_type", "client_credentials", "scope", "x".repeat(5_000))
        .expectOAuthError(400, "invalid_scope");
    token(ADMIN, "grant_type", "client_credentials", "grant_type", "client_credentials")
        .expectOAuthError(400, "invalid_request");
    Reply huge = token(ADMIN, "grant_type", "client_credentials", "pad", "x".repeat(100_000));
    assertThat(huge.status()).isEqualTo(413);
    Reply json = send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token")).header("Authorization", basic(ADMIN))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    json.expectOAuthError(400, "invalid_request");
  }

  private static String detail(Reply reply) {
    return reply.expectProblem(400).path("detail").asText();
  }
}
