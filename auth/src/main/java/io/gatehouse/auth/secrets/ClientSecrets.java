package io.gatehouse.auth.secrets;

import io.gatehouse.auth.internal.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Client secrets: 256 random bits as base64url without padding (43 characters), stored as
 * SHA-256 hex. A fast hash is enough for server-generated secrets of that strength.
 */
public final class ClientSecrets {
  /** Bytes of randomness in a secret. */
  public static final int BYTES = 32;
  /** Longest presented secret that is hashed at all; anything longer fails verification. */
  public static final int MAX_PRESENTED_LENGTH = 512;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientSecrets() {}

  /** A new random secret. */
  public static Secret generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** SHA-256 of a secret as 64 lowercase hex characters, the form the store keeps. */
  public static String hash(Secret secret) {
    return Sha256.hex(secret.reveal());
  }

  /** Whether a presented secret matches a stored hash, compared in constant time. */
  public static boolean verify(String presented, String storedHash) {
    if (presented == null || storedHash == null || presented.length() > MAX_PRESENTED_LENGTH) {
      return false;
    }
    return Sha256.constantTimeEquals(Sha256.hex(presented), storedHash);
  }
}
