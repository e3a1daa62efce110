package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    HttpHeaders response = new DefaultHttpHeaders().add("Content-Type", "text/plain")
        .add("Connection", "keep-alive, X-Hop").add("Keep-Alive", "timeout=5").add("X-Hop", "1")
        .add("Proxy-Authenticate", "Basic").add("X-User-Id", "alice").add("Content-Length", "3");

    hygiene.cleanResponse(response);

    assertThat(response.names()).containsExactly("Content-Type", "X-User-Id", "Content-Length");
  }

  @Test
  void refusesAnEmptyPrefixWhichWouldStripEveryHeader() {
    assertThatThrownBy(() -> new HeaderHygiene(List.of("x-user-", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
  }
}
