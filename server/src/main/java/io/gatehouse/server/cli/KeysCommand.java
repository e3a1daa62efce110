package io.gatehouse.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse keys …}: signing key utilities. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Signing key utilities.",
    subcommands = {KeysGenerateCommand.class})
final class KeysCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: generate");
  }
}
