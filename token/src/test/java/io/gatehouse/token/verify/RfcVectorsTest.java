package io.gatehouse.token.verify;

import static io.gatehouse.token.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import io.gatehouse.token.OnEveryProvider;
import io.gatehouse.token.Vectors;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.keys.VerificationKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 7520 (JOSE Cookbook) §4.1/4.3/4.4, RFC 8037 Ed25519 and the RFC 7515 appendix examples:
 * what verifies, what is refused as unsupported, and that deterministic signatures (RS256,
 * Ed25519) are reproduced byte for byte.
 */
class RfcVectorsTest {
  private static final JsonNode RFC_EXAMPLES = Vectors.read("rfc7515-rfc8037-examples.json");
  private static final JsonNode COOKBOOK_RS256 = Vectors.read("jose-cookbook/jws/4_1.rsa_v15_signature.json");
  private static final JsonNode COOKBOOK_ES512 = Vectors.read("jose-cookbook/jws/4_3.ecdsa_signature.json");
  private static final JsonNode COOKBOOK_HS256 =
      Vectors.read("jose-cookbook/jws/4_4.hmac-sha2_integrity_protection.json");
  private static final JsonNode COOKBOOK_ED25519 = Vectors.read("jose-cookbook/curve25519/jws.json");
  private static final BigInteger P256_ORDER =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  @OnEveryProvider
  void verifiesRfc7520RsaV15Signature(CryptoProvider provider) throws Exception {
    VerificationKey key = VerificationKey.fromJwk(JWK.parse(COOKBOOK_RS256.at("/input/key").toString()));

    JwsVerifier.VerifiedJws verified = verifier(key, provider).verify(COOKBOOK_RS256.at("/output/compact").asText());

    assertThat(verified.key().kid()).isEqualTo("bilbo.baggins@hobbiton.example");
    assertThat(new String(verified.jws().payload(), StandardCharsets.UTF_8))
        .isEqualTo(COOKBOOK_RS256.at("/input/payload").asText());
  }

  @OnEveryProvider
  void reproducesRfc7520RsaV15SignatureByteForByte(CryptoProvider provider) throws Exception {
    // The cookbook's kid is not the RFC 7638 thumbprint, which SigningKey requires: load it without.
    ObjectNode jwk = ((ObjectNode) COOKBOOK_RS256.at("/input/key").deepCopy());
    jwk.remove("kid");
    SigningKey key = SigningKey.fromJwkJson(jwk.toString());

    String signature = sign(key, provider, JWSAlgorithm.RS256, COOKBOOK_RS256.at("/signing/sig-input").asText());

    assertThat(signature).isEqualTo(COOKBOOK_RS256.at("/signing/sig").asText());
  }

  @OnEveryProvider
  void rejectsRfc7520Es512AsUnsupported(CryptoProvider provider) throws Exception {
    JWK p521 = JWK.parse(COOKBOOK_ES512.at("/input/key").toString());
    // Even a key set whose key carries the token's kid does not make ES512 acceptable.
    VerificationKey sameKid = VerificationKey.fromJwk(new ECKey.Builder(
        (ECKey) SigningKey.generate(SigningAlgorithm.ES256).verificationKey().jwk()).keyID(p521.getKeyID()).build());

    assertThatThrownBy(() -> VerificationKey.fromJwk(p521))
        .isInstanceOf(KeyException.class).hasMessageContaining("P-521");
    assertRejected(Rejection.UNSUPPORTED_ALGORITHM,
        () -> verifier(sameKid, provider).verify(COOKBOOK_ES512.at("/output/compact").asText()));
  }

  @OnEveryProvider
  void rejectsRfc7520Hs256AsUnsupported(CryptoProvider provider) throws Exception {
    JWK secret = JWK.parse(COOKBOOK_HS256.at("/input/key").toString());
    VerificationKey rsa = VerificationKey.fromJwk(JWK.parse(COOKBOOK_RS256.at("/input/key").toString()));

    assertThatThrownBy(() -> VerificationKey.fromJwk(secret)).isInstanceOf(KeyException.class);
    assertRejected(Rejection.UNSUPPORTED_ALGORITHM,
        () -> verifier(rsa, provider).verify(COOKBOOK_HS256.at("/output/compact").asText()));
  }

  @OnEveryProvider
  void verifiesRfc8037Ed25519Signature(CryptoProvider provider) throws Exception {
    VerificationKey key = VerificationKey.fromJwk(JWK.parse(COOKBOOK_ED25519.at("/input/key").toString()));

    JwsVerifier.VerifiedJws verified = verifier(key, provider).verify(COOKBOOK_ED25519.at("/output/compact").asText());

    assertThat(new String(verified.jws().payload(), StandardCharsets.UTF_8)).isEqualTo("Example of Ed25519 signing");
    assertThat(vector("rfc8037-A.4").get("compact").asText())
        .isEqualTo(COOKBOOK_ED25519.at("/output/compact").asText());
  }

