package io.gatehouse.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenTypeTest {

  @Test
  void writesTheRfc9068AndPlainJwtHeaderValues() {
    assertThat(TokenType.AT_JWT.headerValue()).isEqualTo("at+jwt");
    assertThat(TokenType.JWT.headerValue()).isEqualTo("JWT");
  }

  @Test
  void matchesTypCaseInsensitivelyWithOrWithoutTheApplicationPrefix() {
    assertThat(TokenType.AT_JWT.matches("at+jwt")).isTrue();
    assertThat(TokenType.AT_JWT.matches("AT+JWT")).isTrue();
    assertThat(TokenType.AT_JWT.matches("application/at+jwt")).isTrue();
    assertThat(TokenType.JWT.matches("jwt")).isTrue();
    assertThat(TokenType.JWT.matches("application/JWT")).isTrue();
  }

  @Test
  void doesNotMatchOtherTypes() {
    assertThat(TokenType.AT_JWT.matches(null)).isFalse();
    assertThat(TokenType.AT_JWT.matches("JWT")).isFalse();
    assertThat(TokenType.JWT.matches("at+jwt")).isFalse();
    assertThat(TokenType.AT_JWT.matches("text/at+jwt")).isFalse();
    assertThat(TokenType.AT_JWT.matches("at+jwt ")).isFalse();
  }

  @Test
  void parsesTheConfigurationSpelling() {
    assertThat(TokenType.fromConfig("at+jwt")).isEqualTo(TokenType.AT_JWT);
    assertThat(TokenType.fromConfig("jwt")).isEqualTo(TokenType.JWT);
    assertThatThrownBy(() -> TokenType.fromConfig("jws"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("token type must be at+jwt or jwt, was: jws");
  }
}
