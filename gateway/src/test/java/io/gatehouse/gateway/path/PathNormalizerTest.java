package io.gatehouse.gateway.path;

import static io.gatehouse.gateway.path.PathNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.http.HttpException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizerTest {

  @Test
  void returnsACanonicalPathAsTheSameInstance() {
    String path = "/orders/42/items/a-b_c.d~e!$&'()*+,=:@";
    assertThat(normalize(path)).isSameAs(path);
    assertThat(normalize("/")).isEqualTo("/");
    assertThat(normalize("/orders/")).isEqualTo("/orders/");
  }

  @ParameterizedTest
  @CsvSource({
      "/public/../admin, /admin",
      "/public/./admin, /public/admin",
      "/a/b/c/./../../g, /a/g",
      "/a/b/.., /a/",
      "/a/b/., /a/b/",
      "/a/.., /",
      "/., /",
      "/a/..b/c, /a/..b/c",
      "/a/.b./c, /a/.b./c",
      "/a/.../c, /a/.../c",
  })
  void removesDotSegmentsPerRfc3986(String raw, String normalized) {
    assertThat(normalize(raw)).isEqualTo(normalized);
  }

  @ParameterizedTest
  @CsvSource({
      "/public/%2e%2e/admin, /admin",
      "/public/%2E%2E/admin, /admin",
      "/public/%2E./admin, /admin",
      "/public/.%2e/admin, /admin",
      "/public/%2e/admin, /public/admin",
  })
  void removesEncodedDotSegmentsAfterDecoding(String raw, String normalized) {
    assertThat(normalize(raw)).isEqualTo(normalized);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/..", "/../admin", "/a/../../admin", "/%2e%2e/admin", "/./../admin"})
  void refusesAPathThatClimbsAboveTheRoot(String raw) {
    assertBadRequest(raw, "path climbs above the root with ..");
  }

  @ParameterizedTest
  @CsvSource({
      "//admin, /admin",
      "/a//b, /a/b",
      "/a///b//, /a/b/",
      "//, /",
      "/a//../b, /b",
  })
  void mergesEmptySegmentsAndKeepsATrailingSlash(String raw, String normalized) {
    assertThat(normalize(raw)).isEqualTo(normalized);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a%2fb", "/a%2Fb", "/admin%2f..%2fsecret"})
  void refusesAnEncodedSlash(String raw) {
    assertBadRequest(raw, "path contains an encoded slash (%2F)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a\\b", "/a%5cb", "/a%5C..%5Cadmin", "/..\\admin"})
  void refusesABackslashRawOrEncoded(String raw) {
    assertBadRequest(raw, "path contains a backslash");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a%00b", "/a%00", "/a\0b"})
  void refusesNul(String raw) {
    assertBadRequest(raw, "path contains NUL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a%0Ab", "/a%0d%0aSet-Cookie:x", "/a%09", "/a%7F", "/a\tb", "/a%C2%85", "/a%C2%9F"})
  void refusesControlCharactersIncludingC1(String raw) {
    assertBadRequest(raw, "path contains a control character");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a%", "/a%2", "/a%2/b", "/a%zz", "/a%G0", "/a%%30", "/a%\u0661\u0662"})
  void refusesInvalidPercentEncoding(String raw) {
    assertBadRequest(raw, "path has invalid percent-encoding");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/%C0%AF", // overlong '/'
      "/%C1%9C", // overlong '\'
      "/%E0%80%AF", // three-byte overlong '/'
      "/%F0%80%80%AF", // four-byte overlong '/'
      "/%C0%AE%C0%AE/admin", // overlong '..'
      "/%80", // lone continuation byte
      "/a%BFb", // lone continuation byte inside a segment
      "/%C3", // truncated two-byte sequence
      "/%E2%82", // truncated three-byte sequence
      "/%C3%28", // lead byte followed by ASCII
      "/%ED%A0%80", // UTF-16 surrogate D800 encoded in UTF-8
      "/%ED%BF%BF", // surrogate DFFF
      "/%F4%90%80%80", // above U+10FFFF
      "/%F5%80%80%80", // invalid lead byte
      "/%FF", // invalid lead byte
  })
  void refusesOverlongOrInvalidUtf8(String raw) {
    assertBadRequest(raw, "path is not valid UTF-8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/public;/../admin", "/admin;jsessionid=x", "/a;b/c"})
  void refusesARawSemicolonPathParameter(String raw) {
    assertBadRequest(raw, "path contains a ';' path parameter; encode it as %3B if it is data");
  }

  @Test
  void forwardsAnEncodedSemicolonEncoded() {
    assertThat(normalize("/admin%3bx")).isEqualTo("/admin%3Bx");
  }

  @Test
  void decodesOnceSoDoubleEncodingStaysData() {
    assertThat(normalize("/public/%252e%252e/admin")).isEqualTo("/public/%252e%252e/admin");
    assertThat(normalize("/a%252Fb")).isEqualTo("/a%252Fb");
    assertThat(normalize("/a%25")).isEqualTo("/a%25");
  }

  @Test
  void writesHexInUpperCaseWhateverCaseItCameIn() {
    assertThat(normalize("/caf%c3%a9")).isEqualTo("/caf%C3%A9");
    assertThat(normalize("/caf%C3%a9")).isEqualTo("/caf%C3%A9");
    assertThat(normalize("/a%3fb%23c")).isEqualTo("/a%3Fb%23c");
  }

  @Test
  void decodesEveryCharacterThatMayAppearRaw() {
    assertThat(normalize("/%7Eus%65r/%41%2d%5F")).isEqualTo("/~user/A-_");
    assertThat(normalize("/a%21%24%26%27%28%29%2A%2B%2C%3D%3A%40")).isEqualTo("/a!$&'()*+,=:@");
  }

  @Test
  void roundTripsUnicodePaths() {
    String[] segments = {"café", "日本語", "😀", "ü ö", "\u0800", "\uFFFD", "\uD800\uDC00", "\uDBFF\uDFFF"};
    for (String segment : segments) {
      String encoded = "/" + percentEncode(segment);
      String normalized = normalize(encoded);
      assertThat(normalized).isEqualTo(encoded);
      assertThat(URLDecoder.decode(normalized.substring(1), StandardCharsets.UTF_8)).isEqualTo(segment);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a b", "/a<b", "/a\"b", "/a{b}", "/a|b", "/a^b", "/a`b", "/a[b]", "/a?b", "/a#b"})
  void refusesRawCharactersThatMustBeEncoded(String raw) {
    assertThatThrownBy(() -> normalize(raw)).isInstanceOfSatisfying(HttpException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.detail()).endsWith("which must be percent-encoded");
    });
  }

  @Test
  void refusesRawNonAscii() {
    assertBadRequest("/café", "path contains a raw non-ASCII character; percent-encode it as UTF-8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "orders", "*", "http://example.com/"})
  void refusesAPathThatDoesNotStartWithASlash(String raw) {
    assertBadRequest(raw, "path must start with /");
  }

  @Test
  void isIdempotentOnRandomPaths() {
    Random random = new Random(5);
    String alphabet = "/./a%2e%2E%25%2F%41%c3%A9%3Bz";
    int accepted = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder raw = new StringBuilder("/");
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        int start = random.nextInt(alphabet.length());
        raw.append(alphabet, start, Math.min(alphabet.length(), start + 1 + random.nextInt(3)));
      }
      try {
        String once = normalize(raw.toString());
        assertThat(normalize(once)).as(raw.toString()).isEqualTo(once);
        accepted++;
      } catch (HttpException e) {
        assertThat(e.status()).isEqualTo(400);
      }
    }
    assertThat(accepted).isGreaterThan(1_000);
  }

  /** Percent-encodes everything but ASCII letters, as a client would send a non-ASCII segment. */
  private static String percentEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b >= 'a' && b <= 'z') {
        out.append((char) b);
      } else {
        out.append(String.format("%%%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  private static void assertBadRequest(String raw, String detail) {
    assertThatThrownBy(() -> normalize(raw)).isInstanceOfSatisfying(HttpException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.detail()).isEqualTo(detail);
    });
  }
}
