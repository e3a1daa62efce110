package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderHygieneTest {
  private final HeaderHygiene hygiene = new HeaderHygiene(List.of("X-User-", "internal_"));

  @Test
  void keepsOrdinaryHeadersInOrderAndDropsWhatMustNotCross() {
    HttpHeaders client = new DefaultHttpHeaders()
        .add("Host", "api.example.com").add("Accept", "*/*").add("TE", "trailers").add("Upgrade", "h2c")
        .add("Transfer_Encoding", "chunked").add("Keep-Alive", "timeout=5").add("Authorization", "Bearer t")
        .add("x-api-key", "gh_k").add("X-Real-IP", "6.6.6.6").add("X-Forwarded-For", "6.6.6.6")
        .add("x_forwarded_host", "evil").add("Forwarded", "for=6.6.6.6").add("X_User_Id", "root")
        .add("Internal-Role", "admin").add("INTERNAL_ZONE", "a").add("Accept-Language", "en")
        .add("X-Tenant", "t1");

    HttpHeaders upstream = hygiene.upstreamRequest(client);

    assertThat(upstream.names()).containsExactly("Host", "Accept", "Accept-Language", "X-Tenant");
  }

  @Test
  void dropsWhatConnectionNamesAndConnectionItself() {
    HttpHeaders client = new DefaultHttpHeaders().add("Connection", "close, X-Secret-Hop ,x_other")
        .add("X-Secret-Hop", "1").add("X-Other", "2").add("X-Kept", "3");

    assertThat(hygiene.upstreamRequest(client).names()).containsExactly("X-Kept");
  }

  @Test
  void cleansResponsesOfHopByHopAndConnectionNamedHeadersOnly() {
    HttpResponse response = response(HttpVersion.HTTP_1_1).add("Content-Type", "text/plain")
        .add("Connection", "keep-alive, X-Hop").add("Keep-Alive", "timeout=5").add("X-Hop", "1")
        .add("Proxy-Authenticate", "Basic").add("X-User-Id", "alice").add("Content-Length", "3").response;

    HeaderHygiene.ResponseFraming framing = hygiene.cleanResponse(response);

    assertThat(response.headers().names()).containsExactly("Content-Type", "X-User-Id", "Content-Length");
    assertThat(framing).isEqualTo(new HeaderHygiene.ResponseFraming(true, false));
  }

  @Test
  void readsTheFramingFromTheFieldsItRemoves() {
    assertThat(hygiene.cleanResponse(response(HttpVersion.HTTP_1_1).response).keepAlive()).isTrue();
    assertThat(hygiene.cleanResponse(response(HttpVersion.HTTP_1_0).response).keepAlive()).isFalse();
    assertThat(hygiene.cleanResponse(response(HttpVersion.HTTP_1_0).add("Connection", "Keep-Alive").response)
        .keepAlive()).isTrue();
    assertThat(hygiene.cleanResponse(response(HttpVersion.HTTP_1_1).add("Connection", "X-A, close").response)
        .keepAlive()).isFalse();
    assertThat(hygiene.cleanResponse(response(HttpVersion.HTTP_1_1).add("Transfer-Encoding", "gzip ,  Chunked")
        .response).chunked()).isTrue();
    assertThat(hygiene.cleanResponse(response(HttpVersion.HTTP_1_1).add("Transfer-Encoding", "chunkedx")
        .response).chunked()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Name", "X-A\u0001", "(comment)", "X-Caf\u00e9", ""})
  void refusesAResponseFieldWhoseNameIsNotAToken(String name) {
    HttpResponse response = response(HttpVersion.HTTP_1_1).add(name, "1").response;

    assertThatThrownBy(() -> hygiene.cleanResponse(response)).isInstanceOf(HeaderHygiene.MalformedFieldException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\rb", "a\nb", "a\u007fb", "\u0100"})
  void refusesAResponseFieldValueWithAControlCharacter(String value) {
    HttpResponse response = response(HttpVersion.HTTP_1_1).add("X-Ok", value).response;

    assertThatThrownBy(() -> hygiene.cleanResponse(response)).isInstanceOf(HeaderHygiene.MalformedFieldException.class);
  }

  @Test
  void acceptsTabsSpacesAndObsTextInValues() {
    HttpResponse response = response(HttpVersion.HTTP_1_1).add("X-Ok", "a\tb c \u00e9").response;

    hygiene.cleanResponse(response);

    assertThat(response.headers().get("X-Ok")).isEqualTo("a\tb c \u00e9");
  }

  /** An upstream response as the unvalidating upstream decoder makes it. */
  private static Builder response(HttpVersion version) {
    return new Builder(new DefaultHttpResponse(version, HttpResponseStatus.OK,
        DefaultHttpHeadersFactory.headersFactory().withValidation(false)));
  }

  private record Builder(HttpResponse response) {
    Builder add(String name, String value) {
      response.headers().add(name, value);
      return this;
    }
  }

  @Test
  void refusesAnEmptyPrefixWhichWouldStripEveryHeader() {
    assertThatThrownBy(() -> new HeaderHygiene(List.of("x-user-", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
  }
}
