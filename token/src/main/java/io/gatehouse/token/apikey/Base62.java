package io.gatehouse.token.apikey;

import java.security.SecureRandom;

/** Base62 ({@code 0-9A-Za-z}, in that order), the API key alphabet: random strings and fixed-width numbers. */
public final class Base62 {
  /** The alphabet; a digit's value is its index. */
  public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Base62() {}

  /** {@code length} characters, each drawn uniformly from the alphabet by {@link SecureRandom}. */
  public static String random(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(out);
  }

  /** A non-negative number as exactly {@code width} digits, zero-padded on the left. */
  public static String encode(long value, int width) {
    if (value < 0) {
      throw new IllegalArgumentException("value must not be negative, was: " + value);
    }
    char[] out = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
      rest /= ALPHABET.length();
    }
    if (rest != 0) {
      throw new IllegalArgumentException(value + " does not fit in " + width + " base62 digits");
    }
    return new String(out);
  }

  /** Whether {@code s[from, to)} holds base62 characters only. */
  public static boolean isBase62(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean digit = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!digit) {
        return false;
      }
    }
    return true;
  }
}
