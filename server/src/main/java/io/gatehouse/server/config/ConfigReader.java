package io.gatehouse.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from one map of the configuration, applying {@code GATEHOUSE_<PATH>}
 * environment overrides and recording every problem instead of stopping at the first.
 */
final class ConfigReader {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  private final Path file;
  private final Map<String, String> env;
  private final List<ConfigError> errors;
  private final String path;
  private final ConfigNode node;

  ConfigReader(Path file, Map<String, String> env, List<ConfigError> errors, String path, ConfigNode node) {
    this.file = file;
    this.env = env;
    this.errors = errors;
    this.path = path;
    this.node = node;
    if (node != null && node.kind() != ConfigNode.Kind.MAP && node.kind() != ConfigNode.Kind.NULL) {
      error(path, "", origin(node), "must be a map of settings");
    }
  }

  /** The reader of a nested map (absent maps read as all defaults). */
  ConfigReader section(String key) {
    return new ConfigReader(file, env, errors, child(key), field(key).orElse(null));
  }

  /** The maps of a list ({@code routes: [...]}), each as a reader; absent → empty. */
  List<ConfigReader> items(String key) {
    Optional<ConfigNode> list = field(key);
    if (list.isEmpty() || list.get().kind() == ConfigNode.Kind.NULL) {
      return List.of();
    }
    if (list.get().kind() != ConfigNode.Kind.LIST) {
      error(child(key), "", origin(list.get()), "must be a list");
      return List.of();
    }
    List<ConfigReader> readers = new java.util.ArrayList<>();
    for (ConfigNode item : list.get().items()) {
      readers.add(new ConfigReader(file, env, errors, item.path(), item));
    }
    return readers;
  }

  /** A list of single values ({@code [a, b]}); absent → the fallback. */
  List<String> strings(String key, List<String> fallback) {
    Optional<ConfigNode> list = field(key);
    if (list.isEmpty() || list.get().kind() == ConfigNode.Kind.NULL) {
      return fallback;
    }
    if (list.get().kind() != ConfigNode.Kind.LIST
        || list.get().items().stream().anyMatch(item -> item.kind() != ConfigNode.Kind.SCALAR)) {
      error(child(key), "", origin(list.get()), "must be a list of values");
      return fallback;
    }
    return list.get().items().stream().map(ConfigNode::text).toList();
  }

  /** Whether the key holds a map (as opposed to a list or a value). */
  boolean isMap(String key) {
    return field(key).filter(child -> child.kind() == ConfigNode.Kind.MAP).isPresent();
  }

  /** A list of single values when written. */
  Optional<List<String>> stringsIfPresent(String key) {
    return has(key) ? Optional.of(strings(key, List.of())) : Optional.empty();
  }

  /** How many problems were recorded so far (to tell whether a block added any). */
  int errorCount() {
    return errors.size();
  }

  /** A map of single values ({@code {name: value}}); absent → empty. */
  Map<String, String> stringMap(String key) {
    Optional<ConfigNode> map = field(key);
    if (map.isEmpty() || map.get().kind() == ConfigNode.Kind.NULL) {
      return Map.of();
    }
    Map<String, String> values = new java.util.LinkedHashMap<>();
    map.get().fields().forEach((name, value) -> {
      if (value.kind() != ConfigNode.Kind.SCALAR) {
        error(value.path(), "", origin(value), "must be a single value");
      } else {
        values.put(name, value.text());
      }
    });
    return values;
  }

  /** Records a problem for this map as a whole (e.g. a builder refusing a combination). */
  void invalidHere(String reason) {
    error(path, "", origin(node), reason);
  }

  /** The keys written in this map, in file order. */
  List<String> keys() {
    return node == null ? List.of() : List.copyOf(node.fields().keySet());
  }

