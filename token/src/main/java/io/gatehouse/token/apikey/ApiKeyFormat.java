package io.gatehouse.token.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The API key format {@code gh_<id>_<secret><check>}, exactly {@value #LENGTH} characters:
 * the prefix {@code gh_} (3), a public key id of {@value #ID_LENGTH} base62 characters, {@code _},
 * a secret of {@value #SECRET_LENGTH} base62 characters and a {@value #CHECK_LENGTH}-character
 * base62 CRC32 of everything before it, zero-padded. The check lets the auth service and the
 * gateway reject typos and garbage without a store lookup or a network call.
 */
public final class ApiKeyFormat {
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
  private static final HexFormat HEX = HexFormat.of();
  /** The gateway hashes every presented key: one digest per thread instead of a provider lookup per call. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ApiKeyFormat::newSha256);

  /**
   * A well-formed key: look it up by {@code sha256}, then check its id matches.
   *
   * @param id the public key id it claims
   * @param sha256 SHA-256 of the whole key (64 lowercase hex)
   */
  public record Parsed(String id, String sha256) {
    /** The id only: the hash is not a secret but it is a lookup handle, so logs get the id. */
    @Override
    public String toString() {
      return "ApiKey[" + id + "]";
    }
  }

  private ApiKeyFormat() {}

  /** Whether a presented credential claims to be an API key: it carries the prefix. */
  public static boolean looksLikeApiKey(String candidate) {
    return candidate != null && candidate.startsWith(PREFIX);
  }

  /**
   * Checks the format and checksum of a presented key. Empty for anything else: null, a wrong
   * length (checked first, so long input costs nothing), a bad prefix or separator, a character
   * outside base62, or a checksum mismatch.
   */
  public static Optional<Parsed> parse(String candidate) {
    if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)
        || candidate.charAt(SEPARATOR) != '_'
        || !Base62.isBase62(candidate, ID_START, SEPARATOR)
        || !Base62.isBase62(candidate, SECRET_START, LENGTH)
        || !checksum(candidate.substring(0, CHECK_START)).equals(candidate.substring(CHECK_START))) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(candidate.substring(ID_START, SEPARATOR), sha256(candidate)));
  }

  /** A new key from a public id and a secret of the right lengths, checksum appended. */
  public static String compose(String id, String secret) {
    if (id.length() != ID_LENGTH || secret.length() != SECRET_LENGTH) {
      throw new IllegalArgumentException("id must have " + ID_LENGTH + " and secret " + SECRET_LENGTH + " characters");
    }
    String body = PREFIX + id + "_" + secret;
    return body + checksum(body);
  }

  /** The public id of a composed key. */
  public static String idOf(String key) {
    return key.substring(ID_START, SEPARATOR);
  }

  /** SHA-256 of a key's UTF-8 bytes as 64 lowercase hex characters, the form the store keeps. */
  public static String sha256(String key) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return HEX.formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    return Base62.encode(crc.getValue(), CHECK_LENGTH);
  }
}
