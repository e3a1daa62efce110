package io.gatehouse.token.verify;

import static io.gatehouse.token.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.token.Forge;
import io.gatehouse.token.OnEveryProvider;
import io.gatehouse.token.Providers;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.keys.SigningAlgorithm;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Forged headers against {@link AccessTokenVerifier}: each token is signed and its header is its only defect. */
class HeaderAttackTest {

  static Stream<Arguments> noneSpellings() {
    return Providers.with("none", "None", "NONE");
  }

  static Stream<Arguments> algorithms() {
    return Providers.with((Object[]) SigningAlgorithm.values());
  }

  static Stream<Arguments> atJwtSpellings() {
    return Providers.with("application/at+jwt", "AT+JWT", "Application/At+Jwt");
  }

  @OnEveryProvider
  void acceptsTheUnforgedFixture(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);

    assertThat(es256.verify(es256.token()).subject()).isEqualTo("alice");
  }

  @ParameterizedTest(name = "alg {1} on {0}")
  @MethodSource("noneSpellings")
  void rejectsAlgNone(CryptoProvider provider, String none) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.put("alg", none);
    String unsecured = Forge.b64(Forge.json(header)) + "." + Forge.b64(Forge.json(es256.claims())) + ".";

    assertRejected(Rejection.UNSUPPORTED_ALGORITHM, () -> es256.verify(unsecured));
  }

  @ParameterizedTest(name = "{1} key on {0}")
  @MethodSource("algorithms")
  void rejectsHs256KeyedWithThePublicKey(CryptoProvider provider, SigningAlgorithm algorithm) {
    Fixture fixture = new Fixture(algorithm, provider);
    Map<String, Object> header = fixture.header();
    header.put("alg", "HS256");
    byte[] publicKeyBytes = fixture.key.verificationKey().publicKey().getEncoded();

    String confused = Forge.hs256(publicKeyBytes, Forge.json(header), Forge.json(fixture.claims()));

    assertRejected(Rejection.UNSUPPORTED_ALGORITHM, () -> fixture.verify(confused));
  }

  @OnEveryProvider
  void rejectsRs256HeaderOnEs256Key(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.put("alg", "RS256");

    assertRejected(Rejection.ALGORITHM_MISMATCH, () -> es256.verify(es256.token(header, es256.claims())));
  }

  @OnEveryProvider
  void rejectsEdDsaHeaderOnRs256Key(CryptoProvider provider) {
    Fixture rs256 = new Fixture(SigningAlgorithm.RS256, provider);
    Map<String, Object> header = rs256.header();
    header.put("alg", "EdDSA");

    assertRejected(Rejection.ALGORITHM_MISMATCH, () -> rs256.verify(rs256.token(header, rs256.claims())));
  }

  @OnEveryProvider
  void rejectsAlgNameInTheWrongCase(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.put("alg", "es256");

    assertRejected(Rejection.UNSUPPORTED_ALGORITHM, () -> es256.verify(es256.token(header, es256.claims())));
  }

  @OnEveryProvider
  void acceptsRfc9864Ed25519AlgLikeEdDsa(CryptoProvider provider) {
    Fixture eddsa = new Fixture(SigningAlgorithm.EDDSA, provider);
    Map<String, Object> header = eddsa.header();
    header.put("alg", "Ed25519");

    assertThat(eddsa.verify(eddsa.token(header, eddsa.claims())).subject()).isEqualTo("alice");
    assertThat(eddsa.verify(eddsa.token()).subject()).isEqualTo("alice");
  }

  @OnEveryProvider
  void rejectsEmbeddedJwkHeader(CryptoProvider provider) {
    // The embedded key is the real signer's: a verifier that ignored the header would accept.
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    assertForbidden(es256, "jwk", es256.key.verificationKey().jwk().toJSONObject());
  }

  @OnEveryProvider
  void rejectsJkuHeader(CryptoProvider provider) {
    assertForbidden(new Fixture(SigningAlgorithm.ES256, provider), "jku", "https://attacker.example/jwks.json");
  }

  @OnEveryProvider
  void rejectsX5uHeader(CryptoProvider provider) {
    assertForbidden(new Fixture(SigningAlgorithm.ES256, provider), "x5u", "https://attacker.example/cert.pem");
  }

  @OnEveryProvider
  void rejectsX5cHeader(CryptoProvider provider) {
    assertForbidden(new Fixture(SigningAlgorithm.ES256, provider), "x5c", List.of("MIIBszCCAVmgAwIBAgIUJ8x0"));
  }

  @OnEveryProvider
  void rejectsCritHeader(CryptoProvider provider) {
    assertForbidden(new Fixture(SigningAlgorithm.ES256, provider), "crit", List.of("exp"));
  }

  @OnEveryProvider
  void rejectsUnencodedPayloadHeader(CryptoProvider provider) {
    assertForbidden(new Fixture(SigningAlgorithm.ES256, provider), "b64", false);
  }

  @OnEveryProvider
  void rejectsJweCompactSerialization(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String jwe = Forge.b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + es256.key.kid() + "\"}")
        + "..48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji.XFBoMYUZodetZdvTiFvSkQ";

    assertRejected(Rejection.MALFORMED, () -> es256.verify(jwe));
  }

  @OnEveryProvider
  void rejectsJsonSerialization(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String[] parts = es256.token().split("\\.");
    String general = "{\"payload\":\"" + parts[1] + "\",\"signatures\":[{\"protected\":\"" + parts[0]
        + "\",\"signature\":\"" + parts[2] + "\"}]}";
    String flattened = "{\"payload\":\"" + parts[1] + "\",\"protected\":\"" + parts[0]
        + "\",\"signature\":\"" + parts[2] + "\"}";

    assertRejected(Rejection.MALFORMED, () -> es256.verify(general));
    assertRejected(Rejection.MALFORMED, () -> es256.verify(flattened));
  }

  @OnEveryProvider
  void rejectsDuplicateHeaderMember(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    String header = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + es256.key.kid() + "\",\"alg\":\"ES256\"}";

    assertRejected(Rejection.MALFORMED, () -> es256.verify(es256.token(header, Forge.json(es256.claims()))));
  }

  @OnEveryProvider
  void rejectsHeaderThatIsNotAJsonObject(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);

    assertRejected(Rejection.MALFORMED, () -> es256.verify(es256.token("[\"ES256\"]", Forge.json(es256.claims()))));
  }

  @OnEveryProvider
  void rejectsAlgThatIsNotAString(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.put("alg", List.of("ES256"));

    assertRejected(Rejection.MALFORMED, () -> es256.verify(es256.token(header, es256.claims())));
  }

  @OnEveryProvider
  void rejectsMissingTyp(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.remove("typ");

    assertRejected(Rejection.WRONG_TYPE, () -> es256.verify(es256.token(header, es256.claims())));
  }

  @OnEveryProvider
  void rejectsTypJwtWhenAtJwtIsRequired(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.put("typ", "JWT");

    assertRejected(Rejection.WRONG_TYPE, () -> es256.verify(es256.token(header, es256.claims())));
  }

  @ParameterizedTest(name = "typ {1} on {0}")
  @MethodSource("atJwtSpellings")
  void acceptsOtherSpellingsOfAtJwt(CryptoProvider provider, String typ) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.put("typ", typ);

    assertThat(es256.verify(es256.token(header, es256.claims())).subject()).isEqualTo("alice");
  }

  @OnEveryProvider
  void acceptsTypJwtWhenJwtIsRequired(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.put("typ", "JWT");

    AccessTokenVerifier verifier = es256.verifier().requireType(TokenType.JWT).build();

    assertThat(verifier.verify(es256.token(header, es256.claims())).subject()).isEqualTo("alice");
    assertRejected(Rejection.WRONG_TYPE, () -> verifier.verify(es256.token()));
  }

  @OnEveryProvider
  void acceptsAnyTypOrNoneWhenAnyTypeIsAllowed(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    AccessTokenVerifier verifier = es256.verifier().anyType().build();
    Map<String, Object> other = es256.header();
    other.put("typ", "secevent+jwt");
    Map<String, Object> absent = es256.header();
    absent.remove("typ");

    assertThat(verifier.verify(es256.token(other, es256.claims())).subject()).isEqualTo("alice");
    assertThat(verifier.verify(es256.token(absent, es256.claims())).subject()).isEqualTo("alice");
    assertThat(verifier.verify(es256.token()).subject()).isEqualTo("alice");
  }

  private static void assertForbidden(Fixture fixture, String name, Object value) {
    Map<String, Object> header = fixture.header();
    header.put(name, value);
    String token = fixture.token(header, fixture.claims());

    assertRejected(Rejection.FORBIDDEN_HEADER, () -> fixture.verify(token));
  }
}
