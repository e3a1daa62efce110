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
  private final Methods methods;
  private final Trie trie;
  private final boolean hasHosts;

  private RouteTable(List<RouteSpec> routes) {
    this.routes = List.copyOf(routes);
    this.methods = new Methods(routes);
    TrieBuilder trie = new TrieBuilder(methods);
    routes.forEach(trie::add);
    this.trie = trie.build();
    this.hasHosts = routes.stream().anyMatch(route -> route.host().isPresent());
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
    int id = methods.id(method);
    int entry = search(host, normalizedPath, id, null);
    if (entry >= 0) {
      return trie.endpoints().match(entry, normalizedPath);
    }
    long[] bits = new long[methods.words()];
    search(host, normalizedPath, id, bits);
    Set<String> allowed = methods.allowed(bits);
    return allowed.isEmpty() ? NOT_FOUND : new RouteLookup.MethodNotAllowed(allowed);
  }

  /**
   * Visits the host groups in precedence order. Without {@code allowed}, returns the entry of the
   * first route found, or -1; with it, sets the bits of the methods of every route matching the
   * path instead and returns -1.
   */
  private int search(String host, String path, int method, long[] allowed) {
    if (hasHosts && host != null) {
      String name = host.toLowerCase(Locale.ROOT);
      int end = hostEnd(name);
      int found = visit(trie.exactHost(name, 0, end), path, method, allowed);
      for (int dot = name.indexOf('.', 1); found < 0 && dot >= 0 && dot < end; dot = name.indexOf('.', dot + 1)) {
        found = visit(trie.wildcardHost(name, dot + 1, end), path, method, allowed);
      }
      if (found >= 0) {
        return found;
      }
    }
    return visit(trie.anyHost(), path, method, allowed);
  }

  private int visit(int root, String path, int method, long[] allowed) {
    if (root < 0) {
      return -1;
    }
    if (allowed == null) {
      return trie.find(root, path, method);
    }
    trie.collectMethods(root, path, allowed);
    return -1;
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
