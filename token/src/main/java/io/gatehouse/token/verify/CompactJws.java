package io.gatehouse.token.verify;

import io.gatehouse.token.internal.Base64Url;
import io.gatehouse.token.internal.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JWS in compact serialization, parsed strictly: exactly three canonical base64url parts, a
 * protected header that is a strict JSON object with a string {@code alg}, and none of the
 * headers that let a token choose its own key or change how it is processed.
 */
public final class CompactJws {
  /** Headers refused outright: key material or URLs chosen by the token, extensions, unencoded payloads, JWE. */
  static final Set<String> FORBIDDEN_HEADERS = Set.of("jwk", "jku", "x5u", "x5c", "crit", "b64", "enc", "zip");

  private final Map<String, Object> header;
  private final String algorithm;
  private final String kid;
  private final String type;
  private final byte[] payload;
  private final byte[] signingInput;
  private final String signature;

  private CompactJws(Map<String, Object> header, byte[] payload, byte[] signingInput, String signature) {
    this.header = header;
    this.algorithm = stringHeader(header, "alg", true);
    this.kid = stringHeader(header, "kid", false);
    this.type = stringHeader(header, "typ", false);
    this.payload = payload;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /**
   * Parses a compact JWS.
   *
   * @param maxLength longest token accepted, checked before any decoding
   * @throws TokenRejectedException {@code oversized}, {@code malformed}, {@code forbidden_header}
   *     or {@code unsupported_algorithm}
   */
  public static CompactJws parse(String token, int maxLength) {
    if (token == null || token.isEmpty()) {
      throw new TokenRejectedException(Rejection.MALFORMED, "empty token");
    }
    if (token.length() > maxLength) {
      throw new TokenRejectedException(Rejection.OVERSIZED, "token longer than " + maxLength + " characters");
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0) {
      throw new TokenRejectedException(Rejection.MALFORMED, "not a compact JWS (three dot-separated parts)");
    }
    Map<String, Object> header = parseHeader(decode(token, 0, first, "header"));
    byte[] payload = decode(token, first + 1, second, "payload");
    decode(token, second + 1, token.length(), "signature");
    String signature = token.substring(second + 1);
    byte[] signingInput = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
    return new CompactJws(header, payload, signingInput, signature);
  }

  /** The protected header. */
  public Map<String, Object> header() {
    return header;
  }

  /** The header's {@code alg}. */
  public String algorithm() {
    return algorithm;
  }

  /** The header's {@code kid}. */
  public Optional<String> kid() {
    return Optional.ofNullable(kid);
  }

  /** The header's {@code typ}. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /** The decoded payload (not yet trusted). */
  public byte[] payload() {
    return payload.clone();
  }

  byte[] payloadBytes() {
    return payload;
  }

  /** ASCII bytes of {@code header.payload}, the input the signature covers. */
  byte[] signingInput() {
    return signingInput;
  }

  /** The signature part, already checked to be canonical base64url. */
  String signature() {
    return signature;
  }

  private static byte[] decode(String token, int from, int to, String part) {
    // An empty signature is the canonical encoding of zero bytes (an unsecured "alg":"none" JWS):
    // the algorithm check or the signature check rejects it, so the reason names the real defect.
    if (from == to && "header".equals(part)) {
      throw new TokenRejectedException(Rejection.MALFORMED, "empty header");
    }
    try {
      return Base64Url.decode(token, from, to);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(Rejection.MALFORMED, part + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> parseHeader(byte[] json) {
    Map<String, Object> header;
    try {
      header = StrictJson.parseObject(json);
    } catch (IllegalArgumentException e) {
      throw new TokenRejectedException(Rejection.MALFORMED, "header: " + e.getMessage());
    }
    for (String name : header.keySet()) {
      if (FORBIDDEN_HEADERS.contains(name)) {
        throw new TokenRejectedException(Rejection.FORBIDDEN_HEADER, "header \"" + name + "\" is not accepted");
      }
    }
    return header;
  }

  private static String stringHeader(Map<String, Object> header, String name, boolean required) {
    Object value = header.get(name);
    if (value == null && !header.containsKey(name) && !required) {
      return null;
    }
    if (!(value instanceof String)) {
      throw new TokenRejectedException(Rejection.MALFORMED, "header \"" + name + "\" must be a string");
    }
    return (String) value;
  }
}
