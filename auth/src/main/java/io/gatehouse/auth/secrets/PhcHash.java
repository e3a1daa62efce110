package io.gatehouse.auth.secrets;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} string. Parsing is strict and bounds
 * every parameter, so a corrupted or hostile stored hash cannot make verification allocate
 * gigabytes or loop for minutes. Messages never quote the string.
 */
record PhcHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
  static final int MAX_LENGTH = 256;
  static final int MAX_MEMORY_KIB = 262_144;
  static final int MAX_ITERATIONS = 16;
  static final int MAX_PARALLELISM = 16;

  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Pattern FORMAT = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,8}),t=([1-9][0-9]{0,2}),p=([1-9][0-9]{0,2})"
          + "\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");

  static PhcHash parse(String phc) {
    if (phc == null || phc.length() > MAX_LENGTH) {
      throw malformed("missing or longer than " + MAX_LENGTH + " characters");
    }
    Matcher m = FORMAT.matcher(phc);
    if (!m.matches()) {
      throw malformed("expected $argon2id$v=19$m=<kib>,t=<passes>,p=<lanes>$<salt>$<hash>");
    }
    int memory = Integer.parseInt(m.group(1));
    int iterations = Integer.parseInt(m.group(2));
    int parallelism = Integer.parseInt(m.group(3));
    if (parallelism > MAX_PARALLELISM || iterations > MAX_ITERATIONS || memory > MAX_MEMORY_KIB
        || memory < 8 * parallelism) {
      throw malformed("parameters out of bounds (m from 8*p to " + MAX_MEMORY_KIB + " KiB, t up to "
          + MAX_ITERATIONS + ", p up to " + MAX_PARALLELISM + ")");
    }
    byte[] salt = decode(m.group(4));
    byte[] hash = decode(m.group(5));
    if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
      throw malformed("salt must be 8 to 64 bytes and hash 16 to 64 bytes");
    }
    return new PhcHash(memory, iterations, parallelism, salt, hash);
  }

  String format() {
    return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
        + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  private static byte[] decode(String b64) {
    if (b64.length() % 4 == 1) {
      throw malformed("base64 of impossible length");
    }
    return Base64.getDecoder().decode(b64);
  }

  private static SecretsException malformed(String reason) {
    return new SecretsException("stored password hash is not a valid Argon2id PHC string: " + reason);
  }
}
