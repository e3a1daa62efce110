package io.gatehouse.auth.secrets;

import io.gatehouse.http.server.BlockingGuard;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in PHC string format, with the OWASP parameters: 19 MiB of memory,
 * 2 passes, 1 lane, 16-byte salt, 32-byte hash:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded standard base64). About 50 ms
 * of blocking CPU and memory per call: never on an event loop. Passwords are hashed as UTF-8
 * without Unicode normalization and may be 1 to {@value #MAX_PASSWORD_LENGTH} characters.
 */
public final class PasswordHasher {
  /** Longest accepted password, in characters. */
  public static final int MAX_PASSWORD_LENGTH = 1024;
  static final int MEMORY_KIB = 19456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  /** Hashes a password with a fresh salt. */
  public static String hash(char[] password) {
    BlockingGuard.assertMayBlock("argon2");
    checkLength(password);
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(parameters(MEMORY_KIB, ITERATIONS, PARALLELISM, salt), HASH_BYTES, password);
    return new PhcHash(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, hash).format();
  }

  /** Hashes a password with a fresh salt. */
  public static String hash(String password) {
    return hash(password == null ? null : password.toCharArray());
  }

  /**
   * Whether {@code password} matches a stored PHC hash, compared in constant time. Hashes made
   * with other parameters verify too, within sane bounds.
   *
   * @throws SecretsException when the stored hash is malformed or its parameters absurd, or the
   *     password is empty or too long
   */
  public static boolean verify(char[] password, String phc) {
    BlockingGuard.assertMayBlock("argon2");
    checkLength(password);
    PhcHash stored = PhcHash.parse(phc);
    Argon2Parameters parameters = parameters(stored.memoryKib(), stored.iterations(), stored.parallelism(),
        stored.salt());
    return MessageDigest.isEqual(derive(parameters, stored.hash().length, password), stored.hash());
  }

  /** As {@link #verify(char[], String)}. */
  public static boolean verify(String password, String phc) {
    return verify(password == null ? null : password.toCharArray(), phc);
  }

  private static void checkLength(char[] password) {
    if (password == null || password.length == 0) {
      throw new SecretsException("password must not be empty");
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
      throw new SecretsException("password must be at most " + MAX_PASSWORD_LENGTH + " characters, was "
          + password.length);
    }
  }

  private static Argon2Parameters parameters(int memoryKib, int iterations, int parallelism, byte[] salt) {
    return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
  }

  private static byte[] derive(Argon2Parameters parameters, int length, char[] password) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] utf8 = utf8(password);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(utf8, out);
      return out;
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    Arrays.fill(buffer.array(), (byte) 0);
    return bytes;
  }
}