  @OnEveryProvider
  void reproducesRfc8037Ed25519SignatureByteForByte(CryptoProvider provider) {
    // The JWK has no kid; SigningKey gives it its RFC 7638 thumbprint (RFC 8037 A.3).
    SigningKey key = SigningKey.fromJwkJson(COOKBOOK_ED25519.at("/input/key").toString());

    String signature = sign(key, provider, JWSAlgorithm.EdDSA, COOKBOOK_ED25519.at("/signing/sig-input").asText());

    assertThat(key.kid()).isEqualTo(vector("rfc8037-A.3").get("thumbprint_sha256_b64u").asText());
    assertThat(signature).isEqualTo(COOKBOOK_ED25519.at("/signing/sig").asText());
  }

  @OnEveryProvider
  void verifiesRfc7515Es256SignatureWithHighS(CryptoProvider provider) throws Exception {
    JsonNode a3 = vector("rfc7515-A.3");
    String compact = a3.get("compact").asText();
    byte[] signature = Base64.getUrlDecoder().decode(compact.substring(compact.lastIndexOf('.') + 1));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    VerificationKey key = VerificationKey.fromJwk(JWK.parse(a3.get("jwk").toString()));

    assertThat(s).as("S is high").isGreaterThan(P256_ORDER.shiftRight(1));
    assertThat(verifier(key, provider).verify(compact).key().algorithm()).isEqualTo(SigningAlgorithm.ES256);
  }

  @OnEveryProvider
  void checksRfc7515Es256ClaimsAtTheirOwnTime(CryptoProvider provider) throws Exception {
    // The example's claims (iss "joe", exp 2011-03-22T18:43:00Z) are not an access token: with the
    // clock at their time the signature and exp pass, then the missing iat is reported.
    JsonNode a3 = vector("rfc7515-A.3");
    VerificationKey key = VerificationKey.fromJwk(JWK.parse(a3.get("jwk").toString()));
    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer("joe").audience("any").anyType()
        .keys(PublicJwks.of(List.of(key))).clock(Fixture.at(Instant.ofEpochSecond(1300819380L - 60)))
        .provider(provider).build();

    assertRejected(Rejection.MISSING_CLAIM, () -> verifier.verify(a3.get("compact").asText()));
  }

  @OnEveryProvider
  void rejectsRfc7515Hs256AsUnsupported(CryptoProvider provider) throws Exception {
    VerificationKey ec = VerificationKey.fromJwk(JWK.parse(vector("rfc7515-A.3").get("jwk").toString()));

    assertThatThrownBy(() -> VerificationKey.fromJwk(JWK.parse(vector("rfc7515-A.1").get("jwk").toString())))
        .isInstanceOf(KeyException.class);
    assertRejected(Rejection.UNSUPPORTED_ALGORITHM,
        () -> verifier(ec, provider).verify(vector("rfc7515-A.1").get("compact").asText()));
  }

  @OnEveryProvider
  void rejectsRfc7515AlgNoneAsUnsupported(CryptoProvider provider) throws Exception {
    VerificationKey ec = VerificationKey.fromJwk(JWK.parse(vector("rfc7515-A.3").get("jwk").toString()));

    assertRejected(Rejection.UNSUPPORTED_ALGORITHM,
        () -> verifier(ec, provider).verify(vector("rfc7515-A.5").get("compact").asText()));
  }

  @Test
  void computesTheRfc8037Thumbprint() throws Exception {
    JsonNode a3 = vector("rfc8037-A.3");
    VerificationKey key = VerificationKey.fromJwk(JWK.parse(a3.get("canonical_json").asText()));

    assertThat(key.kid()).isEqualTo(a3.get("thumbprint_sha256_b64u").asText());
  }

  private static JwsVerifier verifier(VerificationKey key, CryptoProvider provider) {
    return JwsVerifier.builder().keys(PublicJwks.of(List.of(key))).provider(provider).build();
  }

  private static String sign(SigningKey key, CryptoProvider provider, JWSAlgorithm algorithm, String signingInput) {
    try {
      return key.signer(provider).sign(new JWSHeader(algorithm), signingInput.getBytes(StandardCharsets.US_ASCII))
          .toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode vector(String id) {
    for (JsonNode vector : RFC_EXAMPLES.get("vectors")) {
      if (id.equals(vector.get("id").asText())) {
        return vector;
      }
    }
    throw new IllegalArgumentException("no vector " + id);
  }
}
