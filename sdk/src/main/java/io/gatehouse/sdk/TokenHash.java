package io.gatehouse.sdk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a token: the verified-token cache's key, so the cache never holds a bearer credential. */
record TokenHash(long first, long second, long third, long fourth) {
  /** One digest per thread: looking one up from the providers on every request cost more than hashing. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  });

  static TokenHash of(String token) {
    // UTF-8 maps distinct strings to distinct bytes except lone surrogates, which no verifiable token holds.
    // digest() leaves the digest reset for the thread's next token.
    ByteBuffer digest = ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    return new TokenHash(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
  }
}
