package io.gatehouse.auth.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterKeyTest {
  private static final byte[] PLAINTEXT = "{\"kty\":\"EC\",\"d\":\"private\"}".getBytes(StandardCharsets.UTF_8);
  private static final Path NO_DATA_DIR = Path.of("/nonexistent");
  private static final String RESTORE = "restore the original GATEHOUSE_MASTER_KEY or master.key";

  @Test
  void sealsWithAFreshNonceAndOpens() {
    MasterKey key = MasterKey.generate();
    byte[] sealed = key.seal(PLAINTEXT, "kid-1");

    assertThat(sealed).hasSize(1 + 12 + PLAINTEXT.length + 16);
    assertThat(sealed[0]).isEqualTo((byte) 1);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private");
    assertThat(key.open(sealed, "kid-1")).isEqualTo(PLAINTEXT);
    assertThat(key.seal(PLAINTEXT, "kid-1")).isNotEqualTo(sealed);
  }

  @Test
  void wrongKeyFailsWithTheRestoreMessage() {
    byte[] sealed = MasterKey.generate().seal(PLAINTEXT, "kid-1");
    MasterKey other = MasterKey.generate();
    assertThatThrownBy(() -> other.open(sealed, "kid-1")).isInstanceOf(MasterKeyException.class)
        .hasMessageContaining(RESTORE).hasMessageContaining("kid-1").hasMessageContaining(other.fingerprint());
  }

  @Test
  void associatedDataMismatchFails() {
    MasterKey key = MasterKey.generate();
    byte[] sealed = key.seal(PLAINTEXT, "kid-1");
    assertThatThrownBy(() -> key.open(sealed, "kid-2")).isInstanceOf(MasterKeyException.class);
  }

  @Test
  void everyTamperedByteFails() {
    MasterKey key = MasterKey.generate();
    byte[] sealed = key.seal(PLAINTEXT, "kid-1");
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> key.open(tampered, "kid-1")).as("byte " + i).isInstanceOf(MasterKeyException.class);
    }
    assertThatThrownBy(() -> key.open(new byte[28], "kid-1")).hasMessageContaining("truncated");
    assertThatThrownBy(() -> key.open(null, "kid-1")).isInstanceOf(MasterKeyException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standard", "url", "padded", "spaced"})
  void readsTheKeyFromTheEnvironmentInAnyBase64(String style) {
    byte[] raw = new byte[32];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (250 - i * 3);
    }
    String value = switch (style) {
      case "standard" -> Base64.getEncoder().withoutPadding().encodeToString(raw);
      case "url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      case "padded" -> Base64.getEncoder().encodeToString(raw);
      default -> "  " + Base64.getUrlEncoder().encodeToString(raw) + "\n";
    };
    MasterKey fromEnv = MasterKey.load(Map.of(MasterKey.ENV, value), NO_DATA_DIR);
    assertThat(MasterKey.fromBytes(raw).open(fromEnv.seal(PLAINTEXT, "a"), "a")).isEqualTo(PLAINTEXT);
  }

  @Test
  void badEnvironmentValuesNameTheVariableAndNeverEchoTheValue() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> load(short16)).isInstanceOf(MasterKeyException.class)
        .hasMessageStartingWith("GATEHOUSE_MASTER_KEY decodes to 16 bytes").hasMessageNotContaining(short16);
    assertThatThrownBy(() -> load("not*base64!secretish")).isInstanceOf(MasterKeyException.class)
        .hasMessageStartingWith("GATEHOUSE_MASTER_KEY is not valid base64").hasMessageNotContaining("secretish");
    assertThatThrownBy(() -> load("  ")).hasMessageStartingWith("GATEHOUSE_MASTER_KEY is set but empty");
    assertThatThrownBy(() -> MasterKey.fromBytes(new byte[31])).isInstanceOf(MasterKeyException.class);
  }

  @Test
  void printsOnlyAFingerprint() {
    byte[] raw = new byte[32];
    MasterKey key = MasterKey.fromBytes(raw);
    assertThat(key).hasToString("MasterKey[sha256:" + key.fingerprint() + "]");
    assertThat(key.fingerprint()).hasSize(8).isEqualTo("66687aad");
  }

  private static MasterKey load(String value) {
    return MasterKey.load(Map.of(MasterKey.ENV, value), NO_DATA_DIR);
  }
}
