package io.gatehouse.auth;

import static io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS;
import static io.gatehouse.auth.oauth.GrantTypes.TOKEN_EXCHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admin API: who may call it, and roles, users, API keys and clients through it. */
abstract class AdminApiTests extends AuthServiceContract {
  AdminApiTests(ServiceDatabase db) {
    super(db);
  }

  @Test
  void asksForABearerTokenWhenThereIsNone() {
    Reply reply = adminAs(null, "GET", "/roles", null);

    reply.expectProblem(401);
    assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"gatehouse-admin\"");
  }

  @Test
  void rejectsATokenThatIsNotAnAdminTokenOfThisIssuer() {
    Reply garbage = adminAs("not-a-jwt", "GET", "/roles", null);
    Creds orders = createClient("orders-svc", List.of(CLIENT_CREDENTIALS), List.of("orders:read"), List.of("orders"));
    Reply otherAudience = adminAs(accessToken(orders), "GET", "/roles", null);

    for (Reply reply : List.of(garbage, otherAudience)) {
      reply.expectProblem(401);
      assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(
          value -> assertThat(value).startsWith("Bearer realm=\"gatehouse-admin\"").contains("error=\"invalid_token\""));
    }
  }

  @Test
  void rejectsAnExpiredAdminToken() {
    admin("GET", "/roles").expect(200);

    clock.advance(Duration.ofMinutes(16));

    Reply expired = admin("GET", "/roles");
    expired.expectProblem(401);
    assertThat(expired.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
  }

  @Test
  void refusesAUsersExchangedTokenEvenWithTheAdminPermission() {
    createRole("operators", "gatehouse:admin");
    String userId = createUser("operator", "operators");
    String apiKey = createKey(userId, "gatehouse:admin").path("key").asText();
    Creds exchanger = createClient("exchanger", List.of(TOKEN_EXCHANGE), List.of(), List.of("gatehouse-admin"));
    String userToken = exchange(exchanger, apiKey, "gatehouse-admin").expect(200).path("access_token").asText();

    Reply reply = adminAs(userToken, "GET", "/users", null);

    reply.expectProblem(401);
    assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).contains("not a client_credentials token"));
  }

  @Test
  void forbidsAClientWithoutTheAdminPermission() {
    Creds snoop = createClient("snoop", List.of(CLIENT_CREDENTIALS), List.of("orders:read"), List.of("gatehouse-admin"));

    Reply reply = adminAs(accessToken(snoop), "GET", "/users", null);

    reply.expectProblem(403);
    assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).contains("error=\"insufficient_scope\"", "scope=\"gatehouse:admin\""));
  }

  @Test
  void createsReadsReplacesAndDeletesRoles() {
    JsonNode created = createRole("support", "orders:read", "tickets:write");
    assertThat(created.path("name").asText()).isEqualTo("support");
    assertThat(texts(created.path("permissions"))).containsExactly("orders:read", "tickets:write");
    admin("POST", "/roles", Map.of("name", "support", "permissions", List.of())).expectProblem(409);

    assertThat(texts(admin("GET", "/roles/support").expect(200).path("permissions")))
        .containsExactly("orders:read", "tickets:write");
    assertThat(admin("GET", "/roles").expect(200).path("items").findValuesAsText("name")).containsExactly("support");

    JsonNode replaced = admin("PUT", "/roles/support", Map.of("permissions", List.of("orders:read"))).expect(200);
    assertThat(texts(replaced.path("permissions"))).containsExactly("orders:read");

    admin("DELETE", "/roles/support").expect(204);
    admin("GET", "/roles/support").expectProblem(404);
    admin("DELETE", "/roles/support").expectProblem(404);
  }

  @Test
  void createsFindsUpdatesAndDeletesUsers() {
    createRole("reader", "orders:read");
    createRole("writer", "orders:write");

    Reply created = admin("POST", "/users", Map.of("username", "alice", "password", PASSWORD, "roles", List.of("reader")));
    JsonNode alice = created.expect(201);
    String id = alice.path("id").asText();
    assertThat(created.header("Location")).contains("/admin/v1/users/" + id);
    assertThat(alice.path("username").asText()).isEqualTo("alice");
    assertThat(texts(alice.path("roles"))).containsExactly("reader");
    assertThat(alice.has("password")).isFalse();
    admin("POST", "/users", Map.of("username", "alice", "password", PASSWORD)).expectProblem(409);
    createUser("bob");

    assertThat(admin("GET", "/users/" + id).expect(200).path("username").asText()).isEqualTo("alice");
    JsonNode found = admin("GET", "/users?username=alice").expect(200).path("items");
    assertThat(found.findValuesAsText("id")).containsExactly(id);
    assertThat(admin("GET", "/users?username=carol").expect(200).path("items")).isEmpty();

    JsonNode updated = admin("PATCH", "/users/" + id, Map.of("roles", List.of("reader", "writer"), "disabled", true,
        "password", "another long password")).expect(200);
    assertThat(texts(updated.path("roles"))).containsExactly("reader", "writer");
    assertThat(updated.path("disabled").asBoolean()).isTrue();
    assertThat(admin("GET", "/users/" + id).expect(200).path("disabled").asBoolean()).isTrue();
    admin("PATCH", "/users/" + id, Map.of("roles", List.of("no-such-role"))).expectProblem(400);

    admin("DELETE", "/users/" + id).expect(204);
    admin("GET", "/users/" + id).expectProblem(404);
    admin("PATCH", "/users/" + id, Map.of("disabled", false)).expectProblem(404);
  }

  @Test
  void pagesThroughUsersWithNextCursors() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      ids.add(createUser("user" + i));
    }

    List<String> seen = new ArrayList<>();
    String path = "/users?limit=2";
    int pages = 0;
    while (true) {
      JsonNode page = admin("GET", path).expect(200);
      pages++;
      assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
      seen.addAll(page.path("items").findValuesAsText("id"));
      if (page.path("next").isNull()) {
        break;
      }
      path = "/users?limit=2&cursor=" + encode(page.path("next").asText());
    }

    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    assertThat(pages).isEqualTo(3);
    admin("GET", "/users?cursor=not-one-of-ours").expectProblem(400);
  }

  @Test
  void showsAnApiKeyOnceAndRevokesItOnce() {
    createRole("reader", "orders:read", "orders:write");
    String alice = createUser("alice", "reader");

    Reply created = admin("POST", "/users/" + alice + "/api-keys",
        Map.of("name", "ci", "scopes", List.of("orders:read")));

    JsonNode key = created.expect(201);
    assertThat(created.header("Cache-Control")).contains("no-store");
    assertThat(key.path("key").asText()).hasSize(50).matches("gh_[0-9A-Za-z]{12}_[0-9A-Za-z]{34}");
    assertThat(key.path("key").asText()).startsWith("gh_" + key.path("id").asText() + "_");
    assertThat(key.path("name").asText()).isEqualTo("ci");
    assertThat(texts(key.path("scopes"))).containsExactly("orders:read");
    assertThat(key.path("expires_at").isNull()).isTrue();
    assertThat(key.path("created_at").asText()).isNotBlank();

    JsonNode listed = admin("GET", "/users/" + alice + "/api-keys").expect(200).path("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("id").asText()).isEqualTo(key.path("id").asText());
    assertThat(listed.get(0).has("key")).isFalse();
    assertThat(listed.toString()).doesNotContain(key.path("key").asText().substring(16));

    admin("DELETE", "/api-keys/" + key.path("id").asText()).expect(204);
    admin("DELETE", "/api-keys/" + key.path("id").asText()).expectProblem(404);
    assertThat(admin("GET", "/users/" + alice + "/api-keys").expect(200).path("items").get(0).path("revoked_at")
        .asText()).isNotBlank();
  }

  @Test
  void refusesKeysWithScopesTheOwnerLacksOrForUnknownUsers() {
    createRole("reader", "orders:read");
    String alice = createUser("alice", "reader");

    JsonNode problem = admin("POST", "/users/" + alice + "/api-keys",
        Map.of("name", "ci", "scopes", List.of("orders:write"))).expectProblem(400);
    assertThat(problem.path("detail").asText()).contains("orders:write");
    admin("POST", "/users/u_nobody/api-keys", Map.of("name", "ci", "scopes", List.of())).expectProblem(404);
    admin("GET", "/users/u_nobody/api-keys").expectProblem(404);
  }

  @Test
  void showsAClientSecretOnceAndRotatesIt() {
    Reply created = admin("POST", "/clients", Map.of("client_id", "billing", "grants", List.of(CLIENT_CREDENTIALS),
        "permissions", List.of("invoices:read"), "audiences", List.of("invoices")));
    JsonNode client = created.expect(201);
    Creds old = new Creds("billing", client.path("client_secret").asText());
    assertThat(old.secret()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(created.header("Cache-Control")).contains("no-store");
    assertThat(admin("GET", "/clients/billing").expect(200).has("client_secret")).isFalse();
    assertThat(admin("GET", "/clients").expect(200).toString()).doesNotContain(old.secret())
        .contains("\"billing\"", "\"admin\"");
    accessToken(old);

    JsonNode rotated = admin("POST", "/clients/billing/secret").expect(200);
    Creds fresh = new Creds("billing", rotated.path("client_secret").asText());

    assertThat(fresh.secret()).isNotEqualTo(old.secret());
    token(old, "grant_type", "client_credentials").expectOAuthError(401, "invalid_client");
    accessToken(fresh);
    admin("POST", "/clients", Map.of("client_id", "billing", "grants", List.of())).expectProblem(409);
  }

  @Test
  void deletedClientsCannotGetTokens() {
    Creds billing = createClient("billing", List.of(CLIENT_CREDENTIALS), List.of(), List.of());
    accessToken(billing);

    admin("DELETE", "/clients/billing").expect(204);

    token(billing, "grant_type", "client_credentials").expectOAuthError(401, "invalid_client");
    admin("GET", "/clients/billing").expectProblem(404);
    admin("DELETE", "/clients/admin").expectProblem(400);
  }
}
