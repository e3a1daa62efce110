package io.gatehouse.server.cli;

import io.gatehouse.server.config.ConfigException;
import io.gatehouse.server.config.GatehouseConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option and how config errors are reported (all of them, exit 2). */
final class ConfigOption {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML configuration file.")
  Path file;

  /** Loads the file with environment overrides; prints every error and returns null when invalid. */
  GatehouseConfig load(PrintWriter err) {
    try {
      return GatehouseConfig.load(file, System.getenv());
    } catch (ConfigException e) {
      err.println("gatehouse: " + e.errors().size() + " configuration error(s):");
      e.errors().forEach(error -> err.println("  " + error));
      return null;
    }
  }
}
