package io.gatehouse.http.internal;

import io.netty.buffer.ByteBuf;

/**
 * Scans the bytes of a request head not yet consumed by the decoder for obsolete line folding: a
 * line that starts with SP or HTAB. No header line may start that way, so the scan needs no
 * knowledge of how far the decoder has got; it stops at the blank line ending the head.
 */
final class HeadScan {
  private HeadScan() {}

  static boolean hasObsoleteFold(ByteBuf buffer) {
    int index = buffer.readerIndex();
    int end = buffer.writerIndex();
    while (index < end && (buffer.getByte(index) == '\r' || buffer.getByte(index) == '\n')) {
      index++; // blank lines before a request line are ignored (RFC 9112 §2.2)
    }
    boolean lineStart = true;
    for (int i = index; i < end; i++) {
      byte b = buffer.getByte(i);
      if (lineStart && (b == ' ' || b == '\t')) {
        return true;
      }
      if (b == '\n') {
        if (lineStart) {
          return false; // blank line: end of the head
        }
        lineStart = true;
      } else if (b != '\r') {
        lineStart = false;
      }
    }
    return false;
  }
}
