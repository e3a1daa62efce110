package io.gatehouse.token.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  @Test
  void parsesEveryJsonValueType() {
    Map<String, Object> object = parse("{\"s\":\"x\",\"i\":1,\"big\":123456789012345678901234567890,\"f\":1.5,"
        + "\"t\":true,\"n\":null,\"a\":[1,\"b\"],\"o\":{\"k\":false}}");

    assertThat(object).containsEntry("s", "x").containsEntry("i", 1L).containsEntry("f", 1.5)
        .containsEntry("t", true).containsEntry("n", null).containsEntry("a", List.of(1L, "b"))
        .containsEntry("o", Map.of("k", false))
        .containsEntry("big", new BigInteger("123456789012345678901234567890"));
    assertThat(object.keySet()).containsExactly("s", "i", "big", "f", "t", "n", "a", "o");
  }

  @Test
  void returnsUnmodifiableValues() {
    Map<String, Object> object = parse("{\"a\":[1],\"o\":{}}");

    assertThatThrownBy(() -> object.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) object.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<?, ?>) object.get("o")).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1,\"a\":1}",
      "{\"a\":1,\"b\":{\"c\":1,\"c\":2}}",
      "{\"a\":[{\"c\":1,\"c\":2}]}"})
  void rejectsDuplicateMemberNames(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Duplicate field");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"a\"", "1", "null", ""})
  void rejectsAnythingButAnObject(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} {}", "{}x", "{}]", "{\"a\":1}}"})
  void rejectsContentAfterTheObject(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{'a':1}", "{a:1}", "{\"a\":NaN}", "{\"a\":1,}", "{/*c*/\"a\":1}", "{\"a\":01}",
      "{\"a\":\"\u0001\"}"})
  void rejectsJsonExtensions(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsWhitespaceAroundTokens() {
    assertThat(parse(" \r\n\t{ \"a\" : [ 1 , 2 ] }\n")).containsEntry("a", List.of(1L, 2L));
  }

  @Test
  void acceptsNestingUpToMaxDepthAndRejectsDeeper() {
    // The outer object is level 1.
    String atLimit = "{\"a\":" + "[".repeat(StrictJson.MAX_DEPTH - 1) + "]".repeat(StrictJson.MAX_DEPTH - 1) + "}";
    String beyond = "{\"a\":" + "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH) + "}";

    assertThat(parse(atLimit)).containsKey("a");
    assertThatThrownBy(() -> parse(beyond)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void rejectsNumbersLongerThan64Digits() {
    assertThat(parse("{\"n\":" + "9".repeat(64) + "}")).containsKey("n");
    assertThatThrownBy(() -> parse("{\"n\":" + "9".repeat(65) + "}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    assertNotUtf8("{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void rejectsOverlongUtf8() {
    // 0xC0 0xAF is an overlong '/': invalid UTF-8 (RFC 3629), and a second spelling of the same text.
    assertNotUtf8(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'});
  }

  @Test
  void rejectsUtf8EncodedSurrogates() {
    assertNotUtf8(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'});
  }

  @Test
  void rejectsUtf16AndUtf32() {
    assertNotUtf8("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE));
    assertNotUtf8("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE));
    assertNotUtf8("{\"a\":1}".getBytes(StandardCharsets.UTF_16));
    assertNotUtf8("{\"a\":1}".getBytes(Charset.forName("UTF-32BE")));
  }

  @Test
  void rejectsAByteOrderMark() {
    assertNotUtf8("\ufeff{\"a\":1}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesUtf8AndEscapes() {
    assertThat(parse("{\"a\":\"\u00e9\\u00e9\\n\"}")).containsEntry("a", "\u00e9\u00e9\n");
  }

  private static void assertNotUtf8(byte[] json) {
    assertThatThrownBy(() -> StrictJson.parseObject(json)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, Object> parse(String json) {
    return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }
}
