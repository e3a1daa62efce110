package io.gatehouse.server;

import io.gatehouse.server.cli.GatehouseCommand;
import java.util.Set;

/** Entry point of {@code gatehouse.jar}: runs the command line and exits with its code. */
public final class Main {
  /** Commands that run servers and want informational logs; the rest log warnings only. */
  private static final Set<String> SERVER_COMMANDS = Set.of("serve", "demo");

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0 || !SERVER_COMMANDS.contains(args[0])) {
      System.setProperty("gatehouse.log.level", System.getProperty("gatehouse.log.level", "WARN"));
    }
    System.exit(GatehouseCommand.commandLine().execute(args));
  }
}
