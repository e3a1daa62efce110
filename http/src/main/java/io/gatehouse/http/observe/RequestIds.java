package io.gatehouse.http.observe;

import java.util.concurrent.ThreadLocalRandom;

/** Keeps a well-formed client {@code X-Request-Id}, otherwise makes a new one. */
public final class RequestIds {
  /** The header carrying the request id in both directions. */
  public static final String HEADER = "X-Request-Id";
  /** Longest client-supplied id kept. */
  public static final int MAX_LENGTH = 128;
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

  private RequestIds() {}

  /** The client's id when well-formed (1-128 chars of {@code A-Za-z0-9._:-}), otherwise a new one. */
  public static String keepOrGenerate(String supplied) {
    return supplied != null && isWellFormed(supplied) ? supplied : generate();
  }

  /** Whether an id is safe to keep, log and echo. */
  public static boolean isWellFormed(String id) {
    if (id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A new 26-character id (128 random bits, base32). */
  public static String generate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong();
    long low = random.nextLong();
    char[] out = new char[26];
    for (int i = 0; i < 13; i++) {
      out[i] = ALPHABET[(int) (high >>> (i * 5)) & 31];
      out[13 + i] = ALPHABET[(int) (low >>> (i * 5)) & 31];
    }
    return new String(out);
  }
}