  /** One of a fixed set of words (case-insensitive), returned as written in {@code allowed}. */
  String oneOf(String key, String fallback, List<String> allowed) {
    Optional<Value> value = value(key);
    if (value.isEmpty()) {
      return fallback;
    }
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(value.get().text.trim())) {
        return candidate;
      }
    }
    error(value.get(), "must be one of " + String.join(", ", allowed));
    return fallback;
  }

  /** Whether the key is written in the file. */
  boolean has(String key) {
    return field(key).isPresent();
  }

  /** Records an error for every key not in {@code known}. */
  void allowOnly(Set<String> known) {
    if (node == null) {
      return;
    }
    node.fields().forEach((name, child) -> {
      if (!known.contains(name)) {
        error(child.path(), "", origin(child), "unknown key (expected one of " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    });
  }

  /** A required integer in a range. */
  Optional<Integer> requiredInteger(String key, int min, int max) {
    Optional<Value> value = value(key);
    if (value.isEmpty()) {
      error(child(key), "", origin(node), "is required");
      return Optional.empty();
    }
    return parseInteger(value.get(), min, max);
  }

  /** An integer in a range. */
  int integer(String key, int fallback, int min, int max) {
    return value(key).flatMap(v -> parseInteger(v, min, max)).orElse(fallback);
  }

  /** A non-blank string. */
  String string(String key, String fallback) {
    Optional<Value> value = value(key);
    if (value.isPresent() && value.get().text.isBlank()) {
      error(value.get(), "must not be blank");
      return fallback;
    }
    return value.map(v -> v.text).orElse(fallback);
  }

  /** {@code true} or {@code false}. */
  boolean bool(String key, boolean fallback) {
    Optional<Value> value = value(key);
    if (value.isEmpty()) {
      return fallback;
    }
    String text = value.get().text.toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      error(value.get(), "must be true or false");
      return fallback;
    }
    return Boolean.parseBoolean(text);
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}. */
  Duration duration(String key, Duration fallback) {
    Optional<Value> value = value(key);
    if (value.isEmpty()) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value.get().text.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      error(value.get(), "must be a positive duration like 500ms, 30s, 5m, 1h or 7d");
      return fallback;
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
  }

  /** Records a problem with a key as written, whatever its value's shape. */
  void invalid(String key, String reason) {
    error(child(key), "", origin(field(key).orElse(node)), reason);
  }

  private Optional<Integer> parseInteger(Value value, int min, int max) {
    try {
      int parsed = Integer.parseInt(value.text.trim());
      if (parsed >= min && parsed <= max) {
        return Optional.of(parsed);
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    error(value, min == max ? "must be " + min : "must be an integer from " + min + " to " + max);
    return Optional.empty();
  }

  private Optional<Value> value(String key) {
    String childPath = child(key);
    String envName = envName(childPath);
    String fromEnv = env.get(envName);
    if (fromEnv != null) {
      return Optional.of(new Value(childPath, fromEnv, "env " + envName));
    }
    Optional<ConfigNode> child = field(key);
    if (child.isEmpty() || child.get().kind() == ConfigNode.Kind.NULL) {
      return Optional.empty();
    }
    if (child.get().kind() != ConfigNode.Kind.SCALAR) {
      error(childPath, "", origin(child.get()), "must be a single value, not a " + child.get().kind().name().toLowerCase(Locale.ROOT));
      return Optional.empty();
    }
    return Optional.of(new Value(childPath, child.get().text(), origin(child.get())));
  }

  /** The environment variable overriding a path: {@code management.port} → {@code GATEHOUSE_MANAGEMENT_PORT}. */
  static String envName(String path) {
    return "GATEHOUSE_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private Optional<ConfigNode> field(String key) {
    return node == null ? Optional.empty() : node.field(key);
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String origin(ConfigNode at) {
    return at == null ? file.toString() : file + ":" + at.line();
  }

  private void error(Value value, String reason) {
    error(value.path, value.text, value.origin, reason);
  }

  private void error(String errorPath, String value, String origin, String reason) {
    errors.add(new ConfigError(errorPath, value, origin, reason));
  }

  private record Value(String path, String text, String origin) {}
}
