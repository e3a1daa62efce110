package io.gatehouse.token.internal;

import java.util.Arrays;

/** Converts raw 32-byte Ed25519 keys (RFC 8037 {@code x}, {@code d}) to and from JCA encodings. */
public final class Ed25519Encoding {
  private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
  private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
  private static final int KEY_LENGTH = 32;

  private Ed25519Encoding() {}

  /** X.509 SubjectPublicKeyInfo for a raw public key. */
  public static byte[] x509(byte[] rawPublic) {
    return concat(X509_PREFIX, requireLength(rawPublic));
  }

  /** PKCS#8 PrivateKeyInfo for a raw private key (seed). */
  public static byte[] pkcs8(byte[] rawPrivate) {
    return concat(PKCS8_PREFIX, requireLength(rawPrivate));
  }

  /** The raw public key from an X.509 encoding. */
  public static byte[] rawPublic(byte[] x509) {
    return Arrays.copyOfRange(x509, x509.length - KEY_LENGTH, x509.length);
  }

  /** The raw private key from a PKCS#8 v1 encoding (the last 32 bytes of the OCTET STRING). */
  public static byte[] rawPrivate(byte[] pkcs8) {
    if (pkcs8.length != PKCS8_PREFIX.length + KEY_LENGTH) {
      throw new IllegalArgumentException("unexpected Ed25519 PKCS#8 length " + pkcs8.length);
    }
    return Arrays.copyOfRange(pkcs8, PKCS8_PREFIX.length, pkcs8.length);
  }

  private static byte[] requireLength(byte[] raw) {
    if (raw.length != KEY_LENGTH) {
      throw new IllegalArgumentException("Ed25519 keys are 32 bytes, got " + raw.length);
    }
    return raw;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
