package io.gatehouse.token.verify;

import static io.gatehouse.token.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.token.Forge;
import io.gatehouse.token.OnEveryProvider;
import io.gatehouse.token.Providers;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Key selection and signatures: the token names a key, the verifier decides whether that key may verify it. */
class KeyAttackTest {

  static Stream<Arguments> algorithms() {
    return Providers.with((Object[]) SigningAlgorithm.values());
  }

  @OnEveryProvider
  void rejectsUnknownKid(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.put("kid", "not-" + es256.key.kid());

    assertRejected(Rejection.UNKNOWN_KEY, () -> es256.verify(es256.token(header, es256.claims())));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithms")
  void rejectsSignatureByAnotherKeyUnderTheSameKid(CryptoProvider provider, SigningAlgorithm algorithm) {
    Fixture fixture = new Fixture(algorithm, provider);
    SigningKey attacker = SigningKey.generate(algorithm);
    String forged = Forge.jws(attacker, provider, Forge.json(fixture.header()), Forge.json(fixture.claims()));

    assertRejected(Rejection.BAD_SIGNATURE, () -> fixture.verify(forged));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithms")
  void rejectsEmptySignature(CryptoProvider provider, SigningAlgorithm algorithm) {
    Fixture fixture = new Fixture(algorithm, provider);
    String token = fixture.token();
    String unsigned = token.substring(0, token.lastIndexOf('.') + 1);

    assertRejected(Rejection.BAD_SIGNATURE, () -> fixture.verify(unsigned));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithms")
  void rejectsTruncatedSignature(CryptoProvider provider, SigningAlgorithm algorithm) {
    Fixture fixture = new Fixture(algorithm, provider);
    String token = fixture.token();
    int dot = token.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    String truncated = token.substring(0, dot + 1) + Forge.b64(Arrays.copyOf(signature, signature.length - 1));

    assertRejected(Rejection.BAD_SIGNATURE, () -> fixture.verify(truncated));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithms")
  void rejectsKeyWhoseUseIsEncryptionEvenWithAValidSignature(CryptoProvider provider, SigningAlgorithm algorithm)
      throws ParseException {
    Fixture fixture = new Fixture(algorithm, provider);
    Map<String, Object> jwk = new LinkedHashMap<>(fixture.key.verificationKey().jwk().toJSONObject());
    jwk.put("use", "enc");

    AccessTokenVerifier verifier = fixture.verifier().keys(keySet(jwk)).build();

    assertRejected(Rejection.UNUSABLE_KEY, () -> verifier.verify(fixture.token()));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithms")
  void rejectsKeyWhoseKeyOpsLackVerifyEvenWithAValidSignature(CryptoProvider provider, SigningAlgorithm algorithm)
      throws ParseException {
    Fixture fixture = new Fixture(algorithm, provider);
    Map<String, Object> jwk = new LinkedHashMap<>(fixture.key.verificationKey().jwk().toJSONObject());
    jwk.remove("use");
    jwk.put("key_ops", List.of("sign"));

    AccessTokenVerifier verifier = fixture.verifier().keys(keySet(jwk)).build();

    assertRejected(Rejection.UNUSABLE_KEY, () -> verifier.verify(fixture.token()));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("algorithms")
  void acceptsKeyWhoseKeyOpsIncludeVerify(CryptoProvider provider, SigningAlgorithm algorithm) throws ParseException {
    Fixture fixture = new Fixture(algorithm, provider);
    Map<String, Object> jwk = new LinkedHashMap<>(fixture.key.verificationKey().jwk().toJSONObject());
    jwk.remove("use");
    jwk.put("key_ops", List.of("verify"));

    AccessTokenVerifier verifier = fixture.verifier().keys(keySet(jwk)).build();

    assertThat(verifier.verify(fixture.token()).keyId()).isEqualTo(fixture.key.kid());
  }

  @OnEveryProvider
  void refusesRsaKeysUnder2048Bits(CryptoProvider provider) throws Exception {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair weak = generator.generateKeyPair();
    JWK weakJwk = new RSAKey.Builder((RSAPublicKey) weak.getPublic()).keyID("rsa-1024").build();
    Map<String, Object> header = es256.header();
    header.put("alg", "RS256");
    header.put("kid", "rsa-1024");
    String signingInput = Forge.b64(Forge.json(header)) + "." + Forge.b64(Forge.json(es256.claims()));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(weak.getPrivate());
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    String token = signingInput + "." + Forge.b64(rsa.sign());
    PublicJwks jwks = PublicJwks.parse("{\"keys\":[" + weakJwk.toJSONString() + ","
        + es256.key.verificationKey().jwk().toJSONString() + "]}");

    assertThatThrownBy(() -> VerificationKey.fromJwk(weakJwk))
        .isInstanceOf(KeyException.class).hasMessageContaining("1024 bits");
    assertThat(jwks.all()).extracting(VerificationKey::kid).containsExactly(es256.key.kid());
    assertRejected(Rejection.UNKNOWN_KEY, () -> es256.verifier().keys(jwks).build().verify(token));
  }

  @OnEveryProvider
  void selectsTheOnlyKeyOfTheAlgorithmWhenKidIsAbsent(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.remove("kid");
    PublicJwks keys = PublicJwks.of(List.of(es256.key.verificationKey(),
        Fixture.key(SigningAlgorithm.RS256).verificationKey(), Fixture.key(SigningAlgorithm.EDDSA).verificationKey()));

    VerifiedToken verified = es256.verifier().keys(keys).build().verify(es256.token(header, es256.claims()));

    assertThat(verified.keyId()).isEqualTo(es256.key.kid());
  }

  @OnEveryProvider
  void rejectsMissingKidWhenTwoKeysOfTheAlgorithmCouldHaveSigned(CryptoProvider provider) {
    Fixture es256 = new Fixture(SigningAlgorithm.ES256, provider);
    Map<String, Object> header = es256.header();
    header.remove("kid");
    PublicJwks keys = PublicJwks.of(List.of(es256.key.verificationKey(),
        SigningKey.generate(SigningAlgorithm.ES256).verificationKey()));

    assertRejected(Rejection.UNKNOWN_KEY,
        () -> es256.verifier().keys(keys).build().verify(es256.token(header, es256.claims())));
  }

  private static PublicJwks keySet(Map<String, Object> jwk) throws ParseException {
    return PublicJwks.of(List.of(VerificationKey.fromJwk(JWK.parse(jwk))));
  }
}
