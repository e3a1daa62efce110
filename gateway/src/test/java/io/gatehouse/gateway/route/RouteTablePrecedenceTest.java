package io.gatehouse.gateway.route;

import static io.gatehouse.gateway.route.Routes.idFor;
import static io.gatehouse.gateway.route.Routes.prefix;
import static io.gatehouse.gateway.route.Routes.table;
import static io.gatehouse.gateway.route.Routes.template;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTablePrecedenceTest {
  private final RouteTable table = table(
      prefix("root", "/"),
      prefix("api", "/api"),
      prefix("api-v1", "/api/v1"),
      template("api-users", "/api/{version}/users"),
      prefix("orders", "/orders"),
      template("order", "/orders/{id}"),
      template("order-items", "/orders/{id}/items"),
      template("order-search", "/orders/search"),
      template("orders-exact", "/orders"),
      template("order-files", "/orders/{id}/files/{path*}"),
      template("order-files-index", "/orders/{id}/files/index"),
      template("static", "/static/{path*}"),
      template("static-logo", "/static/logo.png"),
      template("home", "/"),
      template("users-slash", "/users/"),
      template("team-member", "/teams/{team}/members/{member}"),
      template("team-me", "/teams/{team}/members/me"),
      template("team-any-alice", "/teams/{team}/{role}/alice"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // a literal segment beats a parameter
      "/orders/search, order-search",
      "/orders/42, order",
      "/teams/red/members/me, team-me",
      "/teams/red/members/bob, team-member",
      // a parameter is tried when the literal branch has no route for the path
      "/orders/search/items, order-items",
      // the first differing segment decides: literal 'members' beats parameter {role}
      "/teams/red/members/alice, team-member",
      "/teams/red/owners/alice, team-any-alice",
      // a longer prefix beats a shorter one
      "/api/v1, api-v1",
      "/api/v1/things, api-v1",
      "/api/v2/things, api",
      "/api, api",
      // a literal prefix segment beats a template parameter at the same position
      "/api/v1/users, api-v1",
      "/api/v2/users, api-users",
      // a template reaching further beats a prefix that ended earlier
      "/orders/42/items, order-items",
      "/orders/42/other, orders",
      // a template beats a prefix with the same segments
      "/orders, orders-exact",
      "/orders/, orders",
      // a catch-all beats a prefix; a literal or parameter beats a catch-all
      "/orders/42/files/a/b.txt, order-files",
      "/orders/42/files/index, order-files-index",
      "/orders/42/files/index/more, order-files",
      "/static/logo.png, static-logo",
      "/static/css/site.css, static",
      // a catch-all needs a non-empty rest
      "/static/, root",
      "/static, root",
      "/orders/42/files/, orders",
      // the root template matches only /, the root prefix everything else
      "/, home",
      "/elsewhere, root",
      // a trailing slash is a segment of its own
      "/users/, users-slash",
      "/users, root",
      // prefixes match whole segments only
      "/ordersx, root",
      "/apis/v1, root",
  })
  void choosesTheMostSpecificRoute(String path, String id) {
    assertThat(idFor(table, path)).isEqualTo(id);
  }

  @Test
  void matchesLiteralsInCanonicalEncoding() {
    RouteTable encoded = table(template("cafe", "/caf%C3%A9/menu"), prefix("semicolon", "/a%3Bb"));
    assertThat(idFor(encoded, "/caf%C3%A9/menu")).isEqualTo("cafe");
    assertThat(idFor(encoded, "/a%3Bb/c")).isEqualTo("semicolon");
  }

  @Test
  void answersNotFoundWhenNothingMatches() {
    RouteTable small = table(prefix("orders", "/orders"), template("item", "/items/{id}"));
    assertThat(small.match(null, "GET", "/ordersx")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(small.match(null, "GET", "/items/")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(small.match(null, "GET", "/items")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(small.match(null, "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(small.match(null, "GET", "orders")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(((RouteLookup.NotFound) small.match(null, "GET", "/x")).toException().status()).isEqualTo(404);
  }

  @Test
  void anEmptyTableMatchesNothing() {
    assertThat(table().match("example.com", "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
  }
}
