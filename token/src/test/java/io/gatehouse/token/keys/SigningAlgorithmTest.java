package io.gatehouse.token.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SigningAlgorithmTest {

  @Test
  void readsHeaderAlgExactly() {
    assertThat(SigningAlgorithm.fromHeader("ES256")).contains(SigningAlgorithm.ES256);
    assertThat(SigningAlgorithm.fromHeader("RS256")).contains(SigningAlgorithm.RS256);
    assertThat(SigningAlgorithm.fromHeader("EdDSA")).contains(SigningAlgorithm.EDDSA);
    assertThat(SigningAlgorithm.fromHeader("Ed25519")).contains(SigningAlgorithm.EDDSA);
  }

  @Test
  void knowsNoOtherHeaderAlg() {
    for (String alg : new String[] {"none", "es256", "EDDSA", "HS256", "PS256", "RS384", "ES512", "Ed448", ""}) {
      assertThat(SigningAlgorithm.fromHeader(alg)).as(alg).isEmpty();
    }
    assertThat(SigningAlgorithm.fromHeader(null)).isEmpty();
  }

  @Test
  void parsesConfigurationNamesCaseInsensitively() {
    assertThat(SigningAlgorithm.parse("es256")).isEqualTo(SigningAlgorithm.ES256);
    assertThat(SigningAlgorithm.parse("EdDSA")).isEqualTo(SigningAlgorithm.EDDSA);
    assertThat(SigningAlgorithm.parse("ed25519")).isEqualTo(SigningAlgorithm.EDDSA);
    assertThat(SigningAlgorithm.parse("Rs256")).isEqualTo(SigningAlgorithm.RS256);
    assertThatThrownBy(() -> SigningAlgorithm.parse("HS256"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("algorithm must be one of ES256, EdDSA, RS256, was: HS256");
  }

  @Test
  void writesEdDsaAsTheJoseName() {
    assertThat(SigningAlgorithm.EDDSA.joseName()).isEqualTo("EdDSA");
    assertThat(SigningAlgorithm.MIN_RSA_BITS).isEqualTo(2048);
  }
}
