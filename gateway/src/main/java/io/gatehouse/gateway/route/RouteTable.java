package io.gatehouse.gateway.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's routes, indexed for matching. Immutable and safe to share between event loops.
 *
 * <p>Precedence, most specific first:
 * <ol>
 *   <li><b>Host.</b> Routes for the request's exact host are tried first, then wildcard hosts,
 *       longest domain first ({@code *.api.example.com} before {@code *.example.com}), then routes
 *       without a host. The first group with a route for the path and method wins, whatever the
 *       path specificity of the later groups: a host is a virtual host.
 *   <li><b>Path, segment by segment from the left.</b> At the first segment where two patterns
 *       differ, a literal beats a {@code {name}} parameter, which beats a {@code {name*}}
 *       catch-all, which beats a prefix that ended before that segment. So a longer prefix beats a
 *       shorter one, {@code /orders/{id}} beats prefix {@code /orders} for {@code /orders/1}, and
 *       prefix {@code /api/v1} beats template {@code /api/{version}/users}.
 *   <li><b>Template before prefix.</b> A template and a prefix with the same segments both match
 *       that exact path; the template wins.
 *   <li><b>Method.</b> A route matches only the methods it lists ({@code HEAD} also matches a
 *       route listing {@code GET}); among routes with the same host and path pattern, one listing
 *       the method beats one reached through {@code GET}, which beats one allowing every method.
 *       A route that does not allow the method is skipped and the search goes on, so a less
 *       specific route that allows it can still match.
 * </ol>
 * When no route matches but some match the host and path under other methods, the lookup is
 * {@link RouteLookup.MethodNotAllowed}, so the gateway answers 405 rather than 404.
 */
public final class RouteTable {
  private static final RouteLookup.NotFound NOT_FOUND = new RouteLookup.NotFound();

  private final List<RouteSpec> routes;
  private final SegmentMap<Trie> exactHosts = new SegmentMap<>();
  private final SegmentMap<Trie> wildcardHosts = new SegmentMap<>();
  private final Trie anyHost = new Trie();
  private final boolean hasHosts;

  private RouteTable(List<RouteSpec> routes) {
    this.routes = List.copyOf(routes);
    boolean anyHostRoute = false;
    for (RouteSpec route : routes) {
      String host = route.host().orElse(null);
      Trie trie = host == null ? anyHost
          : host.startsWith("*.") ? wildcardHosts.computeIfAbsent(host.substring(2), Trie::new)
          : exactHosts.computeIfAbsent(host, Trie::new);
      trie.add(route);
      anyHostRoute |= host != null;
    }
    this.hasHosts = anyHostRoute;
  }

  /**
   * A table of these routes.
   *
   * @throws IllegalArgumentException naming every pair of routes that share an id, or that share
   *     a host, a path pattern (parameter names aside) and a method (or both allow every method)
   */
  public static RouteTable of(Collection<RouteSpec> routes) {
    List<String> problems = new ArrayList<>();
    Map<String, RouteSpec> byId = new HashMap<>();
    Map<String, List<RouteSpec>> byMatch = new LinkedHashMap<>();
    for (RouteSpec route : routes) {
      RouteSpec sameId = byId.putIfAbsent(route.id(), route);
      if (sameId != null) {
        problems.add("two routes have the id " + route.id());
      }
      String key = route.host().orElse("any host") + ", " + route.pattern().shape();
      List<RouteSpec> sameMatch = byMatch.computeIfAbsent(key, k -> new ArrayList<>());
      for (RouteSpec earlier : sameMatch) {
        String shared = sharedMethods(earlier.methods(), route.methods());
        if (shared != null) {
          problems.add("routes " + earlier.id() + " and " + route.id() + " have the same match (" + key
              + ", methods " + shared + ")");
        }
      }
      sameMatch.add(route);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new RouteTable(new ArrayList<>(routes));
  }

  /** {@code any} when both allow every method, the methods both list, or {@code null} when they do not overlap. */
  private static String sharedMethods(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty() ? "any" : null;
    }
    Set<String> shared = new TreeSet<>(a);
    shared.retainAll(b);
    return shared.isEmpty() ? null : shared.toString();
  }

