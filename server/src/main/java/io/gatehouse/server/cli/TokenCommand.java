package io.gatehouse.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse token …}: verify or inspect access tokens. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Verify, inspect or mint access tokens.",
    subcommands = {TokenVerifyCommand.class, TokenInspectCommand.class, TokenMintCommand.class})
final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: verify, inspect or mint");
  }
}
