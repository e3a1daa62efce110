package io.gatehouse.gateway.route;

import java.util.Set;

/**
 * The routes of one host pattern as a trie over path segments: literal children by segment, one
 * parameter child, and at each node the routes whose pattern ends there (exact, catch-all,
 * prefix). A lookup walks the request path once, depth-first in precedence order, so its cost
 * depends on the path and the trie's shape, not on the number of routes.
 */
final class Trie {
  private final Node root = new Node();

  void add(RouteSpec route) {
    PathPattern pattern = route.pattern();
    Node node = root;
    for (String segment : pattern.segments()) {
      node = PathPattern.isParameter(segment) ? node.parameter() : node.literals.computeIfAbsent(segment, Node::new);
    }
    switch (pattern.kind()) {
      case PREFIX -> node.prefix.add(route);
      case TEMPLATE -> node.exact.add(route);
      case CATCH_ALL -> node.catchAll.add(route);
    }
  }

  /**
   * The most specific route matching a normalised path and method, or {@code null}. At each
   * node, in order: the literal child for the next segment, the parameter child (non-empty
   * segment), a catch-all ending here (non-empty rest), a prefix ending here. When the path ends
   * at a node: an exact template ending here, then a prefix ending here.
   */
  RouteSpec find(String path, String method) {
    return find(root, path, 1, method);
  }

  private static RouteSpec find(Node node, String path, int from, String method) {
    if (from > path.length()) {
      RouteSpec exact = node.exact.select(method);
      return exact != null ? exact : node.prefix.select(method);
    }
    int to = segmentEnd(path, from);
    RouteSpec found = null;
    Node literal = node.literals.get(path, from, to);
    if (literal != null) {
      found = find(literal, path, to + 1, method);
    }
    if (found == null && node.parameter != null && to > from) {
      found = find(node.parameter, path, to + 1, method);
    }
    if (found == null && path.length() > from) {
      found = node.catchAll.select(method);
    }
    return found != null ? found : node.prefix.select(method);
  }

  /** Adds the methods of every route whose path pattern matches the path, whatever its method. */
  void collectMethods(String path, Set<String> into) {
    collectMethods(root, path, 1, into);
  }

  private static void collectMethods(Node node, String path, int from, Set<String> into) {
    node.prefix.collectMethods(into);
    if (from > path.length()) {
      node.exact.collectMethods(into);
      return;
    }
    int to = segmentEnd(path, from);
    Node literal = node.literals.get(path, from, to);
    if (literal != null) {
      collectMethods(literal, path, to + 1, into);
    }
    if (node.parameter != null && to > from) {
      collectMethods(node.parameter, path, to + 1, into);
    }
    if (path.length() > from) {
      node.catchAll.collectMethods(into);
    }
  }

  /** Where the segment starting at {@code from} ends: the next {@code /}, or the end of the path. */
  static int segmentEnd(String path, int from) {
    int slash = path.indexOf('/', from);
    return slash < 0 ? path.length() : slash;
  }

  private static final class Node {
    final SegmentMap<Node> literals = new SegmentMap<>();
    final Slot exact = new Slot();
    final Slot catchAll = new Slot();
    final Slot prefix = new Slot();
    Node parameter;

    Node parameter() {
      if (parameter == null) {
        parameter = new Node();
      }
      return parameter;
    }
  }
}
