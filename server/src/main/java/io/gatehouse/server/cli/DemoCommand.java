package io.gatehouse.server.cli;

import io.gatehouse.server.demo.Demo;
import io.gatehouse.server.demo.DemoPorts;
import io.gatehouse.server.demo.PortInUseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse demo}: the whole system on the embedded store, seeded, with curl lines to try. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run auth, admin, gateway, management and two sample services in one process on "
        + "127.0.0.1, seeded with users alice and bob; Ctrl-C stops everything.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the embedded store, keys and config live (default: a fresh temporary directory).")
  Path dataDir;

  @Option(names = "--env-file", paramLabel = "FILE",
      description = "Write GATEWAY_URL, AUTH_URL, ADMIN_URL, ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET, "
          + "ALICE_API_KEY, BOB_API_KEY (NAME=value lines, mode 0600).")
  Path envFile;

  @Option(names = "--gateway-port", defaultValue = "8080", description = "Gateway port (default ${DEFAULT-VALUE}).")
  int gatewayPort;

  @Option(names = "--auth-port", defaultValue = "9000", description = "Auth port (default ${DEFAULT-VALUE}).")
  int authPort;

  @Option(names = "--admin-port", defaultValue = "9001", description = "Admin port (default ${DEFAULT-VALUE}).")
  int adminPort;

  @Option(names = "--management-port", defaultValue = "9090", description = "Management port (default ${DEFAULT-VALUE}).")
  int managementPort;

  @Option(names = "--orders-port", defaultValue = "7001", description = "Orders service port (default ${DEFAULT-VALUE}).")
  int ordersPort;

  @Option(names = "--inventory-port", defaultValue = "7002",
      description = "Inventory service port (default ${DEFAULT-VALUE}).")
  int inventoryPort;

  @Override
  public Integer call() throws InterruptedException, IOException {
    long started = System.currentTimeMillis();
    Path dir = dataDir != null ? dataDir : Files.createTempDirectory("gatehouse-demo-");
    Demo demo;
    try {
      demo = Demo.start(dir, new DemoPorts(gatewayPort, authPort, adminPort, managementPort, ordersPort, inventoryPort));
    } catch (PortInUseException e) {
      throw new CliException(e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      demo.close();
      spec.commandLine().getOut().println("gatehouse demo: stopped");
      spec.commandLine().getOut().flush();
      stopped.countDown();
    }, "gatehouse-demo-shutdown"));
    if (envFile != null) {
      writeEnvFile(envFile, demo.envFile());
    }
    spec.commandLine().getOut().println(demo.banner(started));
    spec.commandLine().getOut().flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private static void writeEnvFile(Path file, String content) {
    try {
      Path absolute = file.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Files.deleteIfExists(absolute);
      Files.createFile(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(absolute, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
