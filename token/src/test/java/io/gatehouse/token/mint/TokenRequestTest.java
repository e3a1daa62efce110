package io.gatehouse.token.mint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.token.TokenType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRequestTest {

  @Test
  void buildsARequestWithDefaults() {
    TokenRequest request = valid().build();

    assertThat(request.subject()).isEqualTo("alice");
    assertThat(request.audience()).containsExactly("orders");
    assertThat(request.clientId()).isEqualTo("gateway");
    assertThat(request.scopes()).isEmpty();
    assertThat(request.lifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(request.apiKeyId()).isEmpty();
    assertThat(request.type()).isEqualTo(TokenType.AT_JWT);
    assertThat(request.extraClaims()).isEmpty();
  }

  @Test
  void keepsScopesInOrderWithoutDuplicates() {
    TokenRequest request = valid().scopes(List.of("b:write", "a:read", "b:write")).build();

    assertThat(request.scopes()).containsExactly("b:write", "a:read");
  }

  @Test
  void refusesBlankFieldsNamingThem() {
    assertThatThrownBy(() -> TokenRequest.builder().subject(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("subject must not be blank");
    assertThatThrownBy(() -> TokenRequest.builder().subject(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("subject must not be blank");
    assertThatThrownBy(() -> TokenRequest.builder().audience(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("audience must not be blank");
    assertThatThrownBy(() -> TokenRequest.builder().clientId("\t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("client id must not be blank");
    assertThatThrownBy(() -> TokenRequest.builder().apiKeyId(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("api key id must not be blank");
    assertThatThrownBy(() -> TokenRequest.builder().claim(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("claim name must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "orders:read orders:write"})
  void refusesScopesThatAreBlankOrHoldSpaces(String scope) {
    assertThatThrownBy(() -> TokenRequest.builder().scopes(List.of("ok", scope)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scope must be non-blank without spaces, was: \"" + scope + "\"");
  }

  @Test
  void refusesANullScope() {
    assertThatThrownBy(() -> TokenRequest.builder().scopes(Arrays.asList("ok", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("scope must be");
  }

  @Test
  void refusesALifetimeThatIsNotPositive() {
    assertThatThrownBy(() -> TokenRequest.builder().lifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lifetime must be positive, was: PT0S");
    assertThatThrownBy(() -> TokenRequest.builder().lifetime(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lifetime must be positive, was: PT-5S");
    assertThatThrownBy(() -> TokenRequest.builder().lifetime(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("lifetime must be positive, was: null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "nbf", "jti", "client_id", "scope", "api_key_id"})
  void refusesExtraClaimsTheIssuerWrites(String name) {
    assertThatThrownBy(() -> TokenRequest.builder().claim(name, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("claim " + name + " is set by the issuer");
  }

  @Test
  void refusesNullTypeAndNullClaimValue() {
    assertThatThrownBy(() -> TokenRequest.builder().type(null))
        .isInstanceOf(NullPointerException.class).hasMessage("type");
    assertThatThrownBy(() -> TokenRequest.builder().claim("act", null))
        .isInstanceOf(NullPointerException.class).hasMessage("claim value");
  }

  @Test
  void buildRefusesMissingRequiredFieldsNamingThem() {
    assertThatThrownBy(() -> TokenRequest.builder().audience("orders").clientId("gateway")
        .lifetime(Duration.ofMinutes(5)).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("subject must be set");
    assertThatThrownBy(() -> TokenRequest.builder().subject("alice").clientId("gateway")
        .lifetime(Duration.ofMinutes(5)).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("at least one audience must be set");
    assertThatThrownBy(() -> TokenRequest.builder().subject("alice").audience("orders")
        .lifetime(Duration.ofMinutes(5)).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("client id must be set");
    assertThatThrownBy(() -> TokenRequest.builder().subject("alice").audience("orders").clientId("gateway").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("lifetime must be set");
  }

  private static TokenRequest.Builder valid() {
    return TokenRequest.builder().subject("alice").audience("orders").clientId("gateway")
        .lifetime(Duration.ofMinutes(5));
  }
}
