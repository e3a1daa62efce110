package io.gatehouse.token.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import io.gatehouse.token.Vectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerificationKeyTest {
  private static final JsonNode WYCHEPROOF_KEYS = Vectors.read("wycheproof/json_web_key_test.json");

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void dropsPrivateMembersAndKeepsTheAlgorithm(SigningAlgorithm algorithm) throws Exception {
    VerificationKey key = VerificationKey.fromJwk(JWK.parse(SigningKey.generate(algorithm).toPrivateJwkJson()));

    assertThat(key.jwk().isPrivate()).isFalse();
    assertThat(key.algorithm()).isEqualTo(algorithm);
    assertThat(key.usableForSignatures()).isTrue();
    assertThat(key).hasToString("VerificationKey[" + algorithm.joseName() + ", kid=" + key.kid() + "]");
  }

  @Test
  void keepsTheKidAJwksGivesIt() throws Exception {
    JWK jwk = JWK.parse(SigningKeyTest.RFC7638_KEY);

    assertThat(VerificationKey.fromJwk(jwk).kid()).isEqualTo("2011-04-29");
  }

  @Test
  void refusesARocaModulus() throws Exception {
    assertThatThrownBy(() -> VerificationKey.fromJwk(wycheproofKey("jws_rsa_roca_key")))
        .isInstanceOf(KeyException.class).hasMessageContaining("ROCA");
  }

  @Test
  void refusesA1024BitRsaKey() throws Exception {
    assertThatThrownBy(() -> VerificationKey.fromJwk(wycheproofKey("keysize_too_small")))
        .isInstanceOf(KeyException.class).hasMessage("RSA key has 1024 bits; at least 2048 are required");
  }

  @Test
  void refusesRsaPublicExponentOne() throws Exception {
    assertThatThrownBy(() -> VerificationKey.fromJwk(wycheproofKey("exponentOne")))
        .isInstanceOf(KeyException.class).hasMessage("RSA public exponent must be odd and at least 3");
  }

  @Test
  void refusesAnAlgThatDoesNotMatchTheKey() throws Exception {
    assertThatThrownBy(() -> VerificationKey.fromJwk(wycheproofKey("wrong_algorithm")))
        .isInstanceOf(KeyException.class).hasMessageContaining("key alg ES521 does not match");
    assertThatThrownBy(() -> VerificationKey.fromJwk(wycheproofKey("invalid_algorithm")))
        .isInstanceOf(KeyException.class).hasMessageContaining("key alg ES224 does not match");
    Map<String, Object> rsaAsEdDsa = JWK.parse(SigningKeyTest.RFC7638_KEY).toJSONObject();
    rsaAsEdDsa.put("alg", "EdDSA");
    assertThatThrownBy(() -> VerificationKey.fromJwk(JWK.parse(rsaAsEdDsa)))
        .isInstanceOf(KeyException.class).hasMessageContaining("key alg EdDSA does not match");
  }

  @Test
  void acceptsTheRfc9864Ed25519AlgOnAnEd25519Key() throws Exception {
    Map<String, Object> jwk = SigningKey.generate(SigningAlgorithm.EDDSA).verificationKey().jwk().toJSONObject();
    jwk.put("alg", "Ed25519");

    assertThat(VerificationKey.fromJwk(JWK.parse(jwk)).algorithm()).isEqualTo(SigningAlgorithm.EDDSA);
  }

  @Test
  void refusesSymmetricKeys() throws Exception {
    assertThatThrownBy(() -> VerificationKey.fromJwk(wycheproofKey("invalid_aes_gcm_key")))
        .isInstanceOf(KeyException.class).hasMessageContaining("oct");
  }

  @Test
  void refusesUnsupportedCurves() throws Exception {
    JWK p521 = JWK.parse(Vectors.read("jose-cookbook/jws/4_3.ecdsa_signature.json").at("/input/key").toString());
    JWK x25519 =
        JWK.parse("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"}");

    assertThatThrownBy(() -> VerificationKey.fromJwk(p521)).isInstanceOf(KeyException.class)
        .hasMessageContaining("crv=P-521");
    assertThatThrownBy(() -> VerificationKey.fromJwk(x25519)).isInstanceOf(KeyException.class)
        .hasMessageContaining("crv=X25519");
  }

  @Test
  void isNotUsableForSignaturesWhenUseOrKeyOpsSaySo() throws Exception {
    Map<String, Object> jwk = SigningKey.generate(SigningAlgorithm.ES256).verificationKey().jwk().toJSONObject();
    jwk.put("use", "enc");
    VerificationKey encryption = VerificationKey.fromJwk(JWK.parse(jwk));
    jwk.remove("use");
    jwk.put("key_ops", List.of("sign"));
    VerificationKey signOnly = VerificationKey.fromJwk(JWK.parse(jwk));
    jwk.put("key_ops", List.of("verify"));
    VerificationKey verifyOnly = VerificationKey.fromJwk(JWK.parse(jwk));

    assertThat(encryption.usableForSignatures()).isFalse();
    assertThat(signOnly.usableForSignatures()).isFalse();
    assertThat(verifyOnly.usableForSignatures()).isTrue();
  }

  private static JWK wycheproofKey(String group) throws Exception {
    for (JsonNode candidate : WYCHEPROOF_KEYS.get("testGroups")) {
      if (group.equals(candidate.get("comment").asText())) {
        JsonNode set = candidate.has("public") ? candidate.get("public") : candidate.get("private");
        return JWK.parse(set.get("keys").get(0).toString());
      }
    }
    throw new IllegalArgumentException("no group " + group);
  }
}
