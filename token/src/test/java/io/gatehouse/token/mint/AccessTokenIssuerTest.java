package io.gatehouse.token.mint;

import static io.gatehouse.token.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.token.OnEveryProvider;
import io.gatehouse.token.Providers;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.verify.AccessTokenVerifier;
import io.gatehouse.token.verify.Rejection;
import io.gatehouse.token.verify.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessTokenIssuerTest {
  private static final String ISSUER = "http://127.0.0.1:9000";
  // Sub-second part on purpose: iat and exp are whole seconds.
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00.750Z"), ZoneOffset.UTC);
  private static final long IAT = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<Arguments> algorithms() {
    return Providers.with((Object[]) SigningAlgorithm.values());
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithms")
  void mintsTheContractHeaderAndClaims(CryptoProvider provider, SigningAlgorithm algorithm) throws Exception {
    SigningKey key = SigningKey.generate(algorithm);

    MintedToken token = issuer(key, provider).mint(request().build());

    JsonNode header = part(token, 0);
    JsonNode claims = part(token, 1);
    assertThat(fieldNames(header)).containsExactlyInAnyOrder("alg", "kid", "typ");
    assertThat(header.get("typ").asText()).isEqualTo("at+jwt");
    assertThat(header.get("alg").asText()).isEqualTo(algorithm.joseName());
    assertThat(header.get("kid").asText()).isEqualTo(key.kid());
    assertThat(fieldNames(claims))
        .containsExactlyInAnyOrder("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope");
    assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
    assertThat(claims.get("sub").asText()).isEqualTo("alice");
    assertThat(claims.get("aud").asText()).isEqualTo("orders");
    assertThat(claims.get("iat").asLong()).isEqualTo(IAT);
    assertThat(claims.get("exp").asLong()).isEqualTo(IAT + 300);
    assertThat(claims.get("jti").asText()).matches("[A-Za-z0-9_-]{22}").isEqualTo(token.jwtId());
    assertThat(claims.get("client_id").asText()).isEqualTo("gateway");
    assertThat(claims.get("scope").asText()).isEqualTo("orders:read orders:write");
    assertThat(token.issuedAt()).isEqualTo(Instant.ofEpochSecond(IAT));
    assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(IAT + 300));
  }

  @OnEveryProvider
  void mintsApiKeyIdWhenSet(CryptoProvider provider) throws Exception {
    MintedToken token = issuer(SigningKey.generate(SigningAlgorithm.ES256), provider)
        .mint(request().apiKeyId("key-42").build());

    assertThat(part(token, 1).get("api_key_id").asText()).isEqualTo("key-42");
  }

  @OnEveryProvider
  void mintsTypJwtForTokenTypeJwt(CryptoProvider provider) throws Exception {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);

    MintedToken token = issuer(key, provider).mint(request().type(TokenType.JWT).build());

    assertThat(part(token, 0).get("typ").asText()).isEqualTo("JWT");
    assertThat(verifier(key, provider).requireType(TokenType.JWT).build().verify(token.value()).subject())
        .isEqualTo("alice");
    assertRejected(Rejection.WRONG_TYPE, () -> verifier(key, provider).build().verify(token.value()));
  }

  @OnEveryProvider
  void mintsSeveralAudiencesAsAnArrayAndExtraClaims(CryptoProvider provider) throws Exception {
    MintedToken token = issuer(SigningKey.generate(SigningAlgorithm.ES256), provider)
        .mint(request().audience("inventory").claim("act", Map.of("sub", "gateway")).build());

    JsonNode claims = part(token, 1);
    assertThat(claims.get("aud").isArray()).isTrue();
    assertThat(claims.get("aud")).extracting(JsonNode::asText).containsExactly("orders", "inventory");
    assertThat(claims.at("/act/sub").asText()).isEqualTo("gateway");
  }

  @OnEveryProvider
  void mintedTokenVerifies(CryptoProvider provider) {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    MintedToken token = issuer(key, provider).mint(request().apiKeyId("key-42").build());

    VerifiedToken verified = verifier(key, provider).build().verify(token.value());

    assertThat(verified.scopes()).containsExactly("orders:read", "orders:write");
    assertThat(verified.apiKeyId()).contains("key-42");
    assertThat(verified.jwtId()).contains(token.jwtId());
  }

  @Test
  void givesEveryTokenItsOwnJti() {
    AccessTokenIssuer issuer = issuer(SigningKey.generate(SigningAlgorithm.ES256), CryptoProvider.jdk());

    assertThat(Stream.generate(() -> issuer.mint(request().build()).jwtId()).limit(50).distinct()).hasSize(50);
  }

  @Test
  void refusesALifetimeOverItsMaximum() {
    AccessTokenIssuer issuer = AccessTokenIssuer.builder().issuer(ISSUER)
        .signingKey(SigningKey.generate(SigningAlgorithm.ES256)).maxLifetime(Duration.ofMinutes(5)).clock(CLOCK)
        .build();

    assertThat(issuer.mint(request().lifetime(Duration.ofMinutes(5)).build())).isNotNull();
    assertThatThrownBy(() -> issuer.mint(request().lifetime(Duration.ofMinutes(5).plusSeconds(1)).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lifetime PT5M1S exceeds the maximum PT5M");
  }

  @Test
  void toStringHidesTheTokenValue() {
    AccessTokenIssuer issuer = issuer(SigningKey.generate(SigningAlgorithm.ES256), CryptoProvider.jdk());

    MintedToken token = issuer.mint(request().build());

    assertThat(token.toString()).doesNotContain(token.value()).contains(token.jwtId());
  }

  @Test
  void builderRefusesBadInputNamingTheField() {
    assertThatThrownBy(() -> AccessTokenIssuer.builder().issuer(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("issuer must not be blank");
    assertThatThrownBy(() -> AccessTokenIssuer.builder().maxLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("max lifetime must be positive, was: PT0S");
    assertThatThrownBy(() -> AccessTokenIssuer.builder().signingKey((SigningKey) null))
        .isInstanceOf(NullPointerException.class).hasMessage("key");
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    assertThatThrownBy(() -> AccessTokenIssuer.builder().signingKey(key).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("issuer must be set");
    assertThatThrownBy(() -> AccessTokenIssuer.builder().issuer(ISSUER).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("signing key must be set");
  }

  private static AccessTokenIssuer issuer(SigningKey key, CryptoProvider provider) {
    return AccessTokenIssuer.builder().issuer(ISSUER).signingKey(key).clock(CLOCK).provider(provider).build();
  }

  private static AccessTokenVerifier.Builder verifier(SigningKey key, CryptoProvider provider) {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience("orders")
        .keys(PublicJwks.of(List.of(key.verificationKey()))).clock(CLOCK).provider(provider);
  }

  private static TokenRequest.Builder request() {
    return TokenRequest.builder().subject("alice").audience("orders").clientId("gateway")
        .scopes(List.of("orders:read", "orders:write")).lifetime(Duration.ofMinutes(5));
  }

  private static JsonNode part(MintedToken token, int index) throws Exception {
    return MAPPER.readTree(Base64.getUrlDecoder().decode(token.value().split("\\.")[index]));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
