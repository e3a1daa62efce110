package io.gatehouse.auth.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.auth.internal.Sha256;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientSecretsTest {
  @Test
  void generatesUnique256BitBase64UrlSecrets() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = ClientSecrets.generate().reveal();
      assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
      seen.add(secret);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void hashesAsSha256HexAndVerifies() {
    Secret secret = ClientSecrets.generate();
    String hash = ClientSecrets.hash(secret);
    assertThat(hash).isEqualTo(Sha256.hex(secret.reveal())).matches("[0-9a-f]{64}");
    assertThat(ClientSecrets.verify(secret.reveal(), hash)).isTrue();
    assertThat(ClientSecrets.verify(secret.reveal() + "x", hash)).isFalse();
    assertThat(ClientSecrets.verify(null, hash)).isFalse();
    assertThat(ClientSecrets.verify(secret.reveal(), null)).isFalse();
    assertThat(ClientSecrets.verify("x".repeat(513), Sha256.hex("x".repeat(513)))).isFalse();
  }

  @Test
  void secretPrintsOnlyAFingerprint() {
    Secret secret = Secret.of("s3cr3t-value");
    assertThat(secret).hasToString("Secret[sha256:" + Sha256.hex("s3cr3t-value").substring(0, 8) + "]");
    assertThat(secret.toString()).doesNotContain("s3cr3t");
    assertThat(secret.reveal()).isEqualTo("s3cr3t-value");
  }
}
