package io.gatehouse.gateway.path;

import io.gatehouse.http.HttpException;

/**
 * Decodes and normalises a request path once, into the canonical form routes are matched on and
 * upstreams receive.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>The path must start with {@code /} (origin form, query already removed).
 *   <li>Each segment is percent-decoded once (hex digits in either case). A literal {@code %25}
 *       stays data: {@code %252e} is the three characters {@code %2e}, never a dot.
 *   <li>400 for: an encoded slash ({@code %2F}), which would merge two segments into one; a
 *       backslash, raw or {@code %5C}, which some servers read as a separator; NUL and every
 *       other control character, raw or encoded (C0, DEL, C1); broken percent-encoding; bytes that
 *       are not well-formed UTF-8 (overlong forms such as {@code %C0%AF}, lone continuation
 *       bytes, truncated sequences, UTF-16 surrogates, code points above U+10FFFF); raw
 *       characters RFC 3986 does not allow unencoded in a path ({@code <}, space, non-ASCII, ...).
 *   <li>A raw {@code ;} is 400: servlet containers cut {@code ;params} out of a segment before
 *       matching, so {@code /admin;x} would be {@code /admin} upstream but not here. An encoded
 *       {@code %3B} is data and is forwarded encoded.
 *   <li>Empty segments are merged, as nginx does by default: {@code //a///b} is {@code /a/b}. A
 *       trailing slash is kept: {@code /a/} stays {@code /a/}.
 *   <li>Dot segments are removed per RFC 3986 §5.2.4, after decoding, so {@code %2e%2e} and
 *       {@code %2E.} are {@code ..}: RFC 3986 §2.3 makes an encoded unreserved character the same
 *       character. A {@code ..} that would climb above the root ({@code /../admin}) is 400 rather
 *       than clamped: no browser sends one, so it is an attack or a bug, never a real request.
 *   <li>The result is re-encoded one way: unreserved characters and {@code ! $ & ' ( ) * + , = : @}
 *       raw, every other byte as {@code %XX} with upper-case hex. Two raw paths that decode to the
 *       same segments therefore normalise to the same string ({@code /a%21} and {@code /a!} both
 *       become {@code /a!}), and nothing an upstream decodes can differ from what was matched.
 * </ol>
 * A path already in canonical form is returned as the same instance, without copying. The form is
 * idempotent: normalising a normalised path returns it unchanged.
 */
public final class PathNormalizer {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathNormalizer() {}

  /**
   * The canonical form of a raw request path.
   *
   * @param rawPath the path of the request target as received, without the query
   * @throws HttpException 400 with a detail naming what is wrong with the path
   */
  public static String normalize(String rawPath) {
    if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      throw HttpException.badRequest("path must start with /");
    }
    return isCanonical(rawPath) ? rawPath : rewrite(rawPath);
  }

  /** Whether the path has only plain characters, no empty segment but a trailing one, no dot segment. */
  private static boolean isCanonical(String path) {
    int segmentStart = 1;
    for (int i = 1; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        if (i == segmentStart && i < path.length() || isDotSegment(path, segmentStart, i)) {
          return false;
        }
        segmentStart = i + 1;
      } else if (!PathChars.isPlain(path.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDotSegment(String path, int from, int to) {
    int length = to - from;
    return (length == 1 || length == 2) && path.charAt(from) == '.' && path.charAt(to - 1) == '.';
  }

  private static String rewrite(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 16);
    int[] segmentStarts = new int[raw.length()];
    byte[] bytes = new byte[raw.length()];
    int depth = 0;
    boolean trailingSlash = false;
    for (int from = 1; from <= raw.length(); ) {
      int to = raw.indexOf('/', from);
      to = to < 0 ? raw.length() : to;
      int length = PathChars.decode(raw, from, to, bytes);
      Utf8.check(bytes, length);
      trailingSlash = to == raw.length();
      int dots = dots(bytes, length);
      if (dots == 2) {
        if (depth == 0) {
          throw HttpException.badRequest("path climbs above the root with ..");
        }
        out.setLength(segmentStarts[--depth]);
      } else if (length > 0 && dots == 0) {
        segmentStarts[depth++] = out.length();
        out.append('/');
        encode(bytes, length, out);
        trailingSlash = false;
      }
      from = to + 1;
    }
    if (depth == 0) {
      return "/";
    }
    return trailingSlash ? out.append('/').toString() : out.toString();
  }

  /** 1 for {@code .}, 2 for {@code ..}, 0 otherwise. */
  private static int dots(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] != '.') {
        return 0;
      }
    }
    return length <= 2 ? length : 0;
  }

  private static void encode(byte[] bytes, int length, StringBuilder out) {
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80 && PathChars.isPlain((char) b)) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      }
    }
  }
}
