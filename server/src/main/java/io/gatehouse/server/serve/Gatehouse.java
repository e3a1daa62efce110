package io.gatehouse.server.serve;

import io.gatehouse.auth.AuthService;
import io.gatehouse.auth.AuthSettings;
import io.gatehouse.auth.oauth.GrantTypes;
import io.gatehouse.auth.secrets.Secret;
import io.gatehouse.gateway.GatewaySettings;
import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.gatehouse.gateway.proxy.ProxyHandler;
import io.gatehouse.gateway.security.GatewaySecurity;
import io.gatehouse.gateway.security.SecuritySettings;
import io.gatehouse.http.management.ManagementRoutes;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.gatehouse.http.server.ServerLimits;
import io.gatehouse.server.config.GatehouseConfig;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Gatehouse process: event loops, metrics, readiness and its listeners. */
public final class Gatehouse implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gatehouse.class);

  private final EventLoops loops;
  private final Readiness readiness = new Readiness();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<HttpServer> listeners = new ArrayList<>();
  private boolean stopped;
  private final RevocationBridge revocations = new RevocationBridge();
  private AuthService auth;
  private String authIssuer;
  private GatewaySecurity security;
  private ProxyHandler proxy;

  private Gatehouse(GatehouseConfig config) {
    this.loops = EventLoops.create(config.eventLoops());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /**
   * Starts what the configuration enables; on any failure stops what already started.
   *
   * @throws io.gatehouse.http.server.ListenerException when a port cannot be bound
   */
  public static Gatehouse start(GatehouseConfig config) {
    return start(config, true);
  }

  /**
   * Starts what the configuration enables; {@code announceAdminSecret} prints a newly created
   * admin secret (the demo shows it in its own banner instead).
   */
  public static Gatehouse start(GatehouseConfig config, boolean announceAdminSecret) {
    Gatehouse gatehouse = new Gatehouse(config);
    try {
      config.auth().ifPresent(settings -> gatehouse.startAuth(settings, announceAdminSecret));
      config.gateway().ifPresent(gatehouse::startGateway);
      if (config.management().enabled()) {
        gatehouse.listeners.add(HttpServer.builder().name("management").host(config.management().host())
            .port(config.management().port()).eventLoops(gatehouse.loops).meterRegistry(gatehouse.registry)
            .router(ManagementRoutes.router(gatehouse.readiness, gatehouse.registry)).build().start());
      }
      return gatehouse;
    } catch (RuntimeException e) {
      gatehouse.close();
      throw e;
    }
  }

  private void startGateway(GatewaySettings settings) {
    List<GatewayFilter> filters = List.of();
    if (!GatewaySecurity.audiences(settings.routes()).isEmpty()) {
      security = GatewaySecurity.create(localAuth(settings), settings.routes(), Clock.systemUTC(), registry);
      revocations.connect(security.events());
      filters = security.filters();
    }
    proxy = ProxyHandler.builder().routes(settings.routes())
        .hygiene(new HeaderHygiene(settings.identityHeaderPrefixes())).securityFilters(filters)
        .trustedProxies(settings.trustedProxies()).meterRegistry(registry).healthCheckLoops(loops.group()).build();
    proxy.registerReadiness(readiness);
    listeners.add(HttpServer.builder().name("gateway").host(settings.host()).port(settings.port()).eventLoops(loops)
        .meterRegistry(registry).limits(ServerLimits.defaults()).streaming(proxy).build().start());
  }

  /**
   * The gateway's security settings, completed from the auth service of this process when one
   * runs: its issuer, and a client of its own with a fresh secret allowed every route audience.
   */
  private SecuritySettings localAuth(GatewaySettings settings) {
    SecuritySettings security = settings.security();
    if (auth == null) {
      return security;
    }
    if (security.issuer().isEmpty()) {
      security = security.withIssuer(URI.create(authIssuer));
    }
    if (security.clientSecret().isEmpty()) {
      Secret secret = auth.ensureLocalClient(security.clientId(), "Gatehouse gateway (in-process)",
          Set.of(GrantTypes.TOKEN_EXCHANGE), Set.of(), GatewaySecurity.audiences(settings.routes()));
      security = security.withClient(security.clientId(), secret.reveal());
    }
    return security;
  }

  private void startAuth(AuthSettings settings, boolean announceAdminSecret) {
    authIssuer = settings.tokens().issuer();
    auth = AuthService.start(settings, loops, registry, readiness, revocations, System.getenv(), Clock.systemUTC());
    auth.bootstrapAdminSecret().filter(secret -> announceAdminSecret).ifPresent(secret -> System.out.println(
        "gatehouse: created admin client 'admin' with secret " + secret.reveal() + "\n"
            + "gatehouse: (shown once; also written to " + settings.dataDir().resolve("admin-credentials") + ", mode 0600)"));
  }

  /** The auth service, when the auth role runs. */
  public Optional<AuthService> auth() {
    return Optional.ofNullable(auth);
  }

  /** A listener by name ({@code management}, {@code auth}, {@code admin}). */
  public Optional<HttpServer> listener(String name) {
    List<HttpServer> all = new ArrayList<>(listeners);
    if (auth != null) {
      all.add(auth.authListener());
      all.add(auth.adminListener());
    }
    return all.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** The process readiness that components register with. */
  public Readiness readiness() {
    return readiness;
  }

  /** Graceful stop: not ready, drain every listener, stop the event loops. Idempotent. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    readiness.startDraining();
    int count = listeners.size() + (auth == null ? 0 : 2);
    LOG.info("draining {} listener(s)", count);
    // The auth service drains its own listeners; management goes last so /readyz keeps saying
    // "draining" while the others finish.
    if (auth != null) {
      auth.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    listeners.forEach(HttpServer::drain);
    if (security != null) {
      security.close();
    }
    loops.shutdown(Duration.ofSeconds(5));
    LOG.info("stopped");
  }
}
