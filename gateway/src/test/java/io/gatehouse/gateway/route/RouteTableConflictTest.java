package io.gatehouse.gateway.route;

import static io.gatehouse.gateway.route.Routes.prefix;
import static io.gatehouse.gateway.route.Routes.route;
import static io.gatehouse.gateway.route.Routes.table;
import static io.gatehouse.gateway.route.Routes.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableConflictTest {

  @Test
  void refusesTwoRoutesWithOneId() {
    assertThatThrownBy(() -> table(prefix("orders", "/orders"), prefix("orders", "/items")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("two routes have the id orders");
  }

  @Test
  void refusesTheSamePrefixTwiceNamingBothRoutes() {
    assertThatThrownBy(() -> table(prefix("a", "/orders"), prefix("b", "/orders")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("routes a and b have the same match (any host, path-prefix /orders, methods any)");
  }

  @Test
  void refusesTemplatesThatDifferOnlyInParameterNames() {
    assertThatThrownBy(() -> table(template("a", "/orders/{id}"), template("b", "/orders/{orderId}")))
        .hasMessage("routes a and b have the same match (any host, path-template /orders/{}, methods any)");
    assertThatThrownBy(() -> table(template("a", "/f/{x*}"), template("b", "/f/{y*}")))
        .hasMessage("routes a and b have the same match (any host, path-template /f/{*}, methods any)");
  }

  @Test
  void refusesOverlappingMethodsOnTheSameHostAndPath() {
    assertThatThrownBy(() -> table(
        route("a").host("api.example.com").pathPrefix("/").methods(List.of("GET", "POST")).build(),
        route("b").host("API.example.com").pathPrefix("/").methods(List.of("POST", "PUT")).build()))
        .hasMessage("routes a and b have the same match (api.example.com, path-prefix /, methods [POST])");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> table(prefix("a", "/x"), prefix("b", "/x"), prefix("c", "/x"), prefix("a", "/y")))
        .hasMessage("routes a and b have the same match (any host, path-prefix /x, methods any); "
            + "routes a and c have the same match (any host, path-prefix /x, methods any); "
            + "routes b and c have the same match (any host, path-prefix /x, methods any); "
            + "two routes have the id a");
  }

  @Test
  void acceptsRoutesThatDifferInHostKindMethodOrShape() {
    assertThatCode(() -> table(
        prefix("prefix", "/orders"),
        template("template", "/orders"),
        route("get").pathTemplate("/orders/{id}").methods(List.of("GET")).build(),
        route("delete").pathTemplate("/orders/{id}").methods(List.of("DELETE")).build(),
        template("any", "/orders/{id}"),
        route("head").pathTemplate("/orders/{id}").methods(List.of("HEAD")).build(),
        route("host").host("api.example.com").pathPrefix("/orders").build(),
        route("wildcard").host("*.example.com").pathPrefix("/orders").build(),
        template("slash", "/orders/"),
        template("catch-all", "/orders/{rest*}"))).doesNotThrowAnyException();
  }

  @Test
  void keepsTheRoutesInTheOrderGiven() {
    RouteTable table = table(prefix("b", "/b"), prefix("a", "/a"));
    assertThat(table.routes()).extracting(RouteSpec::id).containsExactly("b", "a");
  }
}
