package io.gatehouse.gateway.route;

import static io.gatehouse.gateway.route.Routes.matched;
import static io.gatehouse.gateway.route.Routes.route;
import static io.gatehouse.gateway.route.Routes.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.http.HttpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RouteTableMethodTest {
  private final RouteTable table = table(
      route("read").pathTemplate("/orders/{id}").methods(List.of("GET")).build(),
      route("delete").pathTemplate("/orders/{id}").methods(List.of("DELETE")).build(),
      route("create").pathTemplate("/orders").methods(List.of("POST")).build(),
      route("any-item").pathTemplate("/items/{id}").build(),
      route("put-item").pathTemplate("/items/{id}").methods(List.of("PUT", "PATCH")).build(),
      route("head-only").pathTemplate("/status").methods(List.of("HEAD")).build(),
      route("get-status").pathTemplate("/status").methods(List.of("GET")).build(),
      route("reports").pathPrefix("/reports").methods(List.of("GET")).build(),
      route("report-upload").pathTemplate("/reports/{name}").methods(List.of("POST")).build());

  @Test
  void matchesOnlyTheListedMethods() {
    assertThat(id("GET", "/orders/1")).isEqualTo("read");
    assertThat(id("DELETE", "/orders/1")).isEqualTo("delete");
    assertThat(id("POST", "/orders")).isEqualTo("create");
  }

  @Test
  void prefersTheRouteListingTheMethodOverOneAllowingAny() {
    assertThat(id("PUT", "/items/1")).isEqualTo("put-item");
    assertThat(id("PATCH", "/items/1")).isEqualTo("put-item");
    assertThat(id("GET", "/items/1")).isEqualTo("any-item");
    assertThat(id("PROPFIND", "/items/1")).isEqualTo("any-item");
  }

  @Test
  void servesHeadWithTheGetRouteUnlessARouteListsHead() {
    assertThat(id("HEAD", "/orders/1")).isEqualTo("read");
    assertThat(id("HEAD", "/status")).isEqualTo("head-only");
    assertThat(id("GET", "/status")).isEqualTo("get-status");
  }

  @Test
  void fallsBackToALessSpecificPathWhoseRouteAllowsTheMethod() {
    assertThat(id("POST", "/reports/daily")).isEqualTo("report-upload");
    assertThat(id("GET", "/reports/daily")).isEqualTo("reports");
  }

  @Test
  void answersMethodNotAllowedWithTheMethodsOfEveryRouteMatchingThePath() {
    RouteLookup lookup = table.match(null, "PUT", "/orders/1");
    assertThat(lookup).isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("DELETE", "GET", "HEAD")));
    assertThat(((RouteLookup.MethodNotAllowed) lookup).allowed()).containsExactly("DELETE", "GET", "HEAD");
    HttpException answer = ((RouteLookup.MethodNotAllowed) lookup).toException();
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.headers()).containsEntry("Allow", "DELETE, GET, HEAD");
  }

  @Test
  void listsPrefixAndTemplateMethodsTogether() {
    assertThat(table.match(null, "DELETE", "/reports/daily"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("GET", "HEAD", "POST")));
  }

  @Test
  void leavesHeadOutOfAllowWithoutGet() {
    assertThat(table.match(null, "GET", "/orders"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("POST")));
  }

  @Test
  void comparesMethodsCaseSensitively() {
    assertThat(table.match(null, "get", "/orders/1")).isInstanceOf(RouteLookup.MethodNotAllowed.class);
  }

  @Test
  void collectsAllowedMethodsAcrossHostGroups() {
    RouteTable hosts = table(
        route("api-get").host("api.example.com").pathPrefix("/").methods(List.of("GET")).build(),
        route("any-post").pathPrefix("/").methods(List.of("POST")).build());
    assertThat(matched(hosts, "api.example.com", "POST", "/x").route().id()).isEqualTo("any-post");
    assertThat(hosts.match("api.example.com", "PUT", "/x"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("GET", "HEAD", "POST")));
    assertThat(hosts.match("other.test", "PUT", "/x"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("POST")));
  }

  @Test
  void matchesAndListsMethodsBeyondTheRegisteredOnes() {
    RouteTable dav = table(
        route("props").pathPrefix("/dav").methods(List.of("PROPFIND", "PROPPATCH")).build(),
        route("lock").pathPrefix("/dav").methods(List.of("LOCK")).build(),
        route("read").pathPrefix("/dav").methods(List.of("GET")).build());
    assertThat(matched(dav, null, "PROPFIND", "/dav/a").route().id()).isEqualTo("props");
    assertThat(matched(dav, null, "LOCK", "/dav/a").route().id()).isEqualTo("lock");
    assertThat(dav.match(null, "UNLOCK", "/dav/a"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("GET", "HEAD", "LOCK", "PROPFIND", "PROPPATCH")));
  }

  @Test
  void handlesMoreDistinctMethodsThanFitInOneWord() {
    List<RouteSpec> routes = new ArrayList<>();
    Set<String> all = new TreeSet<>();
    for (int i = 0; i < 150; i++) {
      routes.add(route("m" + i).pathTemplate("/things/{id}").methods(List.of("M" + i)).build());
      all.add("M" + i);
    }
    routes.add(route("other").pathTemplate("/other").methods(List.of("M149", "GET")).build());
    RouteTable many = RouteTable.of(routes);
    for (int i = 0; i < 150; i++) {
      assertThat(matched(many, null, "M" + i, "/things/1").route().id()).isEqualTo("m" + i);
    }
    assertThat(many.match(null, "GET", "/things/1")).isEqualTo(new RouteLookup.MethodNotAllowed(all));
    assertThat(many.match(null, "M150", "/other"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("GET", "HEAD", "M149")));
  }

  @Test
  void choosesByMethodAmongExactCatchAllAndPrefixRoutesEndingAtOneSegment() {
    RouteTable files = table(
        route("exact-get").pathTemplate("/files").methods(List.of("GET")).build(),
        route("exact-post").pathTemplate("/files").methods(List.of("POST")).build(),
        route("rest-get").pathTemplate("/files/{rest*}").methods(List.of("GET")).build(),
        route("rest-put").pathTemplate("/files/{rest*}").methods(List.of("PUT")).build(),
        route("prefix-delete").pathPrefix("/files").methods(List.of("DELETE")).build(),
        route("prefix-get").pathPrefix("/files").methods(List.of("GET")).build());
    assertThat(matched(files, null, "GET", "/files").route().id()).isEqualTo("exact-get");
    assertThat(matched(files, null, "POST", "/files").route().id()).isEqualTo("exact-post");
    assertThat(matched(files, null, "DELETE", "/files").route().id()).isEqualTo("prefix-delete");
    assertThat(matched(files, null, "GET", "/files/a/b").route().id()).isEqualTo("rest-get");
    assertThat(matched(files, null, "PUT", "/files/a").route().id()).isEqualTo("rest-put");
    assertThat(matched(files, null, "DELETE", "/files/a").route().id()).isEqualTo("prefix-delete");
    assertThat(files.match(null, "PATCH", "/files"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("DELETE", "GET", "HEAD", "POST")));
    assertThat(files.match(null, "PATCH", "/files/a"))
        .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("DELETE", "GET", "HEAD", "PUT")));
  }

  @Test
  void holdsUpTo1023RoutesOnOnePatternAndRefusesMore() {
    List<RouteSpec> routes = new ArrayList<>();
    for (int i = 0; i < 1023; i++) {
      routes.add(route("m" + i).pathPrefix("/things").methods(List.of("M" + i)).build());
    }
    RouteTable full = RouteTable.of(routes);
    assertThat(matched(full, null, "M0", "/things/1").route().id()).isEqualTo("m0");
    assertThat(matched(full, null, "M1022", "/things/1").route().id()).isEqualTo("m1022");
    routes.add(route("m1023").pathPrefix("/things").methods(List.of("M1023")).build());
    assertThatThrownBy(() -> RouteTable.of(routes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1023 routes share a host and path pattern");
  }

  @Test
  void fallsBackToARouteAllowingEveryMethodAndLeavesItOutOfAllow() {
    RouteTable mixed = table(
        route("any").pathPrefix("/a").build(),
        route("post").pathTemplate("/a/b/c").methods(List.of("POST")).build(),
        route("put").pathTemplate("/x/{id}").methods(List.of("PUT")).build());
    assertThat(matched(mixed, null, "DELETE", "/a/b/c").route().id()).isEqualTo("any");
    assertThat(mixed.match(null, "GET", "/x/1")).isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("PUT")));
    assertThat(mixed.match(null, "GET", "/y")).isInstanceOf(RouteLookup.NotFound.class);
  }

  private String id(String method, String path) {
    return matched(table, null, method, path).route().id();
  }
}
