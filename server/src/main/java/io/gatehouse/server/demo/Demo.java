package io.gatehouse.server.demo;

import io.gatehouse.auth.AuthService;
import io.gatehouse.auth.oauth.GrantTypes;
import io.gatehouse.examples.inventory.InventoryService;
import io.gatehouse.examples.inventory.InventorySettings;
import io.gatehouse.examples.orders.OrdersService;
import io.gatehouse.examples.orders.OrdersSettings;
import io.gatehouse.http.server.ListenerException;
import io.gatehouse.server.config.GatehouseConfig;
import io.gatehouse.server.serve.Gatehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole system of ARCHITECTURE.md in one process: auth, admin, gateway and management
 * listeners from an ordinary config file, the store seeded with alice and bob, and the two sample
 * services behind the gateway. Closing stops the services first, then Gatehouse (drained).
 */
public final class Demo implements AutoCloseable {
  private final Path dataDir;
  private final DemoPorts ports;
  private final List<AutoCloseable> running = new ArrayList<>();
  private Gatehouse gatehouse;
  private DemoSeed.People people;
  private String adminSecret;

  private Demo(Path dataDir, DemoPorts ports) {
    this.dataDir = dataDir;
    this.ports = ports;
  }

  /**
   * Starts everything; on any failure stops what already started.
   *
   * @throws PortInUseException when a port is taken, naming the flag that changes it
   */
  public static Demo start(Path dataDir, DemoPorts ports) {
    Demo demo = new Demo(dataDir, ports);
    try {
      demo.startAll();
      return demo;
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  /**
   * Inventory needs nothing but the issuer's URL (it fetches keys on first use), so it starts
   * beside Gatehouse; once auth runs, the seeding and the orders service (which needs a client of
   * its own) start side by side. Start-up time is part of the demo.
   */
  private void startAll() {
    Path config = writeConfig();
    String issuer = DemoPorts.url(ports.auth());
    try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<AutoCloseable> inventory = parallel.submit(() -> startService("inventory", ports.inventory(),
          () -> InventoryService.start(InventorySettings.builder().port(ports.inventory()).issuer(issuer).build())));
      try {
        gatehouse = Gatehouse.start(GatehouseConfig.load(config, Map.of()), false);
      } catch (ListenerException e) {
        throw new PortInUseException(e.listener(), portOf(e.listener()), e);
      } finally {
        running.add(join(inventory));
      }
      AuthService auth = gatehouse.auth().orElseThrow();
      Future<DemoSeed.People> seeded = parallel.submit(() -> DemoSeed.seed(auth));
      Future<AutoCloseable> orders = parallel.submit(() -> {
        String secret = auth.ensureLocalClient(OrdersSettings.DEFAULT_CLIENT_ID, "orders sample service",
            Set.of(GrantTypes.CLIENT_CREDENTIALS), Set.of("inventory:read", "inventory:write"),
            Set.of(OrdersSettings.INVENTORY_AUDIENCE)).reveal();
        return startService("orders", ports.orders(), () -> OrdersService.start(OrdersSettings.builder()
            .port(ports.orders()).issuer(issuer).inventoryUrl(DemoPorts.url(ports.inventory()))
            .clientSecret(secret).build()));
      });
      running.add(join(orders));
      people = join(seeded);
    }
    adminSecret = readAdminSecret();
  }

  /** The task's result; its failure rethrown as it was (a port in use stays a {@link PortInUseException}). */
  private static <T> T join(Future<T> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the demo", e);
    }
  }

  private Path writeConfig() {
    try {
      Files.createDirectories(dataDir);
      Path config = dataDir.resolve("gatehouse.yaml");
      Files.writeString(config, DemoConfig.yaml(ports, dataDir), StandardCharsets.UTF_8);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo configuration in " + dataDir, e);
    }
  }

  /** The admin secret the auth service wrote on its first start in this data directory. */
  private String readAdminSecret() {
    try {
      for (String line : Files.readAllLines(dataDir.resolve("admin-credentials"), StandardCharsets.UTF_8)) {
        if (line.startsWith("ADMIN_CLIENT_SECRET=")) {
          return line.substring("ADMIN_CLIENT_SECRET=".length());
        }
      }
      throw new IllegalStateException(dataDir.resolve("admin-credentials") + " holds no ADMIN_CLIENT_SECRET");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dataDir.resolve("admin-credentials"), e);
    }
  }

  private static AutoCloseable startService(String name, int port, java.util.function.Supplier<AutoCloseable> start) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException) {
          throw new PortInUseException(name, port, e);
        }
      }
      throw e;
    }
  }

  private int portOf(String listener) {
    return switch (listener) {
      case "gateway" -> ports.gateway();
      case "auth" -> ports.auth();
      case "admin" -> ports.admin();
      default -> ports.management();
    };
  }

  /** The ports in use. */
  public DemoPorts ports() {
    return ports;
  }

  /** Where the store, keys and config live. */
  public Path dataDir() {
    return dataDir;
  }

  /** Alice and bob with this start's keys. */
  DemoSeed.People people() {
    return people;
  }

  /** The admin client's secret. */
  String adminSecret() {
    return adminSecret;
  }

  /** What {@code --env-file} writes: the contract's variables as {@code NAME=value} lines. */
  public String envFile() {
    return "GATEWAY_URL=" + DemoPorts.url(ports.gateway()) + "\n"
        + "AUTH_URL=" + DemoPorts.url(ports.auth()) + "\n"
        + "ADMIN_URL=" + DemoPorts.url(ports.admin()) + "\n"
        + "ADMIN_CLIENT_ID=admin\n"
        + "ADMIN_CLIENT_SECRET=" + adminSecret + "\n"
        + "ALICE_API_KEY=" + people.alice().key() + "\n"
        + "BOB_API_KEY=" + people.bob().key() + "\n"
        + "BOB_API_KEY_ID=" + people.bob().keyId() + "\n";
  }

  /** The banner printed once everything runs. */
  public String banner(long startMillis) {
    return DemoBanner.text(this, startMillis);
  }

  /** Stops the services, then drains Gatehouse. Idempotent. */
  @Override
  public synchronized void close() {
    for (AutoCloseable service : running.reversed()) {
      try {
        service.close();
      } catch (Exception e) {
        // Stopping: nothing left to tell the user that they could act on.
      }
    }
    running.clear();
    if (gatehouse != null) {
      gatehouse.close();
      gatehouse = null;
    }
  }
}
