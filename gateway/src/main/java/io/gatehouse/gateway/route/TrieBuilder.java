package io.gatehouse.gateway.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects routes into tries of plain objects, one per host pattern, then lays them out flat as a {@link Trie}. */
final class TrieBuilder {
  private final Methods methods;
  private final Node anyHost = new Node();
  private final Map<String, Node> exactHosts = new LinkedHashMap<>();
  private final Map<String, Node> wildcardHosts = new LinkedHashMap<>();
  private int nodeCount = 1;

  TrieBuilder(Methods methods) {
    this.methods = methods;
  }

  TrieBuilder add(RouteSpec route) {
    String host = route.host().orElse(null);
    Node node = host == null ? anyHost
        : host.startsWith("*.") ? root(wildcardHosts, host.substring(2))
        : root(exactHosts, host);
    for (String segment : route.pattern().segments()) {
      node = PathPattern.isParameter(segment) ? node.parameter() : node.literal(segment);
    }
    switch (route.pattern().kind()) {
      case PREFIX -> node.prefix.add(route);
      case TEMPLATE -> node.exact.add(route);
      case CATCH_ALL -> node.catchAll.add(route);
    }
    return this;
  }

  private Node root(Map<String, Node> roots, String name) {
    return roots.computeIfAbsent(name, n -> newNode());
  }

  private Node newNode() {
    nodeCount++;
    return new Node();
  }

  Trie build() {
    Layout layout = new Layout(nodeCount);
    layout.add(anyHost);
    int exact = layout.tables.add(layout.addAll(exactHosts));
    int wildcard = layout.tables.add(layout.addAll(wildcardHosts));
    return new Trie(layout.nodes, layout.tables.build(), exact, wildcard, new Endpoints(layout.entries, methods));
  }

  /** Numbers the nodes depth-first and writes each one's record, table of children and entries. */
  private static final class Layout {
    final int[] nodes;
    final SegmentTables.Builder tables = SegmentTables.builder();
    final List<RouteSpec> entries = new ArrayList<>();
    int next;

    Layout(int nodeCount) {
      nodes = new int[nodeCount * Trie.STRIDE];
    }

    /** Lays out a node and everything below it; returns its number. */
    int add(Node node) {
      int id = next++;
      int at = id * Trie.STRIDE;
      nodes[at + Trie.FIRST] = entries.size();
      nodes[at + Trie.COUNTS] = count(node.exact, Trie.EXACT) | count(node.catchAll, Trie.CATCH_ALL) | count(node.prefix, Trie.PREFIX);
      nodes[at + Trie.LITERALS] = tables.add(addAll(node.literals));
      nodes[at + Trie.PARAMETER] = node.parameter == null ? -1 : add(node.parameter);
      return id;
    }

    /** Lays out these nodes; returns their numbers by key. */
    Map<String, Integer> addAll(Map<String, Node> children) {
      Map<String, Integer> ids = new LinkedHashMap<>();
      children.forEach((key, child) -> ids.put(key, add(child)));
      return ids;
    }

    /** Adds the routes of a kind as entries; returns their count shifted into place. */
    private int count(List<RouteSpec> routes, int kind) {
      if (routes.size() > Trie.MAX_COUNT) {
        throw new IllegalArgumentException("more than " + Trie.MAX_COUNT + " routes share a host and path pattern");
      }
      entries.addAll(routes);
      return routes.size() << kind;
    }
  }

  private final class Node {
    final Map<String, Node> literals = new LinkedHashMap<>();
    final List<RouteSpec> exact = new ArrayList<>();
    final List<RouteSpec> catchAll = new ArrayList<>();
    final List<RouteSpec> prefix = new ArrayList<>();
    Node parameter;

    Node literal(String segment) {
      return literals.computeIfAbsent(segment, s -> newNode());
    }

    Node parameter() {
      if (parameter == null) {
        parameter = newNode();
      }
      return parameter;
    }
  }
}