  /** The routes, in the order given. */
  public List<RouteSpec> routes() {
    return routes;
  }

  /**
   * The route for a request.
   *
   * @param host the {@code Host} header (a port and a trailing dot are ignored, case is not
   *     significant), or {@code null} without one
   * @param method the request method, case-sensitive
   * @param normalizedPath the path from {@link io.gatehouse.gateway.path.PathNormalizer}
   */
  public RouteLookup match(String host, String method, String normalizedPath) {
    if (normalizedPath.isEmpty() || normalizedPath.charAt(0) != '/') {
      return NOT_FOUND;
    }
    RouteSpec route = search(host, method, normalizedPath, null);
    if (route != null) {
      return matchOf(route, normalizedPath);
    }
    Set<String> allowed = new TreeSet<>();
    search(host, method, normalizedPath, allowed);
    if (allowed.isEmpty()) {
      return NOT_FOUND;
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    return new RouteLookup.MethodNotAllowed(allowed);
  }

  private static RouteMatch matchOf(RouteSpec route, String path) {
    PathPattern pattern = route.pattern();
    if (pattern.kind() != PathPattern.Kind.PREFIX) {
      return new RouteMatch(route, pattern.hasParameters() ? parameters(pattern, path) : Map.of(), path);
    }
    String prefix = pattern.text();
    if (!route.stripPrefix() || prefix.length() == 1) {
      return new RouteMatch(route, Map.of(), path);
    }
    return new RouteMatch(route, Map.of(), path.length() == prefix.length() ? "/" : path.substring(prefix.length()));
  }

  /**
   * Reads the parameters off a path the template is known to match, by position: the route's own
   * segments are not read again (in a large table each is a cache miss).
   */
  private static Map<String, String> parameters(PathPattern pattern, String path) {
    int[] positions = pattern.parameterSegments();
    String[] names = pattern.parameterNames();
    String[] values = new String[names.length];
    int from = 1;
    int segment = 0;
    for (int p = 0; p < positions.length; p++) {
      for (; segment < positions[p]; segment++) {
        from = Trie.segmentEnd(path, from) + 1;
      }
      boolean rest = pattern.kind() == PathPattern.Kind.CATCH_ALL && p == positions.length - 1;
      values[p] = rest ? path.substring(from) : path.substring(from, Trie.segmentEnd(path, from));
    }
    return switch (names.length) {
      case 1 -> Map.of(names[0], values[0]);
      case 2 -> Map.of(names[0], values[0], names[1], values[1]);
      default -> {
        Map<String, String> all = new HashMap<>();
        for (int p = 0; p < names.length; p++) {
          all.put(names[p], values[p]);
        }
        yield all;
      }
    };
  }

  /**
   * Visits the host groups in precedence order. Without {@code allowed}, returns the first route
   * found; with it, collects the methods of every route matching the path instead and returns
   * {@code null}.
   */
  private RouteSpec search(String host, String method, String path, Set<String> allowed) {
    if (hasHosts && host != null) {
      String name = host.toLowerCase(Locale.ROOT);
      int end = hostEnd(name);
      RouteSpec found = visit(exactHosts.get(name, 0, end), method, path, allowed);
      for (int dot = name.indexOf('.', 1); found == null && dot >= 0 && dot < end; dot = name.indexOf('.', dot + 1)) {
        found = visit(wildcardHosts.get(name, dot + 1, end), method, path, allowed);
      }
      if (found != null) {
        return found;
      }
    }
    return visit(anyHost, method, path, allowed);
  }

  private static RouteSpec visit(Trie trie, String method, String path, Set<String> allowed) {
    if (trie == null) {
      return null;
    }
    if (allowed == null) {
      return trie.find(path, method);
    }
    trie.collectMethods(path, allowed);
    return null;
  }

  /** Where the host name ends: before a {@code :port} and a trailing dot. */
  private static int hostEnd(String host) {
    int end;
    if (host.startsWith("[")) {
      end = host.indexOf(']') + 1;
    } else {
      int colon = host.indexOf(':');
      end = colon < 0 ? host.length() : colon;
    }
    return end > 0 && host.charAt(end - 1) == '.' ? end - 1 : end;
  }
}
