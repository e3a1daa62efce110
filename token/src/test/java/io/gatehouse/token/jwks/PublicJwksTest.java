package io.gatehouse.token.jwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.token.Forge;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.keys.VerificationKey;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicJwksTest {
  private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void toJsonHoldsNoPrivateMembersForAnyAlgorithm() throws Exception {
    List<VerificationKey> keys = new ArrayList<>();
    for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
      // From the private JWK itself, not only from SigningKey's public half.
      keys.add(VerificationKey.fromJwk(JWK.parse(SigningKey.generate(algorithm).toPrivateJwkJson())));
    }

    String json = PublicJwks.of(keys).toJson();

    JsonNode document = MAPPER.readTree(json);
    assertThat(document.get("keys")).hasSize(SigningAlgorithm.values().length);
    for (JsonNode key : document.get("keys")) {
      assertThat(key.fieldNames()).toIterable().doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
    }
    for (String member : PRIVATE_MEMBERS) {
      assertThat(json).doesNotContain("\"" + member + "\"");
    }
  }

  @Test
  void privateJwkHasTheMembersThePublicJwksMustNotHave() {
    // Guards the test above: the members it looks for are where it would find them.
    assertThat(SigningKey.generate(SigningAlgorithm.RS256).toPrivateJwkJson())
        .contains("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
  }

  @Test
  void parsesWhatItWrites() {
    PublicJwks written = PublicJwks.of(Stream.of(SigningAlgorithm.values())
        .map(a -> SigningKey.generate(a).verificationKey()).toList());

    PublicJwks parsed = PublicJwks.parse(written.toJson());

    assertThat(parsed.all()).extracting(VerificationKey::kid)
        .containsExactlyElementsOf(written.all().stream().map(VerificationKey::kid).toList());
    assertThat(parsed.all()).extracting(VerificationKey::algorithm).containsExactly(SigningAlgorithm.values());
    assertThat(PublicJwks.MEDIA_TYPE).isEqualTo("application/jwk-set+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
  void parseRefusesASetWithAPrivateMember(String member) {
    Map<String, Object> jwk = publicJwk(SigningAlgorithm.ES256);
    jwk.put(member, "AQAB");
    String set = "{\"keys\":[" + Forge.json(publicJwk(SigningAlgorithm.EDDSA)) + "," + Forge.json(jwk) + "]}";

    assertThatThrownBy(() -> PublicJwks.parse(set)).isInstanceOf(KeyException.class)
        .hasMessageContaining("private member \"" + member + "\"");
  }

  @Test
  void parseRefusesDuplicateKids() {
    Map<String, Object> first = publicJwk(SigningAlgorithm.ES256);
    Map<String, Object> second = publicJwk(SigningAlgorithm.ES256);
    second.put("kid", first.get("kid"));

    assertThatThrownBy(() -> PublicJwks.parse(keySet(first, second)))
        .isInstanceOf(KeyException.class).hasMessageContaining("more than once");
  }

  @Test
  void ofRefusesDuplicateKids() {
    VerificationKey key = SigningKey.generate(SigningAlgorithm.ES256).verificationKey();

    assertThatThrownBy(() -> PublicJwks.of(List.of(key, key)))
        .isInstanceOf(KeyException.class).hasMessageContaining("more than once");
  }

  @Test
  void parseSkipsA1024BitRsaKeyButKeepsTheOthers() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    RSAPublicKey weakKey = (RSAPublicKey) generator.generateKeyPair().getPublic();
    Map<String, Object> weak = new LinkedHashMap<>(new RSAKey.Builder(weakKey).keyID("weak").build().toJSONObject());
    Map<String, Object> es256 = publicJwk(SigningAlgorithm.ES256);
    Map<String, Object> rs256 = publicJwk(SigningAlgorithm.RS256);

    PublicJwks jwks = PublicJwks.parse(keySet(es256, weak, rs256));

    assertThat(jwks.all()).extracting(VerificationKey::kid)
        .containsExactly((String) es256.get("kid"), (String) rs256.get("kid"));
    assertThat(jwks.byKid("weak")).isEmpty();
  }

  @Test
  void parseSkipsKeysItCannotVerifyWith() {
    Map<String, Object> x25519 = new LinkedHashMap<>(Map.of("kty", "OKP", "crv", "X25519", "kid", "x25519",
        "x", "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"));
    Map<String, Object> unknownType = new LinkedHashMap<>(Map.of("kty", "XYZ", "kid", "xyz"));
    Map<String, Object> eddsa = publicJwk(SigningAlgorithm.EDDSA);

    PublicJwks jwks = PublicJwks.parse(keySet(x25519, unknownType, eddsa));

    assertThat(jwks.all()).extracting(VerificationKey::kid).containsExactly((String) eddsa.get("kid"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "{}", "{\"keys\":{}}", "{\"keys\":[\"x\"]}", "{\"keys\":[]} {}",
      "{\"keys\":[],\"keys\":[]}"})
  void parseRefusesADocumentThatIsNotAKeySet(String document) {
    assertThatThrownBy(() -> PublicJwks.parse(document)).isInstanceOf(KeyException.class);
  }

  @Test
  void findsKeysByKid() {
    VerificationKey key = SigningKey.generate(SigningAlgorithm.ES256).verificationKey();
    PublicJwks jwks = PublicJwks.of(List.of(key));

    assertThat(jwks.byKid(key.kid())).contains(key);
    assertThat(jwks.byKid("other")).isEmpty();
    assertThat(jwks).hasToString("PublicJwks[" + key.kid() + "]");
  }

  private static Map<String, Object> publicJwk(SigningAlgorithm algorithm) {
    return new LinkedHashMap<>(SigningKey.generate(algorithm).verificationKey().jwk().toJSONObject());
  }

  @SafeVarargs
  private static String keySet(Map<String, Object>... keys) {
    return Forge.json(Map.of("keys", List.of(keys)));
  }
}
