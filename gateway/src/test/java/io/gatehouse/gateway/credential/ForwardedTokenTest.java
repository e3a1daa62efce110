package io.gatehouse.gateway.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

class ForwardedTokenTest {
  private static final String JWT = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  @Test
  void encodesTheHeaderValueAndTheBytesOnce() {
    ForwardedToken token = ForwardedToken.of(JWT);

    assertThat(token.token()).isEqualTo(JWT);
    assertThat(token.authorization().toString()).isEqualTo("Bearer " + JWT);
    assertThat(token.bytes().isReadOnly()).isTrue();
    assertThat(ByteBufUtil.getBytes(token.bytes())).isEqualTo(JWT.getBytes());
    assertThat((Object) token.authorization()).isSameAs(token.authorization());
  }

  @Test
  void refusesWhatCannotBeAHeaderToken() {
    for (String bad : new String[] {"", "a b", "a\r\nX-Injected: 1", "caf\u00e9"}) {
      assertThatThrownBy(() -> ForwardedToken.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(bad.isEmpty() ? "\u0000" : bad);
    }
  }

  @Test
  void neverPrintsTheToken() {
    assertThat(ForwardedToken.of(JWT).toString()).doesNotContain("eyJ").contains(String.valueOf(JWT.length()));
  }
}
