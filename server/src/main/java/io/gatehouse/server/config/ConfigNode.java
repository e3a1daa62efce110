package io.gatehouse.server.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value in a configuration file with where it was written: a map, a list, a scalar (kept as
 * text; the binder parses it) or null.
 *
 * @param path dotted path, {@code [i]} for list items
 * @param line 1-based line in the file
 * @param kind what the node is
 * @param text the scalar's text (null otherwise)
 * @param fields a map's entries in file order (empty otherwise)
 * @param items a list's items (empty otherwise)
 */
record ConfigNode(String path, int line, Kind kind, String text, Map<String, ConfigNode> fields,
    List<ConfigNode> items) {

  /** The shape of a node. */
  enum Kind { MAP, LIST, SCALAR, NULL }

  static ConfigNode scalar(String path, int line, String text) {
    return new ConfigNode(path, line, Kind.SCALAR, text, Map.of(), List.of());
  }

  static ConfigNode nullNode(String path, int line) {
    return new ConfigNode(path, line, Kind.NULL, null, Map.of(), List.of());
  }

  Optional<ConfigNode> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }
}
