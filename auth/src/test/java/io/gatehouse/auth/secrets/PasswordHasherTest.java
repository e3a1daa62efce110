package io.gatehouse.auth.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.http.server.EventLoops;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
  private static final String PHC = "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";

  @Test
  void hashesWithOwaspParametersInPhcFormat() {
    String hash = PasswordHasher.hash("correct horse battery staple");
    assertThat(hash).matches(PHC);
    assertThat(PasswordHasher.verify("correct horse battery staple", hash)).isTrue();
    assertThat(PasswordHasher.verify("correct horse battery stapler", hash)).isFalse();
    assertThat(PasswordHasher.hash("correct horse battery staple")).as("fresh salt").isNotEqualTo(hash);
  }

  @Test
  void roundTripsUnicodeAndCharArrays() {
    String hash = PasswordHasher.hash("pässwörd 🔑".toCharArray());
    assertThat(PasswordHasher.verify("pässwörd 🔑".toCharArray(), hash)).isTrue();
    assertThat(PasswordHasher.verify("passwörd 🔑", hash)).isFalse();
  }

  @Test
  void verifiesReferenceImplementationHashes() {
    // phc-winner-argon2 src/test.c, argon2id v=19, password "password", salt "somesalt".
    assertThat(PasswordHasher.verify("password",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isTrue();
    assertThat(PasswordHasher.verify("password",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4")).isTrue();
    assertThat(PasswordHasher.verify("passwore",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4")).isFalse();
  }

  @Test
  void bouncyCastleMatchesTheRfc9106Argon2idVector() {
    // RFC 9106 section 5.3: m=32 KiB, t=3, p=4, password 32 x 0x01, salt 16 x 0x02, secret 8 x 0x03,
    // associated data 12 x 0x04, 32-byte tag.
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(32).withIterations(3).withParallelism(4)
        .withSalt(filled(16, 0x02)).withSecret(filled(8, 0x03)).withAdditional(filled(12, 0x04)).build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] tag = new byte[32];
    generator.generateBytes(filled(32, 0x01), tag);
    assertThat(HexFormat.of().formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "not a hash",
      "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=19$m=256,t=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$",
      "$argon2id$v=19$m=256,t=2,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR",
      "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=19$m=256,t=1000,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=19$m=256,t=2,p=64$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=19$m=8,t=2,p=4$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"})
  void rejectsMalformedOrAbsurdStoredHashesWithoutQuotingThem(String phc) {
    assertThatThrownBy(() -> PasswordHasher.verify("password", phc)).isInstanceOf(SecretsException.class)
        .hasMessageStartingWith("stored password hash is not a valid Argon2id PHC string")
        .hasMessageNotContaining("c29tZXNhbHQ");
  }

  @Test
  void rejectsOverlongStoredHashAndNull() {
    assertThatThrownBy(() -> PasswordHasher.verify("password", "$argon2id$" + "A".repeat(300)))
        .isInstanceOf(SecretsException.class);
    assertThatThrownBy(() -> PasswordHasher.verify("password", null)).isInstanceOf(SecretsException.class);
  }

  @Test
  void boundsPasswordLength() {
    assertThat(PasswordHasher.verify("p".repeat(1024), PasswordHasher.hash("p".repeat(1024)))).isTrue();
    assertThatThrownBy(() -> PasswordHasher.hash("p".repeat(1025))).isInstanceOf(SecretsException.class)
        .hasMessage("password must be at most 1024 characters, was 1025");
    assertThatThrownBy(() -> PasswordHasher.verify("p".repeat(1025), "$argon2id$")).hasMessageContaining("1024");
    assertThatThrownBy(() -> PasswordHasher.hash("")).hasMessage("password must not be empty");
    assertThatThrownBy(() -> PasswordHasher.hash((String) null)).isInstanceOf(SecretsException.class);
  }

  @Test
  void refusesToRunOnAnEventLoop() throws Exception {
    try (EventLoops loops = EventLoops.create(1)) {
      var onLoop = loops.group().submit(() -> PasswordHasher.hash("password"));
      assertThatThrownBy(() -> onLoop.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("argon2");
    }
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
