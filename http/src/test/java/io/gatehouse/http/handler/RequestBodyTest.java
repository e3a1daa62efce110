package io.gatehouse.http.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.http.HttpException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Request#json}, {@link Request#form} and {@link FormData}: strict, and quiet about what they got. */
class RequestBodyTest {
  /** A body type for mapping tests. */
  public record Login(String user, int attempts) {}

  @Test
  void readsJsonWithACharsetParameter() {
    Login login = request("application/json; charset=utf-8", "{\"user\":\"ada\",\"attempts\":2}").json(Login.class);
    assertThat(login).isEqualTo(new Login("ada", 2));
  }

  @Test
  void refusesJsonWithAnotherContentType() {
    assertStatus(() -> request("text/plain", "{}").json(Map.class), 415);
    assertStatus(() -> request(null, "{}").json(Map.class), 415);
    assertStatus(() -> request("application/jsonp", "{}").json(Map.class), 415);
  }

  @Test
  void refusesDuplicateKeys() {
    assertThatThrownBy(() -> request("application/json", "{\"user\":\"a\",\"user\":\"b\"}").json(Map.class))
        .isInstanceOfSatisfying(HttpException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).contains("duplicate field");
        });
  }

  @Test
  void refusesMalformedJsonWithoutEchoingTheBody() {
    assertThatThrownBy(() -> request("application/json", "{\"password\": s3cr3t-value}").json(Map.class))
        .isInstanceOfSatisfying(HttpException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).startsWith("invalid JSON body").doesNotContain("s3cr3t");
        });
  }

  @Test
  void refusesUnknownFieldsAndWrongTypesWithoutEchoingValues() {
    assertThatThrownBy(() -> request("application/json", "{\"user\":\"a\",\"attempts\":1,\"x\":\"s3cr3t\"}")
        .json(Login.class)).isInstanceOfSatisfying(HttpException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).contains("unknown field").doesNotContain("s3cr3t");
        });
    assertThatThrownBy(() -> request("application/json", "{\"user\":\"a\",\"attempts\":\"s3cr3t\"}")
        .json(Login.class)).isInstanceOfSatisfying(HttpException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).doesNotContain("s3cr3t");
        });
  }

  @Test
  void refusesTrailingTokens() {
    assertStatus(() -> request("application/json", "{} {}").json(Map.class), 400);
  }

  @Test
  void readsAForm() {
    FormData form = request("application/x-www-form-urlencoded", "grant_type=client_credentials&scope=a+b%21")
        .form();
    assertThat(form.single("grant_type")).contains("client_credentials");
    assertThat(form.single("scope")).contains("a b!");
    assertThat(form.single("missing")).isEmpty();
  }

  @Test
  void refusesAFormWithAnotherContentType() {
    assertStatus(() -> request("application/json", "a=1").form(), 415);
  }

  @Test
  void refusesARepeatedParameterAsSingle() {
    FormData form = FormData.decode("scope=a&scope=b");
    assertStatus(() -> form.single("scope"), 400);
    assertThat(form.all("scope")).containsExactly("a", "b");
  }

  @Test
  void refusesMalformedPercentEncodingInAForm() {
    assertStatus(() -> FormData.decode("a=%zz"), 400);
  }

  @Test
  void acceptsTheMaximumNumberOfParameters() {
    assertThat(FormData.decode("a=1&".repeat(255) + "scope=read").single("scope")).contains("read");
  }

  @Test
  void refusesMoreParametersThanItDecodesRatherThanDroppingTheRest() {
    assertStatus(() -> FormData.decode("a=1&".repeat(256) + "scope=admin"), 400);
    assertStatus(() -> FormData.decode("scope=read&" + "a=1&".repeat(300) + "scope=admin"), 400);
  }

  @Test
  void decodesTheQueryString() {
    Request request = new Request("GET", "/x", "page=2&q=a%20b", new DefaultHttpHeaders(), Map.of(), "id", null,
        new byte[0]);
    assertThat(request.query().single("page")).contains("2");
    assertThat(request.query().single("q")).contains("a b");
  }

  private static Request request(String contentType, String body) {
    HttpHeaders headers = new DefaultHttpHeaders();
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    return new Request("POST", "/x", "", headers, Map.of(), "id", null, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
    assertThatThrownBy(call).isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(status));
  }
}
