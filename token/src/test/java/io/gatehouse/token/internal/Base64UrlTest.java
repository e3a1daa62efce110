package io.gatehouse.token.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

  @Test
  void roundTripsEveryLengthAndByteValue() {
    for (int length = 0; length <= 64; length++) {
      byte[] bytes = new byte[length];
      for (int i = 0; i < length; i++) {
        bytes[i] = (byte) (i * 37 + length);
      }
      String encoded = Base64Url.encode(bytes);

      assertThat(encoded).doesNotContain("=", "+", "/");
      assertThat(Base64Url.decode(encoded)).isEqualTo(bytes);
    }
  }

  @Test
  void usesTheUrlSafeAlphabet() {
    assertThat(Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("-_8");
    assertThat(Base64Url.decode("-_8")).containsExactly((byte) 0xfb, (byte) 0xff);
  }

  @Test
  void decodesTheEmptyString() {
    assertThat(Base64Url.decode("")).isEmpty();
  }

  @Test
  void decodesARangeOfALongerString() {
    String text = "xx." + Base64Url.encode("hello".getBytes(StandardCharsets.US_ASCII)) + ".yy";

    assertThat(new String(Base64Url.decode(text, 3, text.length() - 3), StandardCharsets.US_ASCII)).isEqualTo("hello");
  }

  @ParameterizedTest
  @ValueSource(strings = {"aGk=", "aA==", "aGVsbG8="})
  void rejectsPadding(String padded) {
    assertThatThrownBy(() -> Base64Url.decode(padded)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+_8", "-/8", "ab c", "ab\nc", "ab\tc", "abc?", "ab.c", "abc\u00e9"})
  void rejectsCharactersOutsideTheUrlSafeAlphabet(String text) {
    assertThatThrownBy(() -> Base64Url.decode(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("character outside the base64url alphabet");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "abcde", "abcdefghi"})
  void rejectsImpossibleLengths(String text) {
    assertThatThrownBy(() -> Base64Url.decode(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("impossible base64url length");
  }

  @Test
  void rejectsUnusedBitsSet() {
    // "aA" is 'h' (0x68) with four zero unused bits; "aB".."aP" set them. "aGk" is "hi" with two.
    for (char c : "BCDEFGHIJKLMNOP".toCharArray()) {
      assertThatThrownBy(() -> Base64Url.decode("a" + c))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("non-canonical base64url (unused bits set)");
    }
    for (String text : new String[] {"aGl", "aGm", "aGn"}) {
      assertThatThrownBy(() -> Base64Url.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Base64Url.decode("aA")).containsExactly((byte) 'h');
    assertThat(Base64Url.decode("aGk")).containsExactly((byte) 'h', (byte) 'i');
  }

  @Test
  void givesEachByteStringExactlyOneAcceptedEncoding() {
    // All 64 last characters of a two-character encoding: only the 4 with zero unused bits decode.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    long accepted = alphabet.chars().filter(c -> {
      try {
        Base64Url.decode("a" + (char) c);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }).count();

    assertThat(accepted).isEqualTo(4);
    assertThat(Arrays.asList("aA", "aQ", "ag", "aw")).allSatisfy(s -> assertThat(Base64Url.decode(s)).hasSize(1));
  }
}
