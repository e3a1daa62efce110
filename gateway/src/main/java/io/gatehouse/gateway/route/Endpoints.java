package io.gatehouse.gateway.route;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the trie's nodes lead to: one entry per route, numbered, kept in flat arrays — the route,
 * its methods as bits of the table's {@link Methods}, and a record of how to cut its match out of
 * the path (the prefix to strip, where the parameters are). Choosing a route and building its
 * match read these arrays and never the route's own objects, which in a large table are each a
 * cache miss.
 */
final class Endpoints {
  private static final int STRIP = 0;
  private static final int PARAMETERS = 1;
  private static final int FIRST_PARAMETER = 2;

  private final RouteSpec[] routes;
  private final int words;
  /** {@link #words} longs per entry: the route's methods, or {@link Methods#EVERY}. */
  private final long[] methods;
  /**
   * One record of {@link #stride} ints per entry, so that building a match reads one place: how
   * many chars of the path the route strips (0: none), its parameter count times two plus one if
   * the last is a catch-all, then for each parameter its segment index and the number of its name.
   */
  private final int[] shapes;
  private final int stride;
  private final String[] names;

  /** Entries for these routes, numbered in this order. */
  Endpoints(List<RouteSpec> routes, Methods methods) {
    this.routes = routes.toArray(RouteSpec[]::new);
    this.words = methods.words();
    this.methods = new long[routes.size() * words];
    this.stride = FIRST_PARAMETER + 2 * routes.stream().mapToInt(route -> route.pattern().parameterSegments().length).max().orElse(0);
    this.shapes = new int[routes.size() * stride];
    Map<String, Integer> nameIds = new LinkedHashMap<>();
    for (int e = 0; e < routes.size(); e++) {
      RouteSpec route = routes.get(e);
      methods.set(route.methods(), this.methods, e * words);
      PathPattern pattern = route.pattern();
      int at = e * stride;
      boolean strips = pattern.kind() == PathPattern.Kind.PREFIX && route.stripPrefix() && pattern.text().length() > 1;
      shapes[at + STRIP] = strips ? pattern.text().length() : 0;
      int[] segments = pattern.parameterSegments();
      shapes[at + PARAMETERS] = 2 * segments.length + (pattern.kind() == PathPattern.Kind.CATCH_ALL ? 1 : 0);
      for (int p = 0; p < segments.length; p++) {
        shapes[at + FIRST_PARAMETER + 2 * p] = segments[p];
        shapes[at + FIRST_PARAMETER + 2 * p + 1] = nameIds.computeIfAbsent(pattern.parameterNames()[p], name -> nameIds.size());
      }
    }
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
    int at = e * stride;
    if (shapes[at + PARAMETERS] != 0) {
      return new RouteMatch(routes[e], parameters(at, path), path);
    }
    int strip = shapes[at + STRIP];
    String forwardPath = strip == 0 ? path : path.length() == strip ? "/" : path.substring(strip);
    return new RouteMatch(routes[e], Map.of(), forwardPath);
  }

  /** Reads the parameters off the path by position. */
  private Map<String, String> parameters(int at, String path) {
    int count = shapes[at + PARAMETERS] >>> 1;
    boolean catchAll = (shapes[at + PARAMETERS] & 1) == 1;
    String[] values = new String[count];
    int from = 1;
    int segment = 0;
    for (int p = 0; p < count; p++) {
      for (; segment < shapes[at + FIRST_PARAMETER + 2 * p]; segment++) {
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
    return names[shapes[at + FIRST_PARAMETER + 2 * p + 1]];
  }
}
