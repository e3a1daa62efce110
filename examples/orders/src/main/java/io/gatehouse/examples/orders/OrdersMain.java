package io.gatehouse.examples.orders;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs the orders service alone. Settings from arguments ({@code --host}, {@code --port},
 * {@code --issuer}, {@code --audience}, {@code --inventory-url}, {@code --client-id}) or
 * environment variables ({@code ORDERS_HOST}, {@code ORDERS_PORT}, {@code AUTH_URL},
 * {@code ORDERS_AUDIENCE}, {@code INVENTORY_URL}, {@code ORDERS_CLIENT_ID}); arguments win. The
 * client secret comes only from {@code ORDERS_CLIENT_SECRET}, so it never shows in a process list.
 */
public final class OrdersMain {
  private static final Map<String, String> ENV_NAMES = Map.of("--host", "ORDERS_HOST", "--port", "ORDERS_PORT",
      "--issuer", "AUTH_URL", "--audience", "ORDERS_AUDIENCE", "--inventory-url", "INVENTORY_URL",
      "--client-id", "ORDERS_CLIENT_ID");

  private OrdersMain() {}

  /** Starts the service and keeps it running until the JVM is stopped. Exit code 2 for bad settings. */
  public static void main(String[] args) throws InterruptedException {
    OrdersService service;
    try {
      service = OrdersService.start(settings(args, System.getenv()));
    } catch (IllegalArgumentException e) {
      System.err.println("orders: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "orders-shutdown"));
    System.out.println("orders: listening on " + service.baseUrl());
    Thread.currentThread().join();
  }

  /**
   * The settings from arguments and environment.
   *
   * @throws IllegalArgumentException for an unknown argument or an invalid value
   */
  static OrdersSettings settings(String[] args, Map<String, String> env) {
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
    OrdersSettings.Builder builder = OrdersSettings.builder()
        .issuer(values.getOrDefault("--issuer", "http://127.0.0.1:9000"))
        .clientSecret(env.get("ORDERS_CLIENT_SECRET"));
    if (values.containsKey("--host")) {
      builder.host(values.get("--host"));
    }
    if (values.containsKey("--port")) {
      builder.port(port(values.get("--port")));
    }
    if (values.containsKey("--audience")) {
      builder.audience(values.get("--audience"));
    }
    if (values.containsKey("--inventory-url")) {
      builder.inventoryUrl(values.get("--inventory-url"));
    }
    if (values.containsKey("--client-id")) {
      builder.clientId(values.get("--client-id"));
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
