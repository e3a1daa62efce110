package io.gatehouse.server;

import io.gatehouse.server.cli.GatehouseCommand;
import io.netty.util.ResourceLeakDetector;
import java.util.Set;

/** Entry point of {@code gatehouse.jar}: runs the command line and exits with its code. */
public final class Main {
  /** Commands that run servers and want informational logs; the rest log warnings only. */
  private static final Set<String> SERVER_COMMANDS = Set.of("serve", "demo");

  private Main() {}

  public static void main(String[] args) {
    leakDetection(System.getProperty("io.netty.leakDetection.level"));
    if (args.length == 0 || !SERVER_COMMANDS.contains(args[0])) {
      System.setProperty("gatehouse.log.level", System.getProperty("gatehouse.log.level", "WARN"));
    }
    System.exit(GatehouseCommand.commandLine().execute(args));
  }

  /**
   * Netty samples buffer allocations for leaks unless told not to: a diagnostic that cost 4-9 % of
   * proxied requests/s here (docs/benchmarks.md), so it is off unless a level was asked for
   * ({@code -Dio.netty.leakDetection.level=paranoid}). The test suites do not start here and keep
   * Netty's default.
   */
  static void leakDetection(String requestedLevel) {
    if (requestedLevel == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }
}
