package io.gatehouse.auth;

import static io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.sdk.TokenVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing keys through the admin API (listing, rotation, what verifiers see) and the audit trail. */
abstract class SigningKeyAndAuditTests extends AuthServiceContract {
  SigningKeyAndAuditTests(ServiceDatabase db) {
    super(db);
  }

  @Test
  void listsTheActiveAndTheNextKeyWithoutPrivateMaterial() {
    JsonNode keys = admin("GET", "/signing-keys").expect(200).path("items");

    assertThat(keys.findValuesAsText("state")).containsExactlyInAnyOrder("active", "next");
    assertThat(keys.findValuesAsText("alg")).containsOnly("ES256");
    for (JsonNode key : keys) {
      assertThat(key.path("kid").asText()).isNotBlank();
      assertThat(key.path("since").asText()).isNotBlank();
      assertThat(key.has("d")).isFalse();
    }
  }

  @Test
  void refusesToPromoteANextKeyYoungerThanTheJwksMaxAgeUnlessForced() {
    clock.advance(Duration.ofMinutes(1));
    Reply refused = admin("POST", "/signing-keys/rotate");
    refused.expectProblem(409);
    assertThat(refused.header("Retry-After")).contains(Long.toString(JWKS_MAX_AGE.toSeconds() - 60));
    admin("POST", "/signing-keys/rotate", Map.of("force", false)).expectProblem(409);
    String before = kid("active");
    String next = kid("next");

    JsonNode rotated = admin("POST", "/signing-keys/rotate", Map.of("force", true)).expect(200).path("items");

    assertThat(rotated).extracting(k -> k.path("kid").asText(), k -> k.path("state").asText())
        .contains(tuple(next, "active"), tuple(before, "retired")).hasSize(3);
    assertThat(kid("active")).isEqualTo(next);
  }

  @Test
  void rotatesWithoutForceOnceRetryAfterHasPassed() {
    String next = kid("next");
    clock.advance(Duration.ofMillis(1500));
    Reply refused = admin("POST", "/signing-keys/rotate");
    refused.expectProblem(409);

    clock.advance(Duration.ofSeconds(Long.parseLong(refused.header("Retry-After").orElseThrow())));

    admin("POST", "/signing-keys/rotate").expect(200);
    assertThat(kid("active")).isEqualTo(next);
  }

  @Test
  void rotatesWithoutForceOnceTheNextKeyWasPublishedLongEnough() {
    String next = kid("next");
    clock.advance(JWKS_MAX_AGE);

    admin("POST", "/signing-keys/rotate").expect(200);

    assertThat(kid("active")).isEqualTo(next);
  }

  @Test
  void oldTokensStillVerifyAfterRotationAndNewOnesUseThePromotedKey() {
    Creds reports = createClient("reports", List.of(CLIENT_CREDENTIALS), List.of("orders:read"), List.of("orders"));
    TokenVerifier orders = verifier("orders");
    String before = accessToken(reports);
    orders.verify(before);
    String retiring = kid("active");
    String next = kid("next");

    admin("POST", "/signing-keys/rotate", Map.of("force", true)).expect(200);
    String after = accessToken(reports);

    assertThat(jwtHeader(before).path("kid").asText()).isEqualTo(retiring);
    assertThat(jwtHeader(after).path("kid").asText()).isEqualTo(next);
    // The verifier cached the JWKS before the rotation: the promoted key was already in it.
    assertThat(orders.verify(after).subject()).isEqualTo("reports");
    assertThat(orders.verify(before).subject()).isEqualTo("reports");
    TokenVerifier fresh = verifier("orders");
    assertThat(fresh.verify(before).subject()).isEqualTo("reports");
    assertThat(get(authUrl + "/oauth2/jwks").expect(200).path("keys").findValuesAsText("kid"))
        .contains(retiring, next).hasSize(3);
    // The admin token of the bootstrap client was signed by the retired key and still works.
    admin("GET", "/signing-keys").expect(200);
  }

  @Test
  void auditsEveryChangeWithItsActorNewestFirst() {
    createRole("reader", "orders:read");
    admin("PUT", "/roles/reader", Map.of("permissions", List.of("orders:read", "orders:write"))).expect(200);
    String alice = createUser("alice", "reader");
    String key = createKey(alice, "orders:read").path("id").asText();
    admin("PATCH", "/users/" + alice, Map.of("disabled", true)).expect(200);
    admin("DELETE", "/api-keys/" + key).expect(204);
    admin("DELETE", "/api-keys/" + key).expectProblem(404);
    createClient("billing", List.of(CLIENT_CREDENTIALS), List.of(), List.of());
    admin("POST", "/clients/billing/secret").expect(200);
    admin("DELETE", "/clients/billing").expect(204);
    admin("POST", "/signing-keys/rotate", Map.of("force", true)).expect(200);
    admin("DELETE", "/users/" + alice).expect(204);
    admin("DELETE", "/roles/reader").expect(204);

    List<JsonNode> events = allAuditEvents(4);

    assertThat(events).extracting(e -> e.path("actor").asText(), e -> e.path("action").asText(),
        e -> e.path("target").asText(), e -> e.path("outcome").asText()).containsExactly(
            tuple("admin", "role.delete", "reader", "success"),
            tuple("admin", "user.delete", alice, "success"),
            tuple("admin", "signing_key.rotate", events.get(2).path("target").asText(), "success"),
            tuple("admin", "client.delete", "billing", "success"),
            tuple("admin", "client.rotate_secret", "billing", "success"),
            tuple("admin", "client.create", "billing", "success"),
            tuple("admin", "api_key.revoke", key, "failure"),
            tuple("admin", "api_key.revoke", key, "success"),
            tuple("admin", "user.update", alice, "success"),
            tuple("admin", "api_key.create", key, "success"),
            tuple("admin", "user.create", alice, "success"),
            tuple("admin", "role.update", "reader", "success"),
            tuple("admin", "role.create", "reader", "success"),
            tuple("system", "client.create", "admin", "success"),
            tuple("system", "signing_key.create", events.get(14).path("target").asText(), "success"));
    for (JsonNode event : events) {
      assertThat(event.path("at").asText()).isNotBlank();
      assertThat(event.path("id").asText()).isNotBlank();
    }
  }

  private List<JsonNode> allAuditEvents(int limit) {
    List<JsonNode> events = new ArrayList<>();
    String path = "/audit?limit=" + limit;
    while (true) {
      JsonNode page = admin("GET", path).expect(200);
      assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
      page.path("items").forEach(events::add);
      if (page.path("next").isNull()) {
        return events;
      }
      path = "/audit?limit=" + limit + "&cursor=" + encode(page.path("next").asText());
    }
  }

  private String kid(String state) {
    for (JsonNode key : admin("GET", "/signing-keys").expect(200).path("items")) {
      if (key.path("state").asText().equals(state)) {
        return key.path("kid").asText();
      }
    }
    throw new AssertionError("no " + state + " signing key");
  }
}
