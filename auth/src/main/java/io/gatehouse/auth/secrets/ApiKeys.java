package io.gatehouse.auth.secrets;

import io.gatehouse.auth.internal.Sha256;
import io.gatehouse.token.apikey.ApiKeyFormat;
import io.gatehouse.token.apikey.Base62;
import java.util.Optional;

/**
 * Generates and checks API keys in the {@link ApiKeyFormat} ({@code gh_<id>_<secret><check>});
 * the store keeps only the SHA-256 of the whole key.
 */
public final class ApiKeys {
  /** The fixed prefix, for secret scanners. */
  public static final String PREFIX = ApiKeyFormat.PREFIX;
  /** Length of the public key id. */
  public static final int ID_LENGTH = ApiKeyFormat.ID_LENGTH;
  /** Length of the random secret. */
  public static final int SECRET_LENGTH = ApiKeyFormat.SECRET_LENGTH;
  /** Length of the checksum. */
  public static final int CHECK_LENGTH = ApiKeyFormat.CHECK_LENGTH;
  /** Length of a whole key. */
  public static final int LENGTH = ApiKeyFormat.LENGTH;

  /**
   * A freshly generated key.
   *
   * @param id the public key id (the store's {@code ApiKey.id})
   * @param key the whole key, shown to its owner once
   * @param sha256 what the store keeps (64 lowercase hex)
   */
  public record Generated(String id, Secret key, String sha256) {}

  private ApiKeys() {}

  /** A new random key (about 166 bits of secret from {@code SecureRandom}). */
  public static Generated generate() {
    String key = ApiKeyFormat.compose(Base62.random(ID_LENGTH), Base62.random(SECRET_LENGTH));
    return new Generated(ApiKeyFormat.idOf(key), Secret.of(key), ApiKeyFormat.sha256(key));
  }

  /** Checks the format and checksum of a presented key, without any store access; see {@link ApiKeyFormat#parse}. */
  public static Optional<ApiKeyFormat.Parsed> parse(String candidate) {
    return ApiKeyFormat.parse(candidate);
  }

  /** SHA-256 of a key as 64 lowercase hex characters, the form the store keeps. */
  public static String sha256(String key) {
    return ApiKeyFormat.sha256(key);
  }

  /** Compares two hashes in constant time (for the same length). */
  public static boolean hashesEqual(String a, String b) {
    return Sha256.constantTimeEquals(a, b);
  }
}
