package io.gatehouse.token.verify;

import static io.gatehouse.token.Rejections.assertRejected;
import static io.gatehouse.token.verify.Fixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.token.Forge;
import io.gatehouse.token.OnEveryProvider;
import io.gatehouse.token.Providers;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.keys.SigningAlgorithm;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Claims against {@link AccessTokenVerifier}: each token is correctly signed and one claim is wrong. */
class ClaimsAttackTest {
  private static final long EXP = NOW.getEpochSecond() + 300;

  static Stream<Arguments> requiredClaims() {
    return Providers.with("exp", "iat", "iss", "sub", "aud");
  }

  static Stream<Arguments> nullableClaims() {
    return Providers.with("exp", "iat", "nbf", "iss", "sub", "aud", "scope", "client_id", "jti", "api_key_id");
  }

  /** Claim name and a value of the wrong JSON type. */
  static Stream<Arguments> wronglyTypedClaims() {
    return Providers.all().stream().flatMap(provider -> Stream.of(
        Arguments.of(provider, "exp", String.valueOf(EXP)),
        Arguments.of(provider, "iat", true),
        Arguments.of(provider, "nbf", "0"),
        Arguments.of(provider, "iss", List.of(Fixture.ISSUER)),
        Arguments.of(provider, "sub", 42),
        Arguments.of(provider, "scope", List.of("orders:read")),
        Arguments.of(provider, "client_id", 7),
        Arguments.of(provider, "jti", Map.of("id", 1)),
        Arguments.of(provider, "api_key_id", false),
        Arguments.of(provider, "aud", 3),
        Arguments.of(provider, "aud", List.of()),
        Arguments.of(provider, "aud", List.of(Fixture.AUDIENCE, 3))));
  }

  /** Times a JWT cannot mean: negative, beyond {@code Instant.MAX}, beyond a long. */
  static Stream<Arguments> impossibleTimes() {
    return Providers.with(-1L, 31_556_889_864_403_200L, new BigInteger("100000000000000000000"), -1.5);
  }

  @ParameterizedTest(name = "without {1} on {0}")
  @MethodSource("requiredClaims")
  void rejectsMissingClaim(CryptoProvider provider, String name) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.remove(name);

