package io.gatehouse.token.jwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.token.Providers;
import io.gatehouse.token.Vectors;
import io.gatehouse.token.crypto.CryptoProvider;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.verify.JwsVerifier;
import io.gatehouse.token.verify.TokenRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Project Wycheproof {@code json_web_key_test.json}: each group's key set (the public one where
 * the file has it) goes through {@link PublicJwks#parse}, then its JWS through {@link JwsVerifier}.
 * The verdict must be the file's, except where Gatehouse does not support the algorithm at all.
 */
class WycheproofJwkTest {
  private static final JsonNode FILE = Vectors.read("wycheproof/json_web_key_test.json");
  private static final String SET_REFUSED = "set refused";
  private static final String VERIFIES = "verifies";

  /**
   * How each vector ends: the whole set refused with {@link KeyException}, the JWS verified, or
   * the {@code Rejection} it got. A key that cannot verify is skipped from its set, so its tokens
   * then find no key.
   */
  static final Map<Integer, String> OUTCOME = Map.ofEntries(
      entry(1, SET_REFUSED), // symmetric key next to an EC key
      entry(2, SET_REFUSED), // HS256 keys: symmetric members ("k") are never accepted in a JWKS
      entry(3, SET_REFUSED),
      entry(4, SET_REFUSED), // duplicate kid (and symmetric)
      entry(5, VERIFIES),
      entry(6, "UNKNOWN_KEY"), // RSA1_5 encryption key: alg does not match RS256, skipped
      entry(7, "UNKNOWN_KEY"), // ROCA modulus, skipped
      entry(8, "UNKNOWN_KEY"), // 1024-bit RSA, skipped
      entry(9, "UNKNOWN_KEY"), // public exponent 1, skipped
      entry(10, SET_REFUSED), entry(11, SET_REFUSED), entry(12, SET_REFUSED), // HMAC keys
      entry(13, SET_REFUSED), entry(14, SET_REFUSED), entry(15, SET_REFUSED),
      entry(16, SET_REFUSED), entry(17, SET_REFUSED), entry(18, SET_REFUSED),
      entry(19, "UNKNOWN_KEY"), // P-256 key labelled ES521, skipped
      entry(20, "UNKNOWN_KEY"), // P-256 key labelled ES224, skipped
      entry(21, "UNUSABLE_KEY"), // use "enc"
      entry(22, "UNKNOWN_KEY"), // point not on the curve, skipped
      entry(23, "UNKNOWN_KEY"), // P-256 coordinates labelled P-384, skipped
      entry(24, "UNKNOWN_KEY"), // EC members under kty RSA, skipped
      entry(25, SET_REFUSED), // AES keys
      entry(26, SET_REFUSED));

  /** Vectors the file marks valid that Gatehouse rejects, with the reason. Keep docs/token.md in step. */
  static final Map<Integer, String> UNSUPPORTED = Map.of(
      2, "HS256: no HMAC algorithms; a JWKS with symmetric keys is refused whole",
      13, "HS256 with a long key: no HMAC algorithms",
      14, "HS384: no HMAC algorithms",
      15, "HS512: no HMAC algorithms");

  record Vector(int tcId, String comment, String group, String result, String keySet, String jws) {
    @Override
    public String toString() {
      return "tcId " + tcId + " " + comment + " [" + group + ", " + result + "]";
    }
  }

  static List<Vector> vectors() {
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode group : FILE.get("testGroups")) {
      JsonNode keySet = group.has("public") ? group.get("public") : group.get("private");
      for (JsonNode test : group.get("tests")) {
        vectors.add(new Vector(test.get("tcId").asInt(), test.get("comment").asText(),
            group.get("comment").asText(), test.get("result").asText(), keySet.toString(), test.get("jws").asText()));
      }
    }
    return vectors;
  }

  static Stream<Arguments> vectorsOnEveryProvider() {
    return Providers.with(vectors().toArray());
  }

  static Stream<String> privateKeySets() {
    List<String> sets = new ArrayList<>();
    for (JsonNode group : FILE.get("testGroups")) {
      sets.add(group.get("private").toString());
    }
    return sets.stream();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("vectorsOnEveryProvider")
  void verdictMatchesTheFile(CryptoProvider provider, Vector vector) {
    String outcome = outcome(vector, provider);

    assertThat(outcome).as(vector.toString()).isEqualTo(OUTCOME.get(vector.tcId()));
    boolean expectedValid = "valid".equals(vector.result()) && !UNSUPPORTED.containsKey(vector.tcId());
    assertThat(VERIFIES.equals(outcome)).as(vector + " verifies").isEqualTo(expectedValid);
  }

  @ParameterizedTest
  @MethodSource("privateKeySets")
  void refusesEveryKeySetWithPrivateOrSymmetricMembers(String privateKeySet) {
    assertThatThrownBy(() -> PublicJwks.parse(privateKeySet)).isInstanceOf(KeyException.class);
  }

  @Test
  void coversEveryVectorInTheFile() {
    assertThat(vectors()).hasSize(FILE.get("numberOfTests").asInt());
    assertThat(vectors()).extracting(Vector::tcId).containsExactlyInAnyOrderElementsOf(OUTCOME.keySet());
    assertThat(vectors()).extracting(Vector::result).containsOnly("valid", "invalid");
  }

  private static String outcome(Vector vector, CryptoProvider provider) {
    PublicJwks jwks;
    try {
      jwks = PublicJwks.parse(vector.keySet());
    } catch (KeyException e) {
      return SET_REFUSED;
    }
    try {
      JwsVerifier.builder().keys(jwks).provider(provider).build().verify(vector.jws());
      return VERIFIES;
    } catch (TokenRejectedException e) {
      return e.reason().name();
    }
  }
}
