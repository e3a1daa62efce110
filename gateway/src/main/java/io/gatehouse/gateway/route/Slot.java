package io.gatehouse.gateway.route;

import java.util.Arrays;
import java.util.Set;

/**
 * The routes of one host pattern that share one path pattern shape, told apart by method: at most
 * one lists any given method, at most one allows every method (the table refuses other overlaps).
 */
final class Slot {
  private static final RouteSpec[] NONE = {};

  private RouteSpec[] routes = NONE;

  void add(RouteSpec route) {
    routes = Arrays.copyOf(routes, routes.length + 1);
    routes[routes.length - 1] = route;
  }

  /**
   * The route for a method: the one listing it; for {@code HEAD}, else the one listing {@code GET};
   * else the one allowing every method; else {@code null}.
   */
  RouteSpec select(String method) {
    for (RouteSpec route : routes) {
      if (route.methods().contains(method)) {
        return route;
      }
    }
    if (method.equals("HEAD")) {
      for (RouteSpec route : routes) {
        if (route.methods().contains("GET")) {
          return route;
        }
      }
    }
    for (RouteSpec route : routes) {
      if (route.methods().isEmpty()) {
        return route;
      }
    }
    return null;
  }

  /** Adds the methods these routes list. */
  void collectMethods(Set<String> into) {
    for (RouteSpec route : routes) {
      into.addAll(route.methods());
    }
  }
}
