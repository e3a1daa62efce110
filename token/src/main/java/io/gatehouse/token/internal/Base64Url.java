package io.gatehouse.token.internal;

import java.util.Base64;

/** Base64url without padding (RFC 7515 §2), decoded strictly: canonical encodings only. */
public final class Base64Url {
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Base64Url() {}

  /** Encodes without padding. */
  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Decodes {@code text[from, to)}; rejects padding, characters outside the url-safe alphabet,
   * impossible lengths and non-zero unused bits, so each byte string has exactly one encoding.
   *
   * @throws IllegalArgumentException when the text is not canonical base64url
   */
  public static byte[] decode(String text, int from, int to) {
    int length = to - from;
    if (length % 4 == 1) {
      throw new IllegalArgumentException("impossible base64url length");
    }
    int last = 0;
    for (int i = from; i < to; i++) {
      last = valueOf(text.charAt(i));
      if (last < 0) {
        throw new IllegalArgumentException("character outside the base64url alphabet");
      }
    }
    int unusedBitsMask = length % 4 == 2 ? 0x0F : length % 4 == 3 ? 0x03 : 0;
    if ((last & unusedBitsMask) != 0) {
      throw new IllegalArgumentException("non-canonical base64url (unused bits set)");
    }
    return DECODER.decode(text.substring(from, to));
  }

  /** Decodes a whole string strictly; see {@link #decode(String, int, int)}. */
  public static byte[] decode(String text) {
    return decode(text, 0, text.length());
  }

  private static int valueOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    return c == '_' ? 63 : -1;
  }
}
