package io.gatehouse.gateway.route;

import static io.gatehouse.gateway.route.Routes.matched;
import static io.gatehouse.gateway.route.Routes.route;
import static io.gatehouse.gateway.route.Routes.table;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableHostTest {
  private final RouteTable table = table(
      route("default").pathPrefix("/").build(),
      route("default-orders").pathPrefix("/orders").build(),
      route("api").host("api.example.com").pathPrefix("/").build(),
      route("api-admin").host("api.example.com").pathPrefix("/admin").build(),
      route("tenants").host("*.example.com").pathPrefix("/").build(),
      route("eu-tenants").host("*.eu.example.com").pathPrefix("/").build(),
      route("shop-reports").host("shop.example.org").pathPrefix("/reports").build());

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      // the exact host's routes come first, whatever the path specificity elsewhere
      "api.example.com, /orders/1, api",
      "api.example.com, /admin/users, api-admin",
      // compared case-insensitively, port and trailing dot ignored
      "API.Example.COM, /admin, api-admin",
      "api.example.com:8443, /admin, api-admin",
      "api.example.com., /admin, api-admin",
      "api.example.com.:443, /admin, api-admin",
      // a wildcard covers every host under its domain, the longest domain first
      "acme.example.com, /orders, tenants",
      "a.b.example.com, /x, tenants",
      "acme.eu.example.com, /x, eu-tenants",
      "x.y.eu.example.com, /x, eu-tenants",
      // but not the domain itself
      "example.com, /orders, default-orders",
      "eu.example.com, /x, tenants",
      // a host whose routes do not match the path falls back to the host-less routes
      "shop.example.org, /reports/daily, shop-reports",
      "shop.example.org, /orders/1, default-orders",
      // other hosts use the host-less routes
      "other.test, /orders/1, default-orders",
      "[::1]:8080, /orders/1, default-orders",
      "127.0.0.1:8080, /x, default",
  })
  void prefersHostSpecificRoutes(String host, String path, String id) {
    assertThat(matched(table, host, "GET", path).route().id()).isEqualTo(id);
  }

  @Test
  void aRequestWithoutHostUsesTheHostlessRoutes() {
    assertThat(matched(table, null, "GET", "/admin").route().id()).isEqualTo("default");
    assertThat(matched(table, "", "GET", "/admin").route().id()).isEqualTo("default");
  }

  @Test
  void aHostOnlyTableDoesNotMatchOtherHosts() {
    RouteTable hostOnly = table(route("api").host("api.example.com").pathPrefix("/").build());
    assertThat(hostOnly.match("www.example.com", "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(hostOnly.match(null, "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(hostOnly.match("api.example.com.evil.test", "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(hostOnly.match("xapi.example.com", "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
  }

  @Test
  void aWildcardDoesNotMatchASuffixThatIsNotADomain() {
    RouteTable wildcard = table(route("tenants").host("*.example.com").pathPrefix("/").build());
    assertThat(wildcard.match("evilexample.com", "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(wildcard.match(".example.com", "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(wildcard.match("a.example.com.evil.test", "GET", "/")).isInstanceOf(RouteLookup.NotFound.class);
  }
}
