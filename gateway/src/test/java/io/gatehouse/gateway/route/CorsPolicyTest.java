package io.gatehouse.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

  @Test
  void fillsTheDefaults() {
    CorsPolicy cors = CorsPolicy.builder().allowedOrigins(List.of("https://app.example.com")).build();
    assertThat(cors.allowedOrigins()).containsExactly("https://app.example.com");
    assertThat(cors.allowedMethods()).containsExactlyInAnyOrder("GET", "HEAD", "POST");
    assertThat(cors.allowedHeaders()).isEmpty();
    assertThat(cors.exposedHeaders()).isEmpty();
    assertThat(cors.allowCredentials()).isFalse();
    assertThat(cors.maxAge()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void lowerCasesHeaderNames() {
    CorsPolicy cors = CorsPolicy.builder().allowedOrigins(List.of("*")).allowedHeaders(List.of("X-Request-Id"))
        .exposedHeaders(List.of("RateLimit", "ratelimit")).build();
    assertThat(cors.allowedHeaders()).containsExactly("x-request-id");
    assertThat(cors.exposedHeaders()).containsExactly("ratelimit");
  }

  @Test
  void acceptsExactOriginsWithPortsAndIpv6() {
    List<String> origins = List.of("http://localhost:3000", "https://a.example.com", "http://[::1]:8080",
        "http://127.0.0.1");
    assertThat(CorsPolicy.builder().allowedOrigins(origins).build().allowedOrigins())
        .containsExactlyInAnyOrderElementsOf(origins);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://App.example.com", "https://a.example.com/", "https://a.example.com/path", "null",
      "a.example.com", "ftp://a.example.com", "https://*.example.com", "https://a.example.com:port", ""})
  void refusesAnOriginThatIsNotExact(String origin) {
    assertThatThrownBy(() -> CorsPolicy.builder().allowedOrigins(List.of(origin)).build())
        .hasMessage("cors.allowed-origins must be * or scheme://host[:port] in lower case, was: \"" + origin + "\"");
  }

  @Test
  void refusesNoOriginsAndAWildcardAmongOrigins() {
    assertThatThrownBy(() -> CorsPolicy.builder().build())
        .hasMessage("cors.allowed-origins must name at least one origin or *");
    assertThatThrownBy(() -> CorsPolicy.builder().allowedOrigins(List.of("*", "https://a.example.com")).build())
        .hasMessageStartingWith("cors.allowed-origins must be * alone or a list of origins, was: ");
  }

  @Test
  void refusesAWildcardWithCredentials() {
    CorsPolicy.Builder credentialed = CorsPolicy.builder().allowCredentials(true);
    assertThatThrownBy(() -> credentialed.allowedOrigins(List.of("*")).build())
        .hasMessage("cors.allowed-origins must not be * when cors.allow-credentials is true");
    credentialed.allowedOrigins(List.of("https://a.example.com"));
    assertThatThrownBy(() -> credentialed.allowedMethods(List.of("*")).build())
        .hasMessage("cors.allowed-methods must not be * when cors.allow-credentials is true");
    credentialed.allowedMethods(List.of("GET"));
    assertThatThrownBy(() -> credentialed.allowedHeaders(List.of("*")).build())
        .hasMessage("cors.allowed-headers must not be * when cors.allow-credentials is true");
    credentialed.allowedHeaders(List.of("authorization"));
    assertThatThrownBy(() -> credentialed.exposedHeaders(List.of("*")).build())
        .hasMessage("cors.exposed-headers must not be * when cors.allow-credentials is true");
    assertThat(credentialed.exposedHeaders(List.of("etag")).build().allowCredentials()).isTrue();
  }

  @Test
  void refusesBadMethodsHeadersAndMaxAge() {
    CorsPolicy.Builder cors = CorsPolicy.builder().allowedOrigins(List.of("*"));
    assertThatThrownBy(() -> cors.allowedMethods(List.of("get")).build())
        .hasMessage("cors.allowed-methods must be upper-case method names, was: \"get\"");
    cors.allowedMethods(List.of("GET"));
    assertThatThrownBy(() -> cors.allowedHeaders(List.of("x y")).build())
        .hasMessage("cors.allowed-headers must be a header name (an RFC 9110 token), was: \"x y\"");
    cors.allowedHeaders(List.of());
    assertThatThrownBy(() -> cors.exposedHeaders(List.of("a:b")).build())
        .hasMessage("cors.exposed-headers must be a header name (an RFC 9110 token), was: \"a:b\"");
    cors.exposedHeaders(List.of());
    assertThatThrownBy(() -> cors.maxAge(Duration.ofSeconds(-1)).build())
        .hasMessage("cors.max-age must not be negative, was: PT-1S");
    assertThat(cors.maxAge(Duration.ZERO).build().maxAge()).isZero();
  }
}
