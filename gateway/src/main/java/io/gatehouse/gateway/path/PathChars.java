package io.gatehouse.gateway.path;

import io.gatehouse.http.HttpException;

/** Which characters a path may carry raw, and decoding one segment to bytes with the checks that go with it. */
final class PathChars {
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      PLAIN[c] = true;
      PLAIN[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      PLAIN[c] = true;
    }
    for (char c : "-._~!$&'()*+,=:@".toCharArray()) {
      PLAIN[c] = true;
    }
  }

  private PathChars() {}

  /** Unreserved, sub-delims but {@code ;}, {@code :} and {@code @}: what a canonical segment holds unencoded. */
  static boolean isPlain(char c) {
    return c < 128 && PLAIN[c];
  }

  /**
   * Percent-decodes {@code raw[from, to)}, one segment, into {@code into}; returns the byte count.
   *
   * @throws HttpException 400 for anything {@link PathNormalizer} refuses before UTF-8 decoding
   */
  static int decode(String raw, int from, int to, byte[] into) {
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      int b;
      if (c == '%') {
        b = i + 2 < to ? hexPair(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
        if (b < 0) {
          throw HttpException.badRequest("path has invalid percent-encoding");
        }
        if (b == '/') {
          throw HttpException.badRequest("path contains an encoded slash (%2F)");
        }
        i += 2;
      } else {
        checkRaw(c);
        b = c;
      }
      checkByte(b);
      into[length++] = (byte) b;
    }
    return length;
  }

  private static void checkRaw(char c) {
    if (c >= 128) {
      throw HttpException.badRequest("path contains a raw non-ASCII character; percent-encode it as UTF-8");
    }
    if (c == ';') {
      throw HttpException.badRequest("path contains a ';' path parameter; encode it as %3B if it is data");
    }
    if (!PLAIN[c] && c >= 0x20 && c < 0x7F && c != '\\') {
      throw HttpException.badRequest("path contains '" + c + "', which must be percent-encoded");
    }
  }

  private static void checkByte(int b) {
    if (b == '\\') {
      throw HttpException.badRequest("path contains a backslash");
    }
    if (b == 0) {
      throw HttpException.badRequest("path contains NUL");
    }
    if (b < 0x20 || b == 0x7F) {
      throw HttpException.badRequest("path contains a control character");
    }
  }

  private static int hexPair(char high, char low) {
    int h = Character.digit(high, 16);
    int l = Character.digit(low, 16);
    return h < 0 || l < 0 || high >= 128 || low >= 128 ? -1 : h << 4 | l;
  }
}
