package io.gatehouse.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream, Timeouts and RateLimit: the small values a route is made of. */
class RouteValuesTest {

  @Test
  void parsesAnUpstream() {
    assertThat(Upstream.parse("http://Orders.internal:7001")).isEqualTo(new Upstream("orders.internal", 7001, ""));
    assertThat(Upstream.parse("http://orders")).isEqualTo(new Upstream("orders", 80, ""));
    assertThat(Upstream.parse("http://orders:7001/")).isEqualTo(new Upstream("orders", 7001, ""));
    assertThat(Upstream.parse("http://orders:7001/api/v1/")).isEqualTo(new Upstream("orders", 7001, "/api/v1"));
    assertThat(Upstream.parse("http://[::1]:7001/api").uri()).isEqualTo("http://[::1]:7001/api");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://orders:7001", "ftp://orders", "orders:7001", "//orders:7001", "mailto:a@b",
      "http://user:secret@orders:7001", "http://orders:7001/?debug=1", "http://orders:7001/#x",
      "http:///path", "http://orders:7001/a b", "http://orders:7001/api//v1", "http://orders:7001/a/../b",
      "http://orders:7001/a%2Fb", "http://orders:0", "http://orders:99999"})
  void refusesABadUpstream(String uri) {
    assertThatThrownBy(() -> Upstream.parse(uri)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upstream").hasMessageNotContaining("secret");
  }

  @Test
  void namesTheReasonAnUpstreamIsRefused() {
    assertThatThrownBy(() -> Upstream.parse("https://orders")).hasMessage(
        "upstreams entries must be http://host[:port][/base] (the scheme must be http), was: \"https://orders\"");
    assertThatThrownBy(() -> Upstream.parse("http://orders/?q")).hasMessage("upstreams entries must be "
        + "http://host[:port][/base] (user info, query and fragment are not allowed), was: \"http://orders/?q\"");
    assertThatThrownBy(() -> Upstream.parse("http://orders:0")).hasMessage("upstream port must be from 1 to 65535, was: 0");
    assertThatThrownBy(() -> Upstream.parse("http://ann:secret@orders")).hasMessage("upstreams entries must be "
        + "http://host[:port][/base] (user info, query and fragment are not allowed), was: \"http://***@orders\"");
  }

  @Test
  void joinsTheBasePathAndTheForwardPath() {
    assertThat(new Upstream("a", 1, "").pathFor("/x")).isEqualTo("/x");
    assertThat(new Upstream("a", 1, "/api").pathFor("/x/y")).isEqualTo("/api/x/y");
    assertThat(new Upstream("a", 1, "/api").pathFor("/")).isEqualTo("/api/");
  }

  @Test
  void refusesNonPositiveTimeoutsNamingTheKey() {
    Duration second = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new Timeouts(Duration.ZERO, second, second))
        .hasMessage("timeouts.connect must be positive, was: PT0S");
    assertThatThrownBy(() -> new Timeouts(second, Duration.ofSeconds(-1), second))
        .hasMessage("timeouts.response-header must be positive, was: PT-1S");
    assertThatThrownBy(() -> new Timeouts(second, second, null)).hasMessage("timeouts.idle must be positive, was: null");
  }

  @Test
  void validatesARateLimit() {
    assertThat(RateLimit.of(10, Duration.ofMinutes(1))).isEqualTo(new RateLimit(10, Duration.ofMinutes(1), 10));
    assertThatThrownBy(() -> RateLimit.of(0, Duration.ofSeconds(1)))
        .hasMessage("rate-limit.requests must be at least 1, was: 0");
    assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO, 1)).hasMessage("rate-limit.period must be positive, was: PT0S");
    assertThatThrownBy(() -> new RateLimit(1, Duration.ofSeconds(1), 0))
        .hasMessage("rate-limit.burst must be at least 1, was: 0");
  }

  @Test
  void headerRulesKeepTheirRules() {
    HeaderRules rules = new HeaderRules(Map.of("X-Env", "prod"), Map.of("Cache-Control", "no-store"), Set.of("Server"));
    assertThat(rules.add()).containsEntry("X-Env", "prod");
    assertThat(rules.set()).containsEntry("Cache-Control", "no-store");
    assertThat(rules.remove()).containsExactly("Server");
    assertThat(new HeaderRules(Map.of("X-Tab", "a\tb"), Map.of(), Set.of()).add()).containsEntry("X-Tab", "a\tb");
  }

  @Test
  void headerRulesRefuseBadNamesAndValuesWithoutQuotingTheValue() {
    assertThatThrownBy(() -> new HeaderRules(Map.of("X Bad", "v"), Map.of(), Set.of()))
        .hasMessage("add must be a header name (an RFC 9110 token), was: \"X Bad\"");
    assertThatThrownBy(() -> new HeaderRules(Map.of(), Map.of(), Set.of("X:Colon")))
        .hasMessage("remove must be a header name (an RFC 9110 token), was: \"X:Colon\"");
    for (String value : List.of("a\r\nSet-Cookie: x=1", "a\nb", "a\0b", "a\u007Fb", "a\u0001b")) {
      assertThatThrownBy(() -> new HeaderRules(Map.of(), Map.of("Authorization", value), Set.of()))
          .hasMessage("set value of Authorization must not contain CR, LF, NUL or other control characters");
    }
  }

  @Test
  void headerRulesNameEachHeaderOnceAndLeaveFramingToTheGateway() {
    assertThatThrownBy(() -> new HeaderRules(Map.of("X-A", "1"), Map.of("x-a", "2"), Set.of()))
        .hasMessageMatching("header (X-A|x-a) appears in both (add and set|set and add); name it in one rule only");
    assertThatThrownBy(() -> new HeaderRules(Map.of("X-A", "1", "x-a", "2"), Map.of(), Set.of()))
        .hasMessageMatching("header (X-A|x-a) appears twice in add; name it in one rule only");
    for (String managed : List.of("Connection", "Transfer-Encoding", "content-length", "TE", "Upgrade", "Keep-Alive",
        "Trailer", "Proxy-Connection")) {
      assertThatThrownBy(() -> new HeaderRules(Map.of(), Map.of(), Set.of(managed)))
          .hasMessage("remove must not name " + managed + ": the gateway manages it");
    }
  }
}
