package io.gatehouse.sdk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a token: the verified-token cache's key, so the cache never holds a bearer credential. */
record TokenHash(long first, long second, long third, long fourth) {

  static TokenHash of(String token) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
    // UTF-8 maps distinct strings to distinct bytes except lone surrogates, which no verifiable token holds.
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    return new TokenHash(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
  }
}
