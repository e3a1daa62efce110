package io.gatehouse.auth.secrets;

import io.gatehouse.auth.internal.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that seals private signing keys at rest. From {@value #ENV} (base64 or
 * base64url of 32 bytes) when set, else from {@code <dataDir>/master.key}, created on first start
 * with mode 0600. Sealed data is {@code version(1) || nonce(12) || AES-256-GCM ciphertext+tag(16)};
 * the associated data (for signing keys, the kid) binds a blob to its row.
 */
public final class MasterKey {
  /** The environment variable that holds the key. */
  public static final String ENV = "GATEHOUSE_MASTER_KEY";
  /** The key file's name inside the data directory. */
  public static final String FILE_NAME = "master.key";
  /** Length of the key in bytes. */
  public static final int KEY_BYTES = 32;

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String fingerprint;

  private MasterKey(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
    this.fingerprint = Sha256.hex(key).substring(0, 8);
  }

  /** A key from its 32 bytes. */
  public static MasterKey fromBytes(byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new MasterKeyException("a master key must be " + KEY_BYTES + " bytes");
    }
    return new MasterKey(key.clone());
  }

  /** A new random key (for tests and tools; the server uses {@link #load}). */
  public static MasterKey generate() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return new MasterKey(key);
  }

  /** The key from the process environment or the data directory, see {@link #load(Map, Path)}. */
  public static MasterKey load(Path dataDir) {
    return load(System.getenv(), dataDir);
  }

  /**
   * The key from {@value #ENV} in {@code env} when set, else from {@code <dataDir>/master.key}
   * (created with mode 0600 if missing; refused if group or others may read it).
   *
   * @throws MasterKeyException naming the variable or file, never echoing the key
   */
  public static MasterKey load(Map<String, String> env, Path dataDir) {
    String value = env.get(ENV);
    if (value != null) {
      return new MasterKey(decode(Secret.of(value), ENV));
    }
    return new MasterKey(MasterKeyFile.loadOrCreate(dataDir.resolve(FILE_NAME)));
  }

  /** Encrypts {@code plaintext} under a fresh random nonce, bound to {@code associatedData}. */
  public byte[] seal(byte[] plaintext, String associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
      byte[] ciphertext = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array();
    } catch (GeneralSecurityException e) {
      throw new SecretsException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /**
   * Decrypts what {@link #seal} produced with the same associated data.
   *
   * @throws MasterKeyException when the data was sealed with another key, altered, or bound to
   *     other associated data
   */
  public byte[] open(byte[] sealed, String associatedData) {
    if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
      throw new MasterKeyException("sealed data for '" + associatedData + "' is truncated");
    }
    if (sealed[0] != VERSION) {
      throw new MasterKeyException("sealed data for '" + associatedData + "' has unknown format version "
          + sealed[0]);
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES), associatedData);
      return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new MasterKeyException("cannot open the data sealed for '" + associatedData + "' with master key sha256:"
          + fingerprint + ": signing keys were sealed with a different master key — restore the original " + ENV
          + " or " + FILE_NAME + " (or the sealed data was altered)", e);
    } catch (GeneralSecurityException e) {
      throw new SecretsException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /** The first 8 hex characters of the key's SHA-256, to tell keys apart. */
  public String fingerprint() {
    return fingerprint;
  }

  /** {@code MasterKey[sha256:<fingerprint>]}, never the key. */
  @Override
  public String toString() {
    return "MasterKey[sha256:" + fingerprint + "]";
  }

  /** Decodes base64 or base64url (padding optional) of exactly 32 bytes; errors name only {@code source}. */
  static byte[] decode(Secret encoded, String source) {
    String value = encoded.reveal().strip();
    if (value.isEmpty()) {
      throw new MasterKeyException(source + " is set but empty; it must hold the base64 of " + KEY_BYTES
          + " random bytes (e.g. openssl rand -base64 32)");
    }
    byte[] key;
    try {
      boolean url = value.indexOf('-') >= 0 || value.indexOf('_') >= 0;
      key = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(value);
    } catch (IllegalArgumentException e) {
      throw new MasterKeyException(source + " is not valid base64 or base64url; it must hold the base64 of "
          + KEY_BYTES + " random bytes (e.g. openssl rand -base64 32)");
    }
    if (key.length != KEY_BYTES) {
      throw new MasterKeyException(source + " decodes to " + key.length + " bytes; it must be exactly " + KEY_BYTES
          + " (e.g. openssl rand -base64 32)");
    }
    return key;
  }

  private Cipher cipher(int mode, byte[] nonce, String associatedData) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(new byte[] {VERSION});
    cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
