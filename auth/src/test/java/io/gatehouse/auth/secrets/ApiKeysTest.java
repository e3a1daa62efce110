package io.gatehouse.auth.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.auth.internal.Sha256;
import io.gatehouse.token.apikey.ApiKeyFormat;
import io.gatehouse.token.apikey.Base62;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  private static final String OTHER_CHARACTERS = "-_ .+/=é\u0000";

  @Test
  void generatesKeysInTheContractFormat() {
    ApiKeys.Generated generated = ApiKeys.generate();
    String key = generated.key().reveal();

    assertThat(key).hasSize(50).matches("gh_[0-9A-Za-z]{12}_[0-9A-Za-z]{28}[0-9A-Za-z]{6}");
    assertThat(generated.id()).isEqualTo(key.substring(3, 15));
    assertThat(generated.sha256()).isEqualTo(Sha256.hex(key)).isEqualTo(ApiKeys.sha256(key)).hasSize(64);
    assertThat(key.substring(44)).isEqualTo(check(key.substring(0, 44)));
    assertThat(ApiKeys.parse(key)).contains(new ApiKeyFormat.Parsed(generated.id(), generated.sha256()));
  }

  @Test
  void documentedLengthsAddUp() {
    assertThat(ApiKeys.PREFIX.length() + ApiKeys.ID_LENGTH + 1 + ApiKeys.SECRET_LENGTH + ApiKeys.CHECK_LENGTH)
        .isEqualTo(ApiKeys.LENGTH);
    assertThat(ApiKeys.SECRET_LENGTH * Math.log(62) / Math.log(2)).isGreaterThan(160);
    assertThat(Math.pow(62, ApiKeys.CHECK_LENGTH)).isGreaterThan(Math.pow(2, 32));
  }

  @Test
  void neverPrintsTheKey() {
    ApiKeys.Generated generated = ApiKeys.generate();
    assertThat(generated.toString()).doesNotContain(generated.key().reveal())
        .contains("Secret[sha256:" + generated.key().fingerprint() + "]");
  }

  @Test
  void checksumCatchesEverySingleCharacterTypo() {
    for (int sample = 0; sample < 20; sample++) {
      String key = ApiKeys.generate().key().reveal();
      for (int i = 0; i < key.length(); i++) {
        for (char c : (Base62.ALPHABET + OTHER_CHARACTERS).toCharArray()) {
          if (c != key.charAt(i)) {
            String typo = key.substring(0, i) + c + key.substring(i + 1);
            assertThat(ApiKeys.parse(typo)).as(typo).isEmpty();
          }
        }
      }
    }
  }

  @Test
  void checksumCatchesSwappedNeighbours() {
    for (int sample = 0; sample < 20; sample++) {
      String key = ApiKeys.generate().key().reveal();
      for (int i = 0; i + 1 < key.length(); i++) {
        if (key.charAt(i) != key.charAt(i + 1)) {
          String swapped = key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
          assertThat(ApiKeys.parse(swapped)).as(swapped).isEmpty();
        }
      }
    }
  }

  @Test
  void rejectsMalformedCandidates() {
    String key = ApiKeys.generate().key().reveal();
    assertThat(ApiKeys.parse(null)).isEmpty();
    assertThat(ApiKeys.parse("")).isEmpty();
    assertThat(ApiKeys.parse(key + "x")).isEmpty();
    assertThat(ApiKeys.parse(key.substring(1))).isEmpty();
    assertThat(ApiKeys.parse(" " + key.substring(1))).isEmpty();
    assertThat(ApiKeys.parse(withCheck("GH_" + key.substring(3, 44)))).isEmpty();
    assertThat(ApiKeys.parse(withCheck(key.substring(0, 15) + "-" + key.substring(16, 44)))).isEmpty();
    assertThat(ApiKeys.parse(withCheck(key.substring(0, 20) + "+" + key.substring(21, 44)))).isEmpty();
    assertThat(ApiKeys.parse(withCheck(key.substring(0, 5) + "é" + key.substring(6, 44)))).isEmpty();
  }

  @Test
  void rejectsHugeGarbageWithoutLookingAtIt() {
    String huge = "gh_" + "A".repeat(10_000_000);
    long start = System.nanoTime();
    for (int i = 0; i < 100_000; i++) {
      assertThat(ApiKeys.parse(huge)).isEmpty();
    }
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 100k parses of 10 MB").isLessThan(5_000);
  }

  @Test
  void keysAreUniqueAndUniformlyRandom() {
    Set<String> ids = new HashSet<>();
    Set<String> secrets = new HashSet<>();
    Map<Character, Integer> counts = new HashMap<>();
    int keys = 10_000;
    for (int i = 0; i < keys; i++) {
      String key = ApiKeys.generate().key().reveal();
      ids.add(key.substring(3, 15));
      secrets.add(key.substring(16, 44));
      key.substring(16, 44).chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
    }
    assertThat(ids).hasSize(keys);
    assertThat(secrets).hasSize(keys);
    double mean = keys * 28.0 / 62;
    assertThat(counts).hasSize(62).allSatisfy((c, n) -> assertThat(n).isBetween((int) (mean * 0.85),
        (int) (mean * 1.15)));
  }

  @Test
  void comparesHashesInConstantTimeHelper() {
    String hash = ApiKeys.sha256("gh_x");
    assertThat(ApiKeys.hashesEqual(hash, ApiKeys.sha256("gh_x"))).isTrue();
    assertThat(ApiKeys.hashesEqual(hash, ApiKeys.sha256("gh_y"))).isFalse();
    assertThat(ApiKeys.hashesEqual(hash, null)).isFalse();
  }

  private static String withCheck(String body) {
    return body + check(body);
  }

  private static String check(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return Base62.encode(crc.getValue(), 6);
  }
}
