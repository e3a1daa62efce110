package io.gatehouse.gateway.route;

/**
 * The routes as tries over path segments, one per host pattern, laid out flat: a node is four
 * ints in one array, 16 bytes — its table of literal children in {@link SegmentTables}, its
 * parameter child, the first entry in {@link Endpoints} of the routes whose pattern ends there, and
 * how many of them are exact, catch-all and prefix routes (in that order), packed into one int.
 * Nodes are numbered depth-first, so the nodes of one route's path lie side by side, four to a
 * cache line. A lookup walks the request path once, depth-first in precedence order, so its cost
 * depends on the path and the trie's shape, not on the number of routes, and it reads a cache line
 * or two per segment rather than a handful of objects.
 */
final class Trie {
  static final int STRIDE = 4;
  static final int LITERALS = 0;
  static final int PARAMETER = 1;
  static final int FIRST = 2;
  static final int COUNTS = 3;
  /** The kinds of route that end at a node, each the shift of its count in the node's counts. */
  static final int EXACT = 0;
  static final int CATCH_ALL = 10;
  static final int PREFIX = 20;
  static final int COUNT_BITS = 10;
  static final int MAX_COUNT = (1 << COUNT_BITS) - 1;

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
      found = select(at, EXACT, method);
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
        found = select(at, CATCH_ALL, method);
      }
    }
    return found >= 0 ? found : select(at, PREFIX, method);
  }

  private int select(int at, int kind, int method) {
    int counts = nodes[at + COUNTS];
    int count = counts >>> kind & MAX_COUNT;
    return count == 0 ? -1 : endpoints.select(first(at, counts, kind), count, method);
  }

  /** The first entry of the routes of a kind ending at the node: after those of the kinds before it. */
  private int first(int at, int counts, int kind) {
    int before = counts & (1 << kind) - 1;
    return nodes[at + FIRST] + (before & MAX_COUNT) + (before >>> COUNT_BITS);
  }

  /** Adds the methods of every route under {@code root} whose path pattern matches the path, whatever its method. */
  void collectMethods(int root, String path, long[] into) {
    collectMethods(root, path, 1, into);
  }

  private void collectMethods(int node, String path, int from, long[] into) {
    int at = node * STRIDE;
    collect(at, PREFIX, into);
    if (from > path.length()) {
      collect(at, EXACT, into);
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
      collect(at, CATCH_ALL, into);
    }
  }

  private void collect(int at, int kind, long[] into) {
    int counts = nodes[at + COUNTS];
    endpoints.collectMethods(first(at, counts, kind), counts >>> kind & MAX_COUNT, into);
  }

  /** Where the segment starting at {@code from} ends: the next {@code /}, or the end of the path. */
  static int segmentEnd(String path, int from) {
    int slash = path.indexOf('/', from);
    return slash < 0 ? path.length() : slash;
  }
}
