package io.gatehouse.gateway.route;

import static io.gatehouse.gateway.route.Routes.matched;
import static io.gatehouse.gateway.route.Routes.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableScaleTest {
  private static final int ROUTES = 10_000;

  @Test
  void matchesEachOfTenThousandGeneratedRoutes() {
    RouteTable table = RouteTable.of(generated(false));
    assertThat(table.routes()).hasSize(ROUTES);
    for (int i = 0; i < ROUTES; i++) {
      switch (i % 5) {
        case 0 -> assertMatch(table, null, "GET", "/p" + i + "/a/b", "p" + i, "/a/b");
        case 1 -> {
          RouteMatch match = assertMatch(table, null, "GET", "/t" + i + "/42/items", "t" + i, "/t" + i + "/42/items");
          assertThat(match.pathParameters()).isEqualTo(Map.of("id", "42"));
          assertThat(table.match(null, "POST", "/t" + i + "/42/items"))
              .isEqualTo(new RouteLookup.MethodNotAllowed(Set.of("GET", "HEAD")));
        }
        case 2 -> assertMatch(table, null, "DELETE", "/shared/" + i + "/x", "s" + i, "/shared/" + i + "/x");
        case 3 -> assertMatch(table, "h" + i + ".example.com", "GET", "/anything", "h" + i, "/anything");
        default -> assertMatch(table, "x.w" + i + ".example.com", "PUT", "/w", "w" + i, "/w");
      }
    }
  }

  @Test
  void findsNothingForPathsNoneOfTenThousandRoutesMatch() {
    RouteTable table = RouteTable.of(generated(false));
    assertThat(table.match(null, "GET", "/p1/a")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(table.match(null, "GET", "/p" + ROUTES)).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(table.match(null, "GET", "/shared/2/y")).isInstanceOf(RouteLookup.NotFound.class);
    assertThat(table.match("h3.example.org", "GET", "/x")).isInstanceOf(RouteLookup.NotFound.class);
  }

  @Test
  void fallsThroughToTheCatchAllRouteAmongTenThousand() {
    RouteTable table = RouteTable.of(generated(true));
    assertMatch(table, null, "GET", "/p1/a", "fallback", "/p1/a");
    assertMatch(table, null, "GET", "/shared/2/y", "fallback", "/shared/2/y");
    assertMatch(table, "h3.example.org", "GET", "/x", "fallback", "/x");
    assertMatch(table, "h4.example.com", "GET", "/x", "fallback", "/x");
    assertMatch(table, null, "GET", "/t1/42/other", "fallback", "/t1/42/other");
    assertMatch(table, null, "POST", "/t1/42/items", "fallback", "/t1/42/items");
  }

  private static List<RouteSpec> generated(boolean withFallback) {
    List<RouteSpec> routes = new ArrayList<>();
    for (int i = 0; i < ROUTES; i++) {
      routes.add(switch (i % 5) {
        case 0 -> route("p" + i).pathPrefix("/p" + i).stripPrefix(true).build();
        case 1 -> route("t" + i).pathTemplate("/t" + i + "/{id}/items").methods(List.of("GET")).build();
        case 2 -> route("s" + i).pathTemplate("/shared/" + i + "/x").build();
        case 3 -> route("h" + i).host("h" + i + ".example.com").pathPrefix("/").build();
        default -> route("w" + i).host("*.w" + i + ".example.com").pathPrefix("/").build();
      });
    }
    if (withFallback) {
      routes.add(route("fallback").pathPrefix("/").build());
    }
    return routes;
  }

  private static RouteMatch assertMatch(RouteTable table, String host, String method, String path, String id,
      String forwardPath) {
    RouteMatch match = matched(table, host, method, path);
    assertThat(match.route().id()).isEqualTo(id);
    assertThat(match.forwardPath()).isEqualTo(forwardPath);
    return match;
  }
}
