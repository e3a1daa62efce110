package io.gatehouse.http.internal;

import io.netty.buffer.ByteBuf;

/**
 * Scans the bytes of a request head that the decoder has not consumed yet, for what Netty's
 * decoder accepts but RFC 9112 does not: a request line that is not exactly {@code method SP
 * target SP HTTP/d.d} (Netty splits it on any run of whitespace and upper-cases the version), and
 * obsolete line folding (a header line starting with SP or HTAB, which Netty would join). The
 * decoder consumes whole lines only, so the unread bytes always start at a line start.
 */
final class HeadScan {
  private static final boolean[] TCHAR = new boolean[128];

  static {
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TCHAR[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      TCHAR[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TCHAR[c] = true;
      TCHAR[Character.toUpperCase(c)] = true;
    }
  }

  private HeadScan() {}

  /** Index of the first byte after the blank lines a request may start with (RFC 9112 §2.2). */
  static int requestLineStart(ByteBuf buffer) {
    int index = buffer.readerIndex();
    while (index < buffer.writerIndex() && (buffer.getByte(index) == '\r' || buffer.getByte(index) == '\n')) {
      index++;
    }
    return index;
  }

  /**
   * Index of the LF ending the request line that starts at {@code start}, or -1 when it has not
   * fully arrived or is longer than {@code maxLength} (the decoder then waits or answers 414).
   */
  static int requestLineEnd(ByteBuf buffer, int start, int maxLength) {
    int end = (int) Math.min(buffer.writerIndex(), start + (long) maxLength + 2);
    return start >= end ? -1 : buffer.indexOf(start, end, (byte) '\n');
  }

  /** Whether {@code [start, lf)} is {@code token SP 1*VCHAR SP "HTTP/" DIGIT "." DIGIT CR}. */
  static boolean isWellFormedRequestLine(ByteBuf buffer, int start, int lf) {
    int index = start;
    while (index < lf && isTchar(buffer.getByte(index))) {
      index++;
    }
    if (index == start || index >= lf || buffer.getByte(index) != ' ') {
      return false;
    }
    int targetStart = ++index;
    while (index < lf && buffer.getByte(index) > ' ' && buffer.getByte(index) < 0x7F) {
      index++;
    }
    if (index == targetStart || index >= lf || buffer.getByte(index) != ' ') {
      return false;
    }
    index++;
    return lf - index == 9 && buffer.getByte(index) == 'H' && buffer.getByte(index + 1) == 'T'
        && buffer.getByte(index + 2) == 'T' && buffer.getByte(index + 3) == 'P' && buffer.getByte(index + 4) == '/'
        && isDigit(buffer.getByte(index + 5)) && buffer.getByte(index + 6) == '.' && isDigit(buffer.getByte(index + 7))
        && buffer.getByte(index + 8) == '\r';
  }

  /**
   * Whether a header line from {@code from} on starts with SP or HTAB; {@code from} is the start
   * of a header line (or of the blank line ending the head), and the scan stops at that blank line.
   */
  static boolean hasObsoleteFold(ByteBuf buffer, int from) {
    int end = buffer.writerIndex();
    int lineStart = from;
    while (lineStart < end) {
      int first = lineStart;
      while (first < end && buffer.getByte(first) == '\r') {
        first++;
      }
      if (first == end) {
        return false;
      }
      byte b = buffer.getByte(first);
      if (b == ' ' || b == '\t') {
        return true;
      }
      if (b == '\n') {
        return false; // blank line: end of the head
      }
      // Line by line with indexOf (word-at-a-time), not byte by byte: this runs on every request.
      int lf = buffer.indexOf(first, end, (byte) '\n');
      if (lf < 0) {
        return false;
      }
      lineStart = lf + 1;
    }
    return false;
  }

  private static boolean isTchar(byte b) {
    return b > 0 && TCHAR[b];
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
