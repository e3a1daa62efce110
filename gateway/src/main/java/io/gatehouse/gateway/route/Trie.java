package io.gatehouse.gateway.route;

/**
 * The routes as tries over path segments, one per host pattern, laid out flat: a node is eight
 * ints in one array — its table of literal children in {@link SegmentTables}, its parameter child,
 * and the first entry and count in {@link Endpoints} of the routes whose pattern ends there
 * (exact, catch-all, prefix). Nodes are numbered depth-first, so the nodes of one route's path lie
 * side by side. A lookup walks the request path once, depth-first in precedence order, so its cost
 * depends on the path and the trie's shape, not on the number of routes, and it reads a cache line
 * or two per segment rather than a handful of objects.
 */
final class Trie {
  static final int STRIDE = 8;
  static final int LITERALS = 0;
  static final int PARAMETER = 1;
  static final int EXACT = 2;
  static final int CATCH_ALL = 4;
  static final int PREFIX = 6;

  private final int[] nodes;
  private final SegmentTables tables;
  private final int exactHosts;
  private final int wildcardHosts;
  private final Endpoints endpoints;

  /** The roots: 0 for routes without a host; the others in the host tables, handles into {@code tables}. */
  Trie(int[] nodes, SegmentTables tables, int exactHosts, int wildcardHosts, Endpoints endpoints) {
    this.nodes = nodes;
    this.tables = tables;
    this.exactHosts = exactHosts;
    this.wildcardHosts = wildcardHosts;
    this.endpoints = endpoints;
  }

  /** The root for routes without a host. */
  int anyHost() {
    return 0;
  }

  /** The root for routes of the host {@code name[from, to)}, or -1. */
  int exactHost(String name, int from, int to) {
    return tables.get(exactHosts, name, from, to);
  }

  /** The root for routes of the hosts under the domain {@code name[from, to)}, or -1. */
  int wildcardHost(String name, int from, int to) {
    return tables.get(wildcardHosts, name, from, to);
  }

  Endpoints endpoints() {
    return endpoints;
  }

  /**
   * The entry of the most specific route under {@code root} matching a normalised path and the
   * method (its number in {@link Methods}), or -1. At each node, in order: the literal child for
   * the next segment, the parameter child (non-empty segment), a catch-all ending here (non-empty
   * rest), a prefix ending here. When the path ends at a node: an exact template ending here, then
   * a prefix ending here.
   */
  int find(int root, String path, int method) {
    return find(root, path, 1, method);
  }

  private int find(int node, String path, int from, int method) {
    int at = node * STRIDE;
    int found = -1;
    if (from > path.length()) {
      found = select(at + EXACT, method);
    } else {
      int to = segmentEnd(path, from);
      int literal = tables.get(nodes[at + LITERALS], path, from, to);
      if (literal >= 0) {
        found = find(literal, path, to + 1, method);
      }
      int parameter = nodes[at + PARAMETER];
      if (found < 0 && parameter >= 0 && to > from) {
        found = find(parameter, path, to + 1, method);
      }
      if (found < 0 && path.length() > from) {
        found = select(at + CATCH_ALL, method);
      }
    }
    return found >= 0 ? found : select(at + PREFIX, method);
  }

  private int select(int slot, int method) {
    int count = nodes[slot + 1];
    return count == 0 ? -1 : endpoints.select(nodes[slot], count, method);
  }

  /** Adds the methods of every route under {@code root} whose path pattern matches the path, whatever its method. */
  void collectMethods(int root, String path, long[] into) {
    collectMethods(root, path, 1, into);
  }

  private void collectMethods(int node, String path, int from, long[] into) {
    int at = node * STRIDE;
    collect(at + PREFIX, into);
    if (from > path.length()) {
      collect(at + EXACT, into);
      return;
    }
    int to = segmentEnd(path, from);
    int literal = tables.get(nodes[at + LITERALS], path, from, to);
    if (literal >= 0) {
      collectMethods(literal, path, to + 1, into);
    }
    int parameter = nodes[at + PARAMETER];
    if (parameter >= 0 && to > from) {
      collectMethods(parameter, path, to + 1, into);
    }
    if (path.length() > from) {
      collect(at + CATCH_ALL, into);
    }
  }

  private void collect(int slot, long[] into) {
    endpoints.collectMethods(nodes[slot], nodes[slot + 1], into);
  }

  /** Where the segment starting at {@code from} ends: the next {@code /}, or the end of the path. */
  static int segmentEnd(String path, int from) {
    int slash = path.indexOf('/', from);
    return slash < 0 ? path.length() : slash;
  }
}
