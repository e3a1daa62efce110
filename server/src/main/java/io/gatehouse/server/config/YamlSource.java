package io.gatehouse.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a YAML file (through Jackson's streaming parser) into {@link ConfigNode}s that remember their lines. */
final class YamlSource {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final long MAX_BYTES = 1024 * 1024;

  private final Path file;
  private final List<ConfigError> errors;

  private YamlSource(Path file, List<ConfigError> errors) {
    this.file = file;
    this.errors = errors;
  }

  /**
   * Parses a file; structural problems (duplicate keys) are added to {@code errors}.
   *
   * @throws ConfigException when the file cannot be read or is not YAML at all
   */
  static ConfigNode read(Path file, List<ConfigError> errors) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw fail(file.toString(), "file is larger than 1 MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw fail(file.toString(), "file not found");
    } catch (IOException e) {
      throw fail(file.toString(), "cannot read the file: " + e.getMessage());
    }
    try (JsonParser parser = YAML.createParser(bytes)) {
      if (parser.nextToken() == null) {
        return ConfigNode.nullNode("", 1);
      }
      return new YamlSource(file, errors).value(parser, "");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw fail(at == null ? file.toString() : file + ":" + at.getLineNr(), "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw fail(file.toString(), "cannot read the file: " + e.getMessage());
    }
  }

  private ConfigNode value(JsonParser parser, String path) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, ConfigNode> fields = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        String childPath = path.isEmpty() ? name : path + "." + name;
        parser.nextToken();
        ConfigNode child = value(parser, childPath);
        if (fields.putIfAbsent(name, child) != null) {
          errors.add(new ConfigError(childPath, "", file + ":" + keyLine, "duplicate key"));
        }
      }
      return new ConfigNode(path, line, ConfigNode.Kind.MAP, null, fields, List.of());
    }
    if (token == JsonToken.START_ARRAY) {
      List<ConfigNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(parser, path + "[" + items.size() + "]"));
      }
      return new ConfigNode(path, line, ConfigNode.Kind.LIST, null, Map.of(), items);
    }
    if (token == JsonToken.VALUE_NULL) {
      return ConfigNode.nullNode(path, line);
    }
    return ConfigNode.scalar(path, line, parser.getText());
  }

  private static ConfigException fail(String origin, String reason) {
    return new ConfigException(List.of(new ConfigError("(file)", "", origin, reason)));
  }
}
