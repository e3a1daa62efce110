package io.gatehouse.server.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration is invalid; holds every problem found, not just the first. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /** Every problem, in file order. */
  public List<ConfigError> errors() {
    return errors;
  }
}
