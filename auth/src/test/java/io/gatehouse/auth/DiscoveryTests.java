package io.gatehouse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.auth.oauth.GrantTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery documents and the JWKS. */
abstract class DiscoveryTests extends AuthServiceContract {
  DiscoveryTests(ServiceDatabase db) {
    super(db);
  }

  @Test
  void publishesBothDiscoveryDocumentsNamingTheIssuerExactly() {
    Reply openid = get(authUrl + "/.well-known/openid-configuration");
    Reply oauth = get(authUrl + "/.well-known/oauth-authorization-server");

    for (Reply reply : List.of(openid, oauth)) {
      JsonNode doc = reply.expect(200);
      assertThat(reply.mediaType()).isEqualTo("application/json");
      assertThat(doc.path("issuer").asText()).isEqualTo(authUrl);
      assertThat(doc.path("jwks_uri").asText()).isEqualTo(authUrl + "/oauth2/jwks");
      assertThat(doc.path("token_endpoint").asText()).isEqualTo(authUrl + "/oauth2/token");
      assertThat(doc.path("introspection_endpoint").asText()).isEqualTo(authUrl + "/oauth2/introspect");
      assertThat(doc.path("revocation_endpoint").asText()).isEqualTo(authUrl + "/oauth2/revoke");
      assertThat(texts(doc.path("grant_types_supported"))).containsExactlyInAnyOrder(GrantTypes.CLIENT_CREDENTIALS,
          GrantTypes.REFRESH_TOKEN, GrantTypes.TOKEN_EXCHANGE);
      assertThat(texts(doc.path("token_endpoint_auth_methods_supported")))
          .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post");
    }
    assertThat(openid.json()).isEqualTo(oauth.json());
  }

  @Test
  void servesTheJwksWithPublicMembersOnlyAndCacheControl() {
    Reply reply = get(authUrl + "/oauth2/jwks");

    JsonNode jwks = reply.expect(200);
    assertThat(reply.mediaType()).isEqualTo("application/jwk-set+json");
    assertThat(reply.header("Cache-Control")).contains("public, max-age=" + JWKS_MAX_AGE.toSeconds());
    List<String> published = new ArrayList<>();
    for (JsonNode key : jwks.path("keys")) {
      published.add(key.path("kid").asText());
      assertThat(key.path("kty").asText()).isEqualTo("EC");
      assertThat(key.path("crv").asText()).isEqualTo("P-256");
      assertThat(key.has("x") && key.has("y")).isTrue();
      List<String> members = new ArrayList<>();
      key.fieldNames().forEachRemaining(members::add);
      assertThat(members).doesNotContain("d", "p", "q", "dp", "dq", "qi", "k", "oth");
    }
    // The active key and the next one, published before it signs.
    JsonNode managed = admin("GET", "/signing-keys").expect(200).path("items");
    List<String> kids = new ArrayList<>();
    managed.forEach(key -> kids.add(key.path("kid").asText()));
    assertThat(published).containsExactlyInAnyOrderElementsOf(kids).hasSize(2);
  }
}
