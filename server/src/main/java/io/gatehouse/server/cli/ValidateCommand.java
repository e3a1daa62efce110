package io.gatehouse.server.cli;

import io.gatehouse.server.config.GatehouseConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gatehouse validate --config FILE}: every configuration error at once; exit 2 if any. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a configuration file (and GATEHOUSE_* overrides): every error at once with path, value, origin and reason.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    GatehouseConfig loaded = config.load(spec.commandLine().getErr());
    if (loaded == null) {
      return ExitCodes.USAGE;
    }
    spec.commandLine().getOut().println("gatehouse: " + loaded.file() + " is valid");
    return ExitCodes.OK;
  }
}
