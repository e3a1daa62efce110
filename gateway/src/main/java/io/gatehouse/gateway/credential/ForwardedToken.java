package io.gatehouse.gateway.credential;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A token the gateway sends upstream in {@code Authorization}, encoded once: the header value as
 * bytes and the bytes the response scrubber looks for. A phantom token is made when it is issued
 * and then serves every request of its key, so its ~700 characters are not copied per request.
 */
public final class ForwardedToken {
  private final String token;
  private final AsciiString authorization;
  private final ByteBuf needle;

  private ForwardedToken(String token) {
    this.token = token;
    this.authorization = new AsciiString("Bearer " + token);
    this.needle = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(token.getBytes(StandardCharsets.US_ASCII)))
        .asReadOnly();
  }

  /**
   * A compact token (a JWT: base64url parts and dots).
   *
   * @throws IllegalArgumentException when it is empty or holds anything but visible ASCII
   */
  public static ForwardedToken of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("a forwarded token is visible ASCII without spaces");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new IllegalArgumentException("a forwarded token is visible ASCII without spaces");
      }
    }
    return new ForwardedToken(token);
  }

  /** A token the credential extractor has already checked as token68 (a subset of what {@link #of} allows). */
  static ForwardedToken ofToken68(String token) {
    return new ForwardedToken(token);
  }

  /** The token itself. */
  public String token() {
    return token;
  }

  /** {@code Bearer <token>}, ready to be written as the {@code Authorization} value. */
  public AsciiString authorization() {
    return authorization;
  }

  /** The token's bytes, read-only and shared: search it, never change its indices. */
  public ByteBuf bytes() {
    return needle;
  }

  /** Never the token. */
  @Override
  public String toString() {
    return "ForwardedToken[" + token.length() + " chars]";
  }
}
