package io.gatehouse.examples.orders;

import io.gatehouse.sdk.TokenVerifier;
import io.gatehouse.sdk.servlet.GatehouseAuthFilter;
import jakarta.servlet.DispatcherType;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The running orders service: {@code OrdersService.start(settings)}, then {@link #port()}, and
 * {@link #close()} to stop it and free the port. Jetty 12 (ee10) with the SDK's servlet filter in
 * front of every path; requests run on virtual threads.
 */
public final class OrdersService implements AutoCloseable {
  private final OrdersSettings settings;
  private final TokenVerifier verifier;
  private final HttpClient http;
  private final Server server;
  private final ServerConnector connector;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OrdersService(OrdersSettings settings) {
    this.settings = settings;
    // Keys come from the issuer's JWKS (discovered, then cached): no call to the auth service per request.
    this.verifier = TokenVerifier.builder().issuer(settings.issuer()).audience(settings.audience())
        .clock(settings.clock()).build();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ClientCredentialsTokens tokens = new ClientCredentialsTokens(http, URI.create(settings.issuer() + "/oauth2/token"),
        settings.clientId(), settings.clientSecret(), OrdersSettings.INVENTORY_AUDIENCE, settings.clock());
    OrdersServlet servlet = new OrdersServlet(new OrderBook(settings.clock()),
        new InventoryClient(http, settings.inventoryUrl(), tokens));

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addFilter(new FilterHolder(GatehouseAuthFilter.builder().verifier(verifier).realm("orders").build()),
        "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(servlet), "/*");

    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("orders");
    threads.setVirtualThreadsExecutor(VirtualThreads.getDefaultVirtualThreadsExecutor());
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    server.addConnector(connector);
    server.setHandler(context);
    // No graceful wait: Jetty's would hold close() about a second for idle keep-alive connections.
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new UncheckedIOException("orders cannot start on " + settings.host() + ":" + settings.port(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /**
   * Starts the service.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static OrdersService start(OrdersSettings settings) {
    return new OrdersService(settings);
  }

  /** The port it listens on (the ephemeral one when the settings said 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Its base URL, e.g. {@code http://127.0.0.1:7001}. */
  public String baseUrl() {
    return settings.baseUrl(port());
  }

  /** Stops Jetty at once (requests in flight are cut), frees the port and stops the JWKS refresh. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        server.stop();
      } catch (Exception e) {
        throw new IllegalStateException("orders did not stop cleanly", e);
      } finally {
        http.close();
        verifier.close();
      }
    }
  }
}
