package io.gatehouse.token.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyTest {
  /** RFC 7517 App. A.1 / RFC 7638 §3.1 RSA public key and its RFC 7638 thumbprint. */
  static final String RFC7638_KEY = "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4"
      + "cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h"
      + "4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQ"
      + "Fh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\","
      + "\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}";
  static final String RFC7638_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void kidIsTheRfc7638ThumbprintOfThePublicKey(SigningAlgorithm algorithm) throws Exception {
    SigningKey key = SigningKey.generate(algorithm);

    assertThat(key.algorithm()).isEqualTo(algorithm);
    assertThat(key.verificationKey().algorithm()).isEqualTo(algorithm);
    assertThat(key.kid()).isEqualTo(key.verificationKey().jwk().computeThumbprint().toString());
  }

  @Test
  void thumbprintMatchesTheRfc7638Example() throws Exception {
    JWK withoutKid = JWK.parse(RFC7638_KEY.replace(",\"kid\":\"2011-04-29\"", ""));

    assertThat(JWK.parse(RFC7638_KEY).computeThumbprint().toString()).isEqualTo(RFC7638_THUMBPRINT);
    assertThat(VerificationKey.fromJwk(withoutKid).kid()).isEqualTo(RFC7638_THUMBPRINT);
  }

  @Test
  void refusesRsaKeysUnder2048BitsOnGenerate() {
    assertThatThrownBy(() -> SigningKey.generate(SigningAlgorithm.RS256, 1024))
        .isInstanceOf(KeyException.class).hasMessage("RSA keys must have at least 2048 bits, was: 1024");
    assertThatThrownBy(() -> SigningKey.generate(SigningAlgorithm.RS256, 2047)).isInstanceOf(KeyException.class);
  }

  @Test
  void refusesRsaKeysUnder2048BitsOnLoad() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    KeyPair pair = generator.generateKeyPair();
    String weak = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
        .build().toJSONString();

    assertThatThrownBy(() -> SigningKey.fromJwkJson(weak))
        .isInstanceOf(KeyException.class).hasMessageContaining("1024 bits");
  }

  @Test
  void generatesRsaKeysOfTheRequestedSize() {
    SigningKey key = SigningKey.generate(SigningAlgorithm.RS256, 3072);

    assertThat(((RSAPublicKey) key.verificationKey().publicKey()).getModulus().bitLength()).isEqualTo(3072);
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void toStringShowsAlgorithmAndKidButNoPrivateMaterial(SigningAlgorithm algorithm) throws Exception {
    SigningKey key = SigningKey.generate(algorithm);
    Map<String, Object> privateJwk = JWK.parse(key.toPrivateJwkJson()).toJSONObject();

    assertThat(key).hasToString("SigningKey[" + algorithm.joseName() + ", kid=" + key.kid() + "]");
    assertThat(privateJwk).containsKey("d");
    for (String member : new String[] {"d", "p", "q", "dp", "dq", "qi"}) {
      if (privateJwk.containsKey(member)) {
        assertThat(key.toString()).doesNotContain((String) privateJwk.get(member));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void loadsItsOwnPrivateJwk(SigningAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm);

    SigningKey loaded = SigningKey.fromJwkJson(key.toPrivateJwkJson());

    assertThat(loaded.kid()).isEqualTo(key.kid());
    assertThat(loaded.algorithm()).isEqualTo(algorithm);
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void fromJwkJsonRefusesAPublicOnlyJwk(SigningAlgorithm algorithm) {
    String publicJwk = SigningKey.generate(algorithm).verificationKey().jwk().toJSONString();

    assertThatThrownBy(() -> SigningKey.fromJwkJson(publicJwk))
        .isInstanceOf(KeyException.class).hasMessage("JWK has no private members; a signing key needs them");
  }

  @Test
  void fromJwkJsonRefusesAKidThatIsNotTheThumbprint() throws Exception {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    Map<String, Object> jwk = JWK.parse(key.toPrivateJwkJson()).toJSONObject();
    jwk.put("kid", "signing-key-1");

    assertThatThrownBy(() -> SigningKey.fromJwkJson(JWK.parse(jwk).toJSONString()))
        .isInstanceOf(KeyException.class)
        .hasMessage("JWK kid must be its RFC 7638 thumbprint " + key.kid() + ", was: signing-key-1");
  }

  @Test
  void fromJwkJsonAssignsTheThumbprintWhenKidIsAbsent() throws Exception {
    SigningKey key = SigningKey.generate(SigningAlgorithm.EDDSA);
    Map<String, Object> jwk = JWK.parse(key.toPrivateJwkJson()).toJSONObject();
    jwk.remove("kid");

    assertThat(SigningKey.fromJwkJson(JWK.parse(jwk).toJSONString()).kid()).isEqualTo(key.kid());
  }

  @Test
  void fromJwkJsonRefusesAnAlgThatIsNotTheKeyTypes() throws Exception {
    Map<String, Object> jwk = JWK.parse(SigningKey.generate(SigningAlgorithm.ES256).toPrivateJwkJson()).toJSONObject();
    jwk.put("alg", "RS256");

    assertThatThrownBy(() -> SigningKey.fromJwkJson(JWK.parse(jwk).toJSONString()))
        .isInstanceOf(KeyException.class).hasMessageContaining("does not match its key type");
  }

  @Test
  void fromJwkJsonRefusesSymmetricKeysAndUnsupportedCurves() {
    String hmac = "{\"kty\":\"oct\",\"k\":\"hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg\"}";
    String x25519 = "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\","
        + "\"d\":\"dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo\"}";

    assertThatThrownBy(() -> SigningKey.fromJwkJson(hmac)).isInstanceOf(KeyException.class);
    assertThatThrownBy(() -> SigningKey.fromJwkJson(x25519))
        .isInstanceOf(KeyException.class).hasMessageContaining("X25519");
  }

  @Test
  void fromJwkJsonRefusesTextThatIsNotAJwk() {
    assertThatThrownBy(() -> SigningKey.fromJwkJson("{\"kty\":"))
        .isInstanceOf(KeyException.class).hasMessageStartingWith("not a valid JWK");
  }
}