    assertRejected(Rejection.MISSING_CLAIM, () -> es256.verify(es256.token(es256.header(), claims)));
  }

  @ParameterizedTest(name = "{1}: null on {0}")
  @MethodSource("nullableClaims")
  void rejectsNullClaimValue(CryptoProvider provider, String name) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put(name, null);

    assertRejected(Rejection.INVALID_CLAIM, () -> es256.verify(es256.token(es256.header(), claims)));
  }

  @ParameterizedTest(name = "{1}: {2} on {0}")
  @MethodSource("wronglyTypedClaims")
  void rejectsClaimOfTheWrongType(CryptoProvider provider, String name, Object value) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put(name, value);

    assertRejected(Rejection.INVALID_CLAIM, () -> es256.verify(es256.token(es256.header(), claims)));
  }

  @ParameterizedTest(name = "exp {1} on {0}")
  @MethodSource("impossibleTimes")
  void rejectsImpossibleExp(CryptoProvider provider, Object exp) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("exp", exp);

    assertRejected(Rejection.INVALID_CLAIM, () -> es256.verify(es256.token(es256.header(), claims)));
  }

  @OnEveryProvider
  void acceptsFractionalTimes(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("exp", EXP + 0.75);

    assertThat(es256.verify(es256.token(es256.header(), claims)).expiresAt().getEpochSecond()).isEqualTo(EXP);
  }

  @OnEveryProvider
  void rejectsIssuerWithATrailingSlash(CryptoProvider provider) {
    assertIssuerRejected(provider, Fixture.ISSUER + "/");
  }

  @OnEveryProvider
  void rejectsIssuerInAnotherCase(CryptoProvider provider) {
    assertIssuerRejected(provider, Fixture.ISSUER.toUpperCase(Locale.ROOT));
  }

  @OnEveryProvider
  void rejectsAnotherIssuer(CryptoProvider provider) {
    assertIssuerRejected(provider, "https://attacker.example");
  }

  @OnEveryProvider
  void acceptsAudienceAsAString(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);

    assertThat(es256.verify(es256.token()).audience()).containsExactly(Fixture.AUDIENCE);
  }

  @OnEveryProvider
  void acceptsAudienceArrayContainingTheAudience(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("aud", List.of("billing", Fixture.AUDIENCE));

    assertThat(es256.verify(es256.token(es256.header(), claims)).audience())
        .containsExactly("billing", Fixture.AUDIENCE);
  }

  @OnEveryProvider
  void rejectsAudienceArrayWithoutTheAudience(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("aud", List.of("billing", "inventory"));

    assertRejected(Rejection.AUDIENCE_MISMATCH, () -> es256.verify(es256.token(es256.header(), claims)));
  }

  @OnEveryProvider
  void rejectsAnotherAudienceString(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("aud", Fixture.AUDIENCE + "-admin");

    assertRejected(Rejection.AUDIENCE_MISMATCH, () -> es256.verify(es256.token(es256.header(), claims)));
  }

  @OnEveryProvider
  void acceptsAnyOfSeveralConfiguredAudiences(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("aud", "inventory");
    AccessTokenVerifier verifier = es256.verifier().audiences(List.of("inventory", "billing")).build();

    assertThat(verifier.verify(es256.token(es256.header(), claims)).audience()).containsExactly("inventory");
  }

  @OnEveryProvider
  void rejectsTokenAtExactlyExpWithoutSkew(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String token = es256.token();

    AccessTokenVerifier justBefore =
        es256.verifier().clockSkew(Duration.ZERO).clock(Fixture.at(NOW.plusSeconds(299))).build();
    AccessTokenVerifier atExp =
        es256.verifier().clockSkew(Duration.ZERO).clock(Fixture.at(NOW.plusSeconds(300))).build();

    assertThat(justBefore.verify(token).subject()).isEqualTo("alice");
    assertRejected(Rejection.EXPIRED, () -> atExp.verify(token));
  }

  @OnEveryProvider
  void acceptsExpiredTokenWithinTheDefaultSkewOfThirtySeconds(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String token = es256.token();

    AccessTokenVerifier withinSkew = es256.verifier().clock(Fixture.at(NOW.plusSeconds(300 + 29))).build();
    AccessTokenVerifier beyondSkew = es256.verifier().clock(Fixture.at(NOW.plusSeconds(300 + 30))).build();

    assertThat(withinSkew.verify(token).subject()).isEqualTo("alice");
    assertRejected(Rejection.EXPIRED, () -> beyondSkew.verify(token));
  }

  @OnEveryProvider
  void appliesAConfiguredSkew(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String token = es256.token();
    Duration skew = Duration.ofMinutes(2);

    AccessTokenVerifier withinSkew =
        es256.verifier().clockSkew(skew).clock(Fixture.at(NOW.plusSeconds(300 + 119))).build();
    AccessTokenVerifier beyondSkew =
        es256.verifier().clockSkew(skew).clock(Fixture.at(NOW.plusSeconds(300 + 120))).build();

    assertThat(withinSkew.verify(token).subject()).isEqualTo("alice");
    assertRejected(Rejection.EXPIRED, () -> beyondSkew.verify(token));
  }

  @OnEveryProvider
  void rejectsIatInTheFutureBeyondTheSkew(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);

    assertThat(es256.verify(issuedAt(es256, NOW.getEpochSecond() + 30)).subject()).isEqualTo("alice");
    assertRejected(Rejection.ISSUED_IN_FUTURE, () -> es256.verify(issuedAt(es256, NOW.getEpochSecond() + 31)));
  }

  @OnEveryProvider
  void rejectsNbfAheadBeyondTheSkew(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> withinSkew = es256.claims();
    withinSkew.put("nbf", NOW.getEpochSecond() + 30);
    Map<String, Object> ahead = es256.claims();
    ahead.put("nbf", NOW.getEpochSecond() + 31);

    assertThat(es256.verify(es256.token(es256.header(), withinSkew)).subject()).isEqualTo("alice");
    assertRejected(Rejection.NOT_YET_VALID, () -> es256.verify(es256.token(es256.header(), ahead)));
  }

  @OnEveryProvider
  void rejectsLifetimeOverTheDefaultMaximumOf24Hours(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    long day = Duration.ofHours(24).getSeconds();

    assertThat(es256.verify(expiresAt(es256, NOW.getEpochSecond() + day)).subject()).isEqualTo("alice");
    assertRejected(Rejection.LIFETIME_EXCEEDED, () -> es256.verify(expiresAt(es256, NOW.getEpochSecond() + day + 1)));
  }

  @OnEveryProvider
  void appliesAConfiguredMaximumLifetime(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    AccessTokenVerifier verifier = es256.verifier().maxLifetime(Duration.ofSeconds(299)).build();

    assertRejected(Rejection.LIFETIME_EXCEEDED, () -> verifier.verify(es256.token()));
  }

  @OnEveryProvider
  void rejectsExpNotAfterIat(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("iat", NOW.getEpochSecond() - 10);
    claims.put("exp", NOW.getEpochSecond() - 10);

    assertRejected(Rejection.INVALID_CLAIM, () -> es256.verify(es256.token(es256.header(), claims)));
  }

  @OnEveryProvider
  void reportsTheVerifiedClaims(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("api_key_id", "key-7");
    claims.put("scope", "orders:read  orders:write");

    VerifiedToken token = es256.verify(es256.token(es256.header(), claims));

    assertThat(token.subject()).isEqualTo("alice");
    assertThat(token.issuer()).isEqualTo(Fixture.ISSUER);
    assertThat(token.audience()).containsExactly(Fixture.AUDIENCE);
    assertThat(token.clientId()).contains("gateway");
    assertThat(token.scopes()).containsExactly("orders:read", "orders:write");
    assertThat(token.hasScope("orders:write")).isTrue();
    assertThat(token.hasScope("orders")).isFalse();
    assertThat(token.issuedAt()).isEqualTo(NOW);
    assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(300));
    assertThat(token.jwtId()).contains("jti-1");
    assertThat(token.apiKeyId()).contains("key-7");
    assertThat(token.keyId()).isEqualTo(es256.key.kid());
    assertThat(token.claims()).containsEntry("api_key_id", "key-7");
  }

  @OnEveryProvider
  void reportsAbsentOptionalClaimsAsEmpty(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.remove("client_id");
    claims.remove("jti");
    claims.remove("scope");

    VerifiedToken token = es256.verify(es256.token(es256.header(), claims));

    assertThat(token.clientId()).isEmpty();
    assertThat(token.jwtId()).isEmpty();
    assertThat(token.apiKeyId()).isEmpty();
    assertThat(token.scopes()).isEmpty();
  }

  private static void assertIssuerRejected(CryptoProvider provider, String iss) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> claims = es256.claims();
    claims.put("iss", iss);

    assertRejected(Rejection.ISSUER_MISMATCH, () -> es256.verify(es256.token(es256.header(), claims)));
  }

  private static String issuedAt(Fixture fixture, long iat) {
    Map<String, Object> claims = fixture.claims();
    claims.put("iat", iat);
    claims.put("exp", iat + 300);
    return fixture.token(Forge.json(fixture.header()), Forge.json(claims));
  }

  private static String expiresAt(Fixture fixture, long exp) {
    Map<String, Object> claims = fixture.claims();
    claims.put("exp", exp);
    return fixture.token(fixture.header(), claims);
  }
}
