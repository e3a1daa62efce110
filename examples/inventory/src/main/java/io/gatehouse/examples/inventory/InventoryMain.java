package io.gatehouse.examples.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs the inventory service alone. Settings from arguments ({@code --host}, {@code --port},
 * {@code --issuer}, {@code --audience}) or environment variables ({@code INVENTORY_HOST},
 * {@code INVENTORY_PORT}, {@code AUTH_URL}, {@code INVENTORY_AUDIENCE}); arguments win.
 */
public final class InventoryMain {
  private static final Map<String, String> ENV_NAMES = Map.of("--host", "INVENTORY_HOST",
      "--port", "INVENTORY_PORT", "--issuer", "AUTH_URL", "--audience", "INVENTORY_AUDIENCE");

  private InventoryMain() {}

  /** Starts the service and keeps it running until the JVM is stopped. Exit code 2 for bad settings. */
  public static void main(String[] args) throws InterruptedException {
    InventoryService service;
    try {
      service = InventoryService.start(settings(args, System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println("inventory: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "inventory-shutdown"));
    System.out.println("inventory: listening on " + service.baseUrl());
    Thread.currentThread().join();
  }

  /**
   * The settings from arguments and environment.
   *
   * @throws IllegalArgumentException for an unknown argument or an invalid value
   */
  static InventorySettings settings(String[] args, Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    ENV_NAMES.forEach((flag, name) -> {
      if (env.get(name) != null) {
        values.put(flag, env.get(name));
      }
    });
    for (int i = 0; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      if (!ENV_NAMES.containsKey(pair[0])) {
        throw new IllegalArgumentException("unknown argument " + args[i] + "; known: " + ENV_NAMES.keySet());
      }
      if (pair.length == 2) {
        values.put(pair[0], pair[1]);
      } else if (i + 1 < args.length) {
        values.put(pair[0], args[++i]);
      } else {
        throw new IllegalArgumentException(pair[0] + " needs a value");
      }
    }
    InventorySettings.Builder builder = InventorySettings.builder()
        .issuer(values.getOrDefault("--issuer", "http://127.0.0.1:9000"));
    if (values.containsKey("--host")) {
      builder.host(values.get("--host"));
    }
    if (values.containsKey("--port")) {
      builder.port(port(values.get("--port")));
    }
    if (values.containsKey("--audience")) {
      builder.audience(values.get("--audience"));
    }
    return builder.build();
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port must be a number, was: " + value);
    }
  }
}
