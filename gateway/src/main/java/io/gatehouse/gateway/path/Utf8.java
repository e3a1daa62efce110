package io.gatehouse.gateway.path;

import io.gatehouse.http.HttpException;

/**
 * Checks that decoded path bytes are well-formed UTF-8 (Unicode Table 3-7): no overlong forms, no
 * surrogates, nothing above U+10FFFF, no lone or missing continuation bytes; and that they hold no
 * C1 control character.
 */
final class Utf8 {
  private Utf8() {}

  /** @throws HttpException 400 when {@code bytes[0, length)} is not well-formed or holds a C1 control */
  static void check(byte[] bytes, int length) {
    int i = 0;
    while (i < length) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int continuations = continuations(lead);
      if (continuations == 0 || i + continuations >= length) {
        throw invalid();
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < minSecond(lead) || second > maxSecond(lead)) {
        throw invalid();
      }
      for (int k = 2; k <= continuations; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          throw invalid();
        }
      }
      if (lead == 0xC2 && second < 0xA0) {
        throw HttpException.badRequest("path contains a control character");
      }
      i += continuations + 1;
    }
  }

  /** Continuation bytes after a lead byte; 0 when the byte cannot lead (continuation, C0, C1, F5-FF). */
  private static int continuations(int lead) {
    if (lead >= 0xC2 && lead <= 0xDF) {
      return 1;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      return 2;
    }
    return lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
  }

  /** E0 and F0 need a high second byte, or the sequence is overlong. */
  private static int minSecond(int lead) {
    return lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  }

  /** ED would encode a surrogate above 9F; F4 a code point above U+10FFFF above 8F. */
  private static int maxSecond(int lead) {
    return lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  }

  private static HttpException invalid() {
    return HttpException.badRequest("path is not valid UTF-8");
  }
}
