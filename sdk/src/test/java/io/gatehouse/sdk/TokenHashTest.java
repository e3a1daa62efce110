package io.gatehouse.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class TokenHashTest {
  private static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  @Test
  void sameTokenGivesEqualKeys() {
    assertThat(TokenHash.of(TOKEN)).isEqualTo(TokenHash.of(new String(TOKEN.toCharArray())))
        .hasSameHashCodeAs(TokenHash.of(TOKEN));
  }

  @Test
  void tokensDifferingInOneCharacterGiveDifferentKeys() {
    assertThat(TokenHash.of(TOKEN)).isNotEqualTo(TokenHash.of(TOKEN.substring(0, TOKEN.length() - 1) + "m"));
  }

  @Test
  void keyIsTheSha256OfTheToken() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.US_ASCII));
    long first = ByteBuffer.wrap(digest).getLong();

    assertThat(TokenHash.of(TOKEN).first()).isEqualTo(first);
    assertThat(TokenHash.of(TOKEN).toString()).doesNotContain("eyJ");
  }
}
