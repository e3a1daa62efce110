package io.gatehouse.token.verify;

import static io.gatehouse.token.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import io.gatehouse.token.Providers;
import io.gatehouse.token.Vectors;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.keys.VerificationKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof {@code json_web_signature_test.json}: every vector verified with
 * {@link JwsVerifier} over a key set holding only its group's key. For ES256, RS256 and EdDSA the
 * verdict must be the file's; every vector of an algorithm Gatehouse does not verify with
 * (HS*, PS*, RS384, RS512, ES512) must be rejected.
 */
class WycheproofJwsTest {
  private static final JsonNode FILE = Vectors.read("wycheproof/json_web_signature_test.json");
  private static final Set<String> SUPPORTED = Set.of("ES256", "RS256", "EdDSA", "Ed25519");

  /** Vectors the file marks valid that Gatehouse rejects on purpose, with the reason. Keep docs/token.md in step. */
  static final Map<Integer, String> STRICTER = Map.of(
      372, "a '?' inside the header's base64url: only canonical base64url is accepted (RFC 7515 §2), so "
          + "each token has exactly one encoding and the signed bytes are the bytes received",
      373, "a '?' inside the payload's base64url: only canonical base64url is accepted, as for 372");

  record Vector(int tcId, String comment, String group, String result, JsonNode key, String jws) {
    boolean supported() {
      return SUPPORTED.contains(algorithm());
    }

    /** The group key's {@code alg}, or what its type implies when it has none. */
    String algorithm() {
      if (key.hasNonNull("alg")) {
        return key.get("alg").asText();
      }
      switch (key.path("kty").asText()) {
        case "RSA":
          return "RS256";
        case "EC":
          return "P-256".equals(key.path("crv").asText()) ? "ES256" : "ES?";
        case "OKP":
          return "Ed25519".equals(key.path("crv").asText()) ? "EdDSA" : "OKP?";
        default:
          return key.path("kty").asText();
      }
    }

    @Override
    public String toString() {
      return "tcId " + tcId + " " + comment + " [" + group + ", " + algorithm() + ", " + result + "]";
    }
  }

  static List<Vector> vectors() {
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode group : FILE.get("testGroups")) {
      JsonNode key = group.has("public") ? group.get("public") : group.get("private");
      for (JsonNode test : group.get("tests")) {
        JsonNode jws = test.get("jws");
        vectors.add(new Vector(test.get("tcId").asInt(), test.get("comment").asText(), group.get("comment").asText(),
            test.get("result").asText(), key, jws.isTextual() ? jws.asText() : jws.toString()));
      }
    }
    return vectors;
  }

  static Stream<Arguments> vectorsOnEveryProvider() {
    return Providers.with(vectors().toArray());
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("vectorsOnEveryProvider")
  void verdictMatchesTheFile(CryptoProvider provider, Vector vector) throws ParseException {
    assertThat(vector.result()).isIn("valid", "invalid");
    boolean expected = vector.supported() && "valid".equals(vector.result()) && !STRICTER.containsKey(vector.tcId());

    Optional<String> rejection = rejection(vector, provider);

    assertThat(rejection.isEmpty())
        .as("%s verifies (rejection: %s)", vector, rejection.orElse("none"))
        .isEqualTo(expected);
  }

  @Test
  void coversEveryVectorInTheFile() {
    assertThat(vectors()).hasSize(FILE.get("numberOfTests").asInt());
    assertThat(vectors()).extracting(Vector::algorithm).doesNotContain("ES?", "OKP?");
  }

  @Test
  void loadsTheKeyOfEverySupportedGroup() throws ParseException {
    for (Vector vector : vectors()) {
      if (vector.supported()) {
        JWK jwk = JWK.parse(vector.key().toString());
        assertThatCode(() -> VerificationKey.fromJwk(jwk)).as(vector.toString()).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void stricterChoicesAreRejectedAsMalformedWhateverTheKey() {
    JwsVerifier anyKeys = JwsVerifier.builder().keys(PublicJwks.of(List.of())).build();
    for (Vector vector : vectors()) {
      if (STRICTER.containsKey(vector.tcId())) {
        assertThat(vector.result()).as(vector.toString()).isEqualTo("valid");
        assertRejected(Rejection.MALFORMED, () -> anyKeys.verify(vector.jws()));
      }
    }
  }

  @Test
  void keysOfUnsupportedAlgorithmsAreRefused() throws ParseException {
    for (Vector vector : vectors()) {
      if (!vector.supported()) {
        JWK jwk = JWK.parse(vector.key().toString());
        assertThatThrownBy(() -> VerificationKey.fromJwk(jwk)).as(vector.toString()).isInstanceOf(KeyException.class);
      }
    }
  }

  /** Empty when the vector verifies, else why not; a group key that cannot be loaded rejects every vector. */
  private static Optional<String> rejection(Vector vector, CryptoProvider provider) throws ParseException {
    VerificationKey key;
    try {
      key = VerificationKey.fromJwk(JWK.parse(vector.key().toString()));
    } catch (KeyException e) {
      return Optional.of("key refused: " + e.getMessage());
    }
    JwsVerifier verifier = JwsVerifier.builder().keys(PublicJwks.of(List.of(key))).provider(provider).build();
    try {
      verifier.verify(vector.jws());
      return Optional.empty();
    } catch (TokenRejectedException e) {
      return Optional.of(e.getMessage());
    }
  }
}
