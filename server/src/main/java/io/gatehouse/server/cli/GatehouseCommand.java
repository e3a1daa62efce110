package io.gatehouse.server.cli;

import io.gatehouse.token.crypto.CryptoProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code gatehouse} command. */
@Command(
    name = "gatehouse",
    mixinStandardHelpOptions = true,
    versionProvider = GatehouseCommand.Version.class,
    description = "Gatehouse: API gateway and central auth service.",
    subcommands = {DemoCommand.class, ServeCommand.class, ValidateCommand.class, AdminCommand.class, TokenCommand.class, KeysCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:failure (e.g. token rejected)", "2:usage error"})
public final class GatehouseCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A configured command line: usage errors exit 2 (picocli default), failures print one line and exit 1. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new GatehouseCommand());
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof CliException) {
        cmd.getErr().println("gatehouse: " + e.getMessage());
        return ExitCodes.FAILURE;
      }
      throw e;
    });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints the version, the JVM and the crypto provider in use. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "gatehouse " + version(),
        "java " + System.getProperty("java.version") + ", crypto provider " + CryptoProvider.preferred().name()
      };
    }

    private static String version() {
      try (InputStream in = GatehouseCommand.class.getResourceAsStream("/gatehouse-version.properties")) {
        Properties properties = new Properties();
        if (in != null) {
          properties.load(in);
        }
        return properties.getProperty("version", "unknown");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
