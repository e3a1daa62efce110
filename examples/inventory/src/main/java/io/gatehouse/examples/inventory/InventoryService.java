package io.gatehouse.examples.inventory;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.sdk.TokenVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running inventory service: {@code InventoryService.start(settings)}, then {@link #port()},
 * and {@link #close()} to stop it and free the port. One virtual thread per request.
 */
public final class InventoryService implements AutoCloseable {
  private final InventorySettings settings;
  private final TokenVerifier verifier;
  private final ExecutorService executor;
  private final HttpServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private InventoryService(InventorySettings settings) {
    this.settings = settings;
    // Keys come from the issuer's JWKS (discovered, then cached): no call to the auth service per request.
    this.verifier = TokenVerifier.builder().issuer(settings.issuer()).audience(settings.audience())
        .clock(settings.clock()).build();
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
    } catch (IOException e) {
      verifier.close();
      executor.close();
      throw new UncheckedIOException("inventory cannot listen on " + settings.host() + ":" + settings.port(), e);
    }
    server.setExecutor(executor);
    server.createContext("/", new InventoryApi(new Stock(settings.items()), new BearerAuth(verifier, "inventory")));
    server.start();
  }

  /**
   * Starts the service.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound
   */
  public static InventoryService start(InventorySettings settings) {
    return new InventoryService(settings);
  }

  /** The port it listens on (the ephemeral one when the settings said 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Its base URL, e.g. {@code http://127.0.0.1:7002}. */
  public String baseUrl() {
    return settings.baseUrl(port());
  }

  /** Stops accepting, lets requests in flight finish (up to 1 s), frees the port and stops the JWKS refresh. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(1);
      executor.close();
      verifier.close();
    }
  }
}
