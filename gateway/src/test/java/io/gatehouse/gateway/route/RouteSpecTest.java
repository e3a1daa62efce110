package io.gatehouse.gateway.route;

import static io.gatehouse.gateway.route.Routes.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteSpecTest {

  @Test
  void fillsTheDefaults() {
    RouteSpec route = route("orders").pathPrefix("/orders").build();
    assertThat(route.id()).isEqualTo("orders");
    assertThat(route.pathPrefix()).contains("/orders");
    assertThat(route.pathTemplate()).isEmpty();
    assertThat(route.methods()).isEmpty();
    assertThat(route.host()).isEmpty();
    assertThat(route.upstreams()).containsExactly(new Upstream("127.0.0.1", 7001, ""));
    assertThat(route.stripPrefix()).isFalse();
    assertThat(route.timeouts()).isEqualTo(
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60)));
    assertThat(route.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(route.loadBalancing()).isEqualTo(LoadBalancing.ROUND_ROBIN);
    assertThat(route.retries()).isEqualTo(1);
    assertThat(route.cors()).isEmpty();
    assertThat(route.requestHeaders()).isEqualTo(HeaderRules.none());
    assertThat(route.responseHeaders()).isEqualTo(HeaderRules.none());
    assertThat(route.auth()).isEqualTo(AuthMode.ANY);
    assertThat(route.audience()).isEqualTo("orders");
    assertThat(route.permissions()).isEmpty();
    assertThat(route.rateLimit()).isEmpty();
  }

  @Test
  void keepsWhatItIsGiven() {
    CorsPolicy cors = CorsPolicy.builder().allowedOrigins(List.of("https://app.example.com")).build();
    HeaderRules headers = new HeaderRules(Map.of("X-Env", "prod"), Map.of(), Set.of());
    RouteSpec route = route("items").pathTemplate("/items/{id}").methods(List.of("GET", "PUT"))
        .host("API.Example.com").upstream("http://10.0.0.2:8080/v2").maxBodyBytes(0)
        .loadBalancing(LoadBalancing.LEAST_IN_FLIGHT).retries(0).cors(cors).requestHeaders(headers)
        .responseHeaders(headers).auth(AuthMode.JWT).audience("inventory").permissions(List.of("items:read"))
        .rateLimit(RateLimit.of(100, Duration.ofSeconds(1)))
        .timeouts(new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(10))).build();
    assertThat(route.pathTemplate()).contains("/items/{id}");
    assertThat(route.pathPrefix()).isEmpty();
    assertThat(route.methods()).containsExactlyInAnyOrder("GET", "PUT");
    assertThat(route.host()).contains("api.example.com");
    assertThat(route.upstreams()).extracting(Upstream::uri)
        .containsExactly("http://127.0.0.1:7001", "http://10.0.0.2:8080/v2");
    assertThat(route.maxBodyBytes()).isZero();
    assertThat(route.loadBalancing()).isEqualTo(LoadBalancing.LEAST_IN_FLIGHT);
    assertThat(route.retries()).isZero();
    assertThat(route.cors()).contains(cors);
    assertThat(route.requestHeaders()).isEqualTo(headers);
    assertThat(route.auth()).isEqualTo(AuthMode.JWT);
    assertThat(route.audience()).isEqualTo("inventory");
    assertThat(route.permissions()).containsExactly("items:read");
    assertThat(route.rateLimit()).contains(new RateLimit(100, Duration.ofSeconds(1), 100));
    assertThat(route.timeouts().connect()).isEqualTo(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Orders", "-orders", "orders_v1", "orders.v1", "", "orders/1", "ö"})
  void refusesABadId(String id) {
    assertThatThrownBy(() -> RouteSpec.builder().id(id)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must match [a-z0-9][a-z0-9-]*, was: \"" + id + "\"");
  }

  @Test
  void refusesBadPathPrefixesNamingTheField() {
    assertRefused(b -> b.pathPrefix("orders"), "path-prefix must start with /, was: \"orders\"");
    assertRefused(b -> b.pathPrefix("/orders/"),
        "path-prefix must not end with / (a prefix matches whole segments), was: \"/orders/\"");
    assertRefused(b -> b.pathPrefix("/a//b"), "path-prefix must be written in canonical form \"/a/b\", was: \"/a//b\"");
    assertRefused(b -> b.pathPrefix("/a/../b"), "path-prefix must be written in canonical form \"/b\", was: \"/a/../b\"");
    assertRefused(b -> b.pathPrefix("/%7euser"),
        "path-prefix must be written in canonical form \"/~user\", was: \"/%7euser\"");
    assertRefused(b -> b.pathPrefix("/a%2Fb"),
        "path-prefix is not a valid path (path contains an encoded slash (%2F)), was: \"/a%2Fb\"");
    assertRefused(b -> b.pathPrefix("/orders/{id}"), "path-prefix is not a valid path "
        + "(path contains '{', which must be percent-encoded), was: \"/orders/{id}\"");
  }

  @Test
  void refusesBadPathTemplatesNamingTheField() {
    assertRefused(b -> b.pathTemplate("orders/{id}"), "path-template must start with /, was: \"orders/{id}\"");
    assertRefused(b -> b.pathTemplate("/a//{id}"), "path-template must not contain an empty segment (//), was: \"/a//{id}\"");
    assertRefused(b -> b.pathTemplate("/a/../{id}"), "path-template must not contain . or .. segments, was: \"/a/../{id}\"");
    assertRefused(b -> b.pathTemplate("/a/x{id}"),
        "path-template segment \"x{id}\" must be a literal or a whole {name}, in \"/a/x{id}\"");
    assertRefused(b -> b.pathTemplate("/a/{}"), "path-template segment \"{}\" must be a literal or a whole {name}, in \"/a/{}\"");
    assertRefused(b -> b.pathTemplate("/a/{1d}"),
        "path-template parameter names must match [A-Za-z_][A-Za-z0-9_]*, was: {1d} in \"/a/{1d}\"");
    assertRefused(b -> b.pathTemplate("/a/{id}/{id}"), "path-template names parameter {id} twice, was: \"/a/{id}/{id}\"");
    assertRefused(b -> b.pathTemplate("/a/{rest*}/b"),
        "path-template catch-all {rest*} must be the last segment, was: \"/a/{rest*}/b\"");
    assertRefused(b -> b.pathTemplate("/caf%c3%a9"),
        "path-template segment \"caf%c3%a9\" must be written in canonical form \"caf%C3%A9\", in \"/caf%c3%a9\"");
    assertRefused(b -> b.pathTemplate("/a;b"), "path-template is not a valid path "
        + "(path contains a ';' path parameter; encode it as %3B if it is data), was: \"/a;b\"");
  }

  @Test
  void refusesBadMethodsAndHosts() {
    assertRefused(b -> b.methods(List.of("GET", "get")), "match.methods must be upper-case method names, was: \"get\"");
    assertRefused(b -> b.methods(List.of("GET POST")), "match.methods must be upper-case method names, was: \"GET POST\"");
    assertRefused(b -> b.methods(Arrays.asList("GET", null)), "match.methods must be upper-case method names, was: null");
    for (String host : new String[] {"api.example.com:8080", "*", "*.", "a..b", "-a.com", "a b", "http://a", "a.*.com"}) {
      assertRefused(b -> b.host(host), "match.host must be a host name or *.domain, without port, was: \"" + host + "\"");
    }
  }

  @Test
  void refusesBadNumbersAndWords() {
    assertRefused(b -> b.maxBodyBytes(-1), "max-body-bytes must not be negative, was: -1");
    assertRefused(b -> b.retries(-1), "retries must be from 0 to 10, was: -1");
    assertRefused(b -> b.retries(11), "retries must be from 0 to 10, was: 11");
    assertRefused(b -> b.audience("orders api"), "audience must be printable ASCII without spaces, was: \"orders api\"");
    assertRefused(b -> b.permissions(List.of("orders:read", "")),
        "permissions entries must be printable ASCII without spaces, was: \"\"");
  }

  @Test
  void refusesAnIncompleteOrContradictoryRoute() {
    assertIncomplete(RouteSpec.builder().pathPrefix("/").upstream("http://a:1"), "id must be set");
    assertIncomplete(RouteSpec.builder().id("a").upstream("http://a:1"), "match must have a path-prefix or a path-template");
    assertIncomplete(RouteSpec.builder().id("a").pathPrefix("/").pathTemplate("/x").upstream("http://a:1"),
        "match must have a path-prefix or a path-template, not both");
    assertIncomplete(RouteSpec.builder().id("a").pathPrefix("/"), "upstreams must name at least one upstream");
    assertIncomplete(route("a").pathTemplate("/x").stripPrefix(true), "strip-prefix requires match.path-prefix");
    assertIncomplete(route("a").pathPrefix("/").auth(AuthMode.NONE).permissions(List.of("admin")),
        "permissions require auth other than none");
  }

  @Test
  void aPublicRouteMustSayAuthNone() {
    assertThat(route("public").pathPrefix("/public").auth(AuthMode.NONE).build().auth()).isEqualTo(AuthMode.NONE);
  }

  private static void assertRefused(Consumer<RouteSpec.Builder> setter, String message) {
    assertThatThrownBy(() -> setter.accept(RouteSpec.builder())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static void assertIncomplete(RouteSpec.Builder builder, String message) {
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessage(message);
  }
}
