package io.gatehouse.token.verify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.token.jwks.PublicJwks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierBuilderTest {
  private static final PublicJwks NO_KEYS = PublicJwks.of(List.of());

  @Test
  void accessTokenVerifierRefusesBadInputNamingTheField() {
    assertThatThrownBy(() -> AccessTokenVerifier.builder().issuer(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("issuer must not be blank");
    assertThatThrownBy(() -> AccessTokenVerifier.builder().audience(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("audience must not be blank");
    assertThatThrownBy(() -> AccessTokenVerifier.builder().clockSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock skew must be between 0 and 5 minutes, was: PT-1S");
    assertThatThrownBy(() -> AccessTokenVerifier.builder().clockSkew(Duration.ofMinutes(5).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock skew must be between 0 and 5 minutes, was: PT5M1S");
    assertThatThrownBy(() -> AccessTokenVerifier.builder().maxLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("max lifetime must be positive, was: PT0S");
    assertThatThrownBy(() -> AccessTokenVerifier.builder().keys(null))
        .isInstanceOf(NullPointerException.class).hasMessage("keys");
  }

  @Test
  void accessTokenVerifierRefusesMissingFieldsNamingThem() {
    assertThatThrownBy(() -> AccessTokenVerifier.builder().audience("orders").keys(NO_KEYS).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("issuer must be set");
    assertThatThrownBy(() -> AccessTokenVerifier.builder().issuer("http://127.0.0.1:9000").keys(NO_KEYS).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("at least one audience must be set");
    assertThatThrownBy(() -> AccessTokenVerifier.builder().issuer("http://127.0.0.1:9000").audience("orders").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("keys must be set");
  }

  @Test
  void accessTokenVerifierRefusesATinyLengthLimit() {
    assertThatThrownBy(() -> AccessTokenVerifier.builder().issuer("http://127.0.0.1:9000").audience("orders")
        .keys(NO_KEYS).maxTokenLength(63).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("max token length must be at least 64, was: 63");
  }

  @Test
  void jwsVerifierNeedsKeys() {
    assertThatThrownBy(() -> JwsVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessage("keys must be set");
  }
}
