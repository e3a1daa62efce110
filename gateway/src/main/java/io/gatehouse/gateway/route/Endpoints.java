package io.gatehouse.gateway.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trie's nodes lead to: one entry per route, numbered, kept in flat arrays — the route,
 * its methods as bits of the table's {@link Methods}, and how to cut its match out of the path
 * (the prefix to strip, where the parameters are). Choosing a route and building its match read
 * these arrays and never the route's own objects, which in a large table are each a cache miss.
 */
final class Endpoints {
  private final RouteSpec[] routes;
  private final int words;
  /** {@link #words} longs per entry: the route's methods, or {@link Methods#EVERY}. */
  private final long[] methods;
  /** Two ints per entry: how many chars of the path the route strips (0: none), and where its parameters are in {@link #parameters} (-1: none). */
  private final int[] shapes;
  /** Per route with parameters: their count, 1 if the last is a catch-all, then for each its segment index and name. */
  private final int[] parameters;
  private final String[] names;

  /** Entries for these routes, numbered in this order. */
  Endpoints(List<RouteSpec> routes, Methods methods) {
    this.routes = routes.toArray(RouteSpec[]::new);
    this.words = methods.words();
    this.methods = new long[routes.size() * words];
    this.shapes = new int[routes.size() * 2];
    List<Integer> layout = new ArrayList<>();
    Map<String, Integer> nameIds = new LinkedHashMap<>();
    for (int e = 0; e < routes.size(); e++) {
      RouteSpec route = routes.get(e);
      methods.set(route.methods(), this.methods, e * words);
      PathPattern pattern = route.pattern();
      boolean strips = pattern.kind() == PathPattern.Kind.PREFIX && route.stripPrefix() && pattern.text().length() > 1;
      shapes[2 * e] = strips ? pattern.text().length() : 0;
      shapes[2 * e + 1] = pattern.hasParameters() ? layout.size() : -1;
      if (pattern.hasParameters()) {
        int[] segments = pattern.parameterSegments();
        layout.add(segments.length);
        layout.add(pattern.kind() == PathPattern.Kind.CATCH_ALL ? 1 : 0);
        for (int p = 0; p < segments.length; p++) {
          layout.add(segments[p]);
          layout.add(nameIds.computeIfAbsent(pattern.parameterNames()[p], name -> nameIds.size()));
        }
      }
    }
    this.parameters = layout.stream().mapToInt(Integer::intValue).toArray();
    this.names = nameIds.keySet().toArray(String[]::new);
  }

  /**
   * The entry among {@code [first, first + count)} — routes with the same host and path pattern —
   * for a method: the one listing it, else the one listing its {@link Methods#fallback}, else the
   * one allowing every method; -1 if none.
   */
  int select(int first, int count, int method) {
    int fallback = Methods.fallback(method);
    int viaFallback = -1;
    int anyMethod = -1;
    for (int e = first; e < first + count; e++) {
      if (Methods.has(methods, e * words, method)) {
        return e;
      }
      if (Methods.has(methods, e * words, fallback)) {
        viaFallback = e;
      } else if (Methods.has(methods, e * words, Methods.EVERY)) {
        anyMethod = e;
      }
    }
    return viaFallback >= 0 ? viaFallback : anyMethod;
  }

  /** Adds the methods the entries {@code [first, first + count)} list to {@code into}. */
  void collectMethods(int first, int count, long[] into) {
    for (int w = 0; w < count * words; w++) {
      into[w % words] |= methods[first * words + w];
    }
  }

  /** The match of entry {@code e} for a path its pattern is known to match. */
  RouteMatch match(int e, String path) {
    int strip = shapes[2 * e];
    int at = shapes[2 * e + 1];
    if (at >= 0) {
      return new RouteMatch(routes[e], parameters(at, path), path);
    }
    String forwardPath = strip == 0 ? path : path.length() == strip ? "/" : path.substring(strip);
    return new RouteMatch(routes[e], Map.of(), forwardPath);
  }

  /** Reads the parameters off the path by position. */
  private Map<String, String> parameters(int at, String path) {
    int count = parameters[at];
    boolean catchAll = parameters[at + 1] == 1;
    String[] values = new String[count];
    int from = 1;
    int segment = 0;
    for (int p = 0; p < count; p++) {
      for (; segment < parameters[at + 2 + 2 * p]; segment++) {
        from = Trie.segmentEnd(path, from) + 1;
      }
      boolean rest = catchAll && p == count - 1;
      values[p] = rest ? path.substring(from) : path.substring(from, Trie.segmentEnd(path, from));
    }
    return switch (count) {
      case 1 -> Map.of(name(at, 0), values[0]);
      case 2 -> Map.of(name(at, 0), values[0], name(at, 1), values[1]);
      default -> {
        Map<String, String> all = new HashMap<>();
        for (int p = 0; p < count; p++) {
          all.put(name(at, p), values[p]);
        }
        yield all;
      }
    };
  }

  private String name(int at, int p) {
    return names[parameters[at + 3 + 2 * p]];
  }
}
