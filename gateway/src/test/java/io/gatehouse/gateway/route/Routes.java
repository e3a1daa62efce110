package io.gatehouse.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Short ways to write routes and lookups in tests. */
final class Routes {
  private Routes() {}

  /** A route builder with an id and an upstream. */
  static RouteSpec.Builder route(String id) {
    return RouteSpec.builder().id(id).upstream("http://127.0.0.1:7001");
  }

  static RouteSpec prefix(String id, String prefix) {
    return route(id).pathPrefix(prefix).build();
  }

  static RouteSpec template(String id, String template) {
    return route(id).pathTemplate(template).build();
  }

  static RouteTable table(RouteSpec... routes) {
    return RouteTable.of(List.of(routes));
  }

  /** The match, failing the test when the lookup is anything else. */
  static RouteMatch matched(RouteTable table, String host, String method, String path) {
    RouteLookup lookup = table.match(host, method, path);
    assertThat(lookup).as("%s %s %s", host, method, path).isInstanceOf(RouteMatch.class);
    return (RouteMatch) lookup;
  }

  /** The id of the route matched for a host-less GET. */
  static String idFor(RouteTable table, String path) {
    return matched(table, null, "GET", path).route().id();
  }
}
