package io.gatehouse.auth.secrets;

import io.gatehouse.auth.internal.Base62;
import io.gatehouse.auth.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The API key format {@code gh_<id>_<secret><check>}, exactly {@value #LENGTH} characters:
 * the prefix {@code gh_} (3), a public key id of {@value #ID_LENGTH} base62 characters, {@code _},
 * a secret of {@value #SECRET_LENGTH} base62 characters (about 166 bits from {@code SecureRandom})
 * and a {@value #CHECK_LENGTH}-character base62 CRC32 of everything before it, zero-padded.
 * Base62 is {@code 0-9A-Za-z}. The check lets {@link #parse} reject typos and garbage without
 * touching the store; the store keeps only the SHA-256 of the whole key.
 */
public final class ApiKeys {
  /** The fixed prefix, for secret scanners. */
  public static final String PREFIX = "gh_";
  /** Length of the public key id. */
  public static final int ID_LENGTH = 12;
  /** Length of the random secret. */
  public static final int SECRET_LENGTH = 28;
  /** Length of the checksum. */
  public static final int CHECK_LENGTH = 6;
  /** Length of a whole key. */
  public static final int LENGTH = 50;

  private static final int ID_START = PREFIX.length();
  private static final int SEPARATOR = ID_START + ID_LENGTH;
  private static final int SECRET_START = SEPARATOR + 1;
  private static final int CHECK_START = SECRET_START + SECRET_LENGTH;

  /**
   * A freshly generated key.
   *
   * @param id the public key id (the store's {@code ApiKey.id})
   * @param key the whole key, shown to its owner once
   * @param sha256 what the store keeps (64 lowercase hex)
   */
  public record Generated(String id, Secret key, String sha256) {}

  /**
   * A well-formed candidate: look it up by {@code sha256}, then check its id matches.
   *
   * @param id the public key id it claims
   * @param sha256 SHA-256 of the whole key (64 lowercase hex)
   */
  public record Parsed(String id, String sha256) {}

  private ApiKeys() {}

  /** A new random key. */
  public static Generated generate() {
    String body = PREFIX + Base62.random(ID_LENGTH) + "_" + Base62.random(SECRET_LENGTH);
    String key = body + check(body);
    return new Generated(key.substring(ID_START, SEPARATOR), Secret.of(key), Sha256.hex(key));
  }

  /**
   * Checks the format and checksum of a presented key, without any store access. Empty for
   * anything else: null, a wrong length (checked first, so long input costs nothing), a bad
   * prefix or separator, a character outside base62, or a checksum mismatch.
   */
  public static Optional<Parsed> parse(String candidate) {
    if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)
        || candidate.charAt(SEPARATOR) != '_'
        || !Base62.isBase62(candidate, ID_START, SEPARATOR)
        || !Base62.isBase62(candidate, SECRET_START, LENGTH)
        || !check(candidate.substring(0, CHECK_START)).equals(candidate.substring(CHECK_START))) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(candidate.substring(ID_START, SEPARATOR), Sha256.hex(candidate)));
  }

  /** SHA-256 of a key as 64 lowercase hex characters, the form the store keeps. */
  public static String sha256(String key) {
    return Sha256.hex(key);
  }

  /** Compares two hashes in constant time (for the same length). */
  public static boolean hashesEqual(String a, String b) {
    return Sha256.constantTimeEquals(a, b);
  }

  private static String check(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    return Base62.encode(crc.getValue(), CHECK_LENGTH);
  }
}
