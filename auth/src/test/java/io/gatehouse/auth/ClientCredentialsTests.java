package io.gatehouse.auth;

import static io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS;
import static io.gatehouse.auth.oauth.GrantTypes.TOKEN_EXCHANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.UnauthorizedException;
import io.gatehouse.token.TokenType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code grant_type=client_credentials}: client authentication, scopes, audiences, the token itself. */
abstract class ClientCredentialsTests extends AuthServiceContract {
  private Creds reports;

  ClientCredentialsTests(ServiceDatabase db) {
    super(db);
  }

  @BeforeEach
  void createReportsClient() {
    reports = createClient("reports", List.of(CLIENT_CREDENTIALS), List.of("orders:read", "orders:write"),
        List.of("orders"));
  }

  @Test
  void issuesAnAtJwtThatTheSdkVerifies() {
    Reply reply = token(reports, "grant_type", "client_credentials");

    JsonNode body = reply.expect(200);
    assertThat(reply.header("Cache-Control")).contains("no-store");
    assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asLong()).isEqualTo(900);
    assertThat(body.path("scope").asText()).isEqualTo("orders:read orders:write");
    assertThat(body.has("refresh_token")).isFalse();
    String jwt = body.path("access_token").asText();

    Principal principal = verifier("orders").verify(jwt);
    assertThat(principal.subject()).isEqualTo("reports");
    assertThat(principal.clientId()).contains("reports");
    assertThat(principal.permissions()).containsExactlyInAnyOrder("orders:read", "orders:write");

    JsonNode header = jwtHeader(jwt);
    assertThat(header.path("typ").asText()).isEqualTo("at+jwt");
    assertThat(header.path("alg").asText()).isEqualTo("ES256");
    assertThat(header.path("kid").asText()).isEqualTo(activeKid());
    JsonNode claims = jwtClaims(jwt);
    assertThat(claims.path("iss").asText()).isEqualTo(authUrl);
    assertThat(claims.path("sub").asText()).isEqualTo("reports");
    assertThat(audience(claims)).containsExactly("orders");
    assertThat(claims.path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    assertThat(claims.path("jti").asText()).isNotBlank();
    assertThat(claims.path("client_id").asText()).isEqualTo("reports");
    assertThat(claims.path("scope").asText()).isEqualTo("orders:read orders:write");
  }

  @Test
  void acceptsClientSecretPost() {
    JsonNode body = token(null, "grant_type", "client_credentials", "client_id", reports.id(),
        "client_secret", reports.secret()).expect(200);

    assertThat(verifier("orders").verify(body.path("access_token").asText()).subject()).isEqualTo("reports");
  }

  @Test
  void refusesTwoAuthenticationMethodsAtOnce() {
    token(reports, "grant_type", "client_credentials", "client_id", reports.id(), "client_secret", reports.secret())
        .expectOAuthError(400, "invalid_request");
  }

  @Test
  void answersAWrongSecretAnUnknownClientAndNoCredentialsAlikeWith401() {
    Reply wrongSecret = token(new Creds("reports", reports.secret() + "x"), "grant_type", "client_credentials");
    Reply unknown = token(new Creds("nobody", reports.secret()), "grant_type", "client_credentials");
    Reply wrongPost = token(null, "grant_type", "client_credentials", "client_id", "reports", "client_secret", "x");
    Reply none = token(null, "grant_type", "client_credentials");

    for (Reply reply : List.of(wrongSecret, unknown, wrongPost, none)) {
      reply.expectOAuthError(401, "invalid_client");
      assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
      assertThat(reply.json()).isEqualTo(wrongSecret.json());
    }
  }

  @Test
  void refusesAGrantTheClientDoesNotHold() {
    Creds exchanger = createClient("exchanger", List.of(TOKEN_EXCHANGE), List.of(), List.of("orders"));

    token(exchanger, "grant_type", "client_credentials").expectOAuthError(400, "unauthorized_client");
  }

  @Test
  void grantsARequestedSubsetOfScopesAndRefusesOthers() {
    JsonNode narrowed = token(reports, "grant_type", "client_credentials", "scope", "orders:read").expect(200);

    assertThat(narrowed.path("scope").asText()).isEqualTo("orders:read");
    assertThat(jwtClaims(narrowed.path("access_token").asText()).path("scope").asText()).isEqualTo("orders:read");
    token(reports, "grant_type", "client_credentials", "scope", "orders:read billing:pay")
        .expectOAuthError(400, "invalid_scope");
  }

  @Test
  void grantsAllowedAudiencesAndRefusesOthersAsInvalidTarget() {
    String jwt = accessToken(reports, "audience", "orders");

    assertThat(audience(jwtClaims(jwt))).containsExactly("orders");
    token(reports, "grant_type", "client_credentials", "audience", "billing").expectOAuthError(400, "invalid_target");
  }

  @Test
  void givesAnAudienceConfiguredAsJwtTheTypJwt() {
    Creds legacyCaller = createClient("legacy-caller", List.of(CLIENT_CREDENTIALS), List.of("orders:read"),
        List.of(JWT_AUDIENCE));

    String jwt = accessToken(legacyCaller);

    assertThat(jwtHeader(jwt).path("typ").asText()).isEqualTo("JWT");
    assertThat(verifier(JWT_AUDIENCE, TokenType.JWT).verify(jwt).subject()).isEqualTo("legacy-caller");
    assertThatThrownBy(() -> verifier(JWT_AUDIENCE).verify(jwt)).isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void refusesUnknownAndMissingGrantTypes() {
    token(reports, "grant_type", "password").expectOAuthError(400, "unsupported_grant_type");
    token(reports, "scope", "orders:read").expectOAuthError(400, "invalid_request");
  }

  String activeKid() {
    for (JsonNode key : admin("GET", "/signing-keys").expect(200).path("items")) {
      if (key.path("state").asText().equals("active")) {
        return key.path("kid").asText();
      }
    }
    throw new AssertionError("no active signing key");
  }

  static List<String> audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isArray() ? texts(aud) : List.of(aud.asText());
  }
}
