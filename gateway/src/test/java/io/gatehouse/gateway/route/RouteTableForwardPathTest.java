package io.gatehouse.gateway.route;

import static io.gatehouse.gateway.route.Routes.matched;
import static io.gatehouse.gateway.route.Routes.route;
import static io.gatehouse.gateway.route.Routes.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableForwardPathTest {
  private final RouteTable table = table(
      route("orders").pathPrefix("/orders").stripPrefix(true).build(),
      route("api").pathPrefix("/api/v1").stripPrefix(true).build(),
      route("kept").pathPrefix("/kept").build(),
      route("root").pathPrefix("/").stripPrefix(true).build(),
      route("item").pathTemplate("/shops/{shop}/items/{item}").build(),
      route("files").pathTemplate("/files/{owner}/{path*}").build(),
      route("literal").pathTemplate("/about").build());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "/orders, /",
      "/orders/, /",
      "/orders/1, /1",
      "/orders/1/, /1/",
      "/orders/1/items, /1/items",
      "/api/v1, /",
      "/api/v1/users/7, /users/7",
      "/kept/a, /kept/a",
      "/kept, /kept",
      "/elsewhere/x, /elsewhere/x",
      "/, /",
      "/shops/s1/items/i%C3%A9, /shops/s1/items/i%C3%A9",
  })
  void forwardsThePathWithoutAStrippedPrefix(String path, String forwardPath) {
    assertThat(matched(table, null, "GET", path).forwardPath()).isEqualTo(forwardPath);
  }

  @Test
  void forwardsTheSameStringItMatched() {
    String path = "/kept/a/b";
    assertThat(matched(table, null, "GET", path).forwardPath()).isSameAs(path);
  }

  @Test
  void bindsTemplateParametersInCanonicalEncoding() {
    RouteMatch match = matched(table, null, "GET", "/shops/s%20one/items/caf%C3%A9");
    assertThat(match.pathParameters()).isEqualTo(Map.of("shop", "s%20one", "item", "caf%C3%A9"));
  }

  @Test
  void bindsTheCatchAllToTheRestOfThePath() {
    assertThat(matched(table, null, "GET", "/files/ann/a/b/c.txt").pathParameters())
        .isEqualTo(Map.of("owner", "ann", "path", "a/b/c.txt"));
    assertThat(matched(table, null, "GET", "/files/ann/dir/").pathParameters())
        .isEqualTo(Map.of("owner", "ann", "path", "dir/"));
  }

  @Test
  void bindsNoParametersForPrefixesAndLiteralTemplates() {
    assertThat(matched(table, null, "GET", "/orders/1").pathParameters()).isEmpty();
    assertThat(matched(table, null, "GET", "/about").pathParameters()).isEmpty();
  }

  @Test
  void parameterNamesBelongToTheirRouteNotToThePosition() {
    RouteTable named = table(
        route("by-id").pathTemplate("/users/{id}").methods(List.of("GET")).build(),
        route("by-name").pathTemplate("/users/{name}").methods(List.of("PUT")).build(),
        route("keys").pathTemplate("/users/{userId}/keys/{keyId}").build());
    assertThat(matched(named, null, "GET", "/users/7").pathParameters()).isEqualTo(Map.of("id", "7"));
    assertThat(matched(named, null, "PUT", "/users/7").pathParameters()).isEqualTo(Map.of("name", "7"));
    assertThat(matched(named, null, "GET", "/users/7/keys/k").pathParameters())
        .isEqualTo(Map.of("userId", "7", "keyId", "k"));
  }

  @Test
  void upstreamBasePathGoesInFrontOfTheForwardPath() {
    RouteSpec based = route("based").pathPrefix("/orders").stripPrefix(true).upstream("http://orders:7001/api/").build();
    RouteMatch match = matched(table(based), null, "GET", "/orders/1");
    assertThat(based.upstreams().get(1).pathFor(match.forwardPath())).isEqualTo("/api/1");
    assertThat(based.upstreams().get(0).pathFor(match.forwardPath())).isEqualTo("/1");
  }
}
