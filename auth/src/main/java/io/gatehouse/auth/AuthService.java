package io.gatehouse.auth;

import io.gatehouse.auth.admin.AdminApi;
import io.gatehouse.auth.apikeys.ApiKeyAdmin;
import io.gatehouse.auth.apikeys.ApiKeyResolver;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.apikeys.LastUsedRecorder;
import io.gatehouse.auth.keys.SigningKeyService;
import io.gatehouse.auth.oauth.ClientDirectory;
import io.gatehouse.auth.oauth.OAuthApi;
import io.gatehouse.auth.secrets.ClientSecrets;
import io.gatehouse.auth.secrets.MasterKey;
import io.gatehouse.auth.secrets.Secret;
import io.gatehouse.auth.secrets.SigningKeyVault;
import io.gatehouse.auth.store.AuthStore;
import io.gatehouse.auth.store.Client;
import io.gatehouse.auth.store.JdbcAuthStore;
import io.gatehouse.auth.store.StoreSettings;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running auth service: store, keys, caches, the auth and admin listeners and their schedules. */
public final class AuthService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

  private final AuthStore store;
  private final LastUsedRecorder lastUsed;
  private final SigningKeyService keys;
  private final ApiKeyAdmin apiKeyAdmin;
  private final ClientDirectory clients;
  private final Clock clock;
  private final List<HttpServer> listeners = new ArrayList<>();
  private final ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("gatehouse-auth-maintenance").factory());
  private final Optional<Secret> bootstrapSecret;

  private AuthService(AuthSettings settings, EventLoops loops, MeterRegistry registry, Readiness readiness,
      AuthChanges changes, Map<String, String> env, Clock clock) {
    this.clock = clock;
    this.store = JdbcAuthStore.open(settings.database()
        .map(db -> StoreSettings.builder().url(db.url()).user(db.username()).password(db.password())
            .poolSize(db.poolSize()).clock(clock).build())
        .orElseGet(() -> StoreSettings.builder().h2(settings.dataDir()).clock(clock).build()));
    try {
      MasterKey masterKey = MasterKey.load(env, settings.dataDir());
      this.keys = new SigningKeyService(store, new SigningKeyVault(masterKey), settings.keys(), clock);
      this.bootstrapSecret = AdminBootstrap.ensureAdmin(store, settings.dataDir(), settings.adminSecret(), clock);
      this.lastUsed = new LastUsedRecorder(store);
      Duration ttl = settings.tokens().cacheTtl();
      ApiKeyResolver resolver = new ApiKeyResolver(store, clock, ttl, lastUsed);
      this.clients = new ClientDirectory(store, ttl);
      this.apiKeyAdmin = new ApiKeyAdmin(store, clock, resolver, changes);
      readiness.register("auth-store", store::healthy);
      listeners.add(HttpServer.builder().name("auth").host(settings.authListener().host())
          .port(settings.authListener().port()).eventLoops(loops).meterRegistry(registry)
          .router(OAuthApi.router(settings.tokens(), settings.keys().jwksMaxAge(), store, keys, clients, resolver,
              apiKeyAdmin, registry, clock))
          .build().start());
      listeners.add(HttpServer.builder().name("admin").host(settings.adminListener().host())
          .port(settings.adminListener().port()).eventLoops(loops).meterRegistry(registry)
          .router(AdminApi.router(settings.tokens().issuer(), store, keys, resolver, apiKeyAdmin, clients,
              changes, clock))
          .build().start());
      long reload = settings.keys().reloadInterval().toMillis();
      schedule.scheduleWithFixedDelay(this::maintain, reload, reload, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the service.
   *
   * @param changes who hears about revocations (an in-process gateway), or {@link AuthChanges#NONE}
   */
  public static AuthService start(AuthSettings settings, EventLoops loops, MeterRegistry registry, Readiness readiness,
      AuthChanges changes, Map<String, String> env, Clock clock) {
    return new AuthService(settings, loops, registry, readiness, changes, env, clock);
  }

  /** The bootstrap admin secret, present only on the start that created the admin client. */
  public Optional<Secret> bootstrapAdminSecret() {
    return bootstrapSecret;
  }

  /** The auth listener (OAuth endpoints). */
  public HttpServer authListener() {
    return listeners.get(0);
  }

  /** The admin listener. */
  public HttpServer adminListener() {
    return listeners.get(1);
  }

  /** API key administration (used by the demo to seed keys). */
  public ApiKeyAdmin apiKeys() {
    return apiKeyAdmin;
  }

  /** The store. */
  public AuthStore store() {
    return store;
  }

  /**
   * Creates or replaces a client with a fresh random secret, for a component of this process
   * (the in-process gateway, the demo's services) that needs credentials nobody else holds.
   * Replacing drops the client's refresh tokens; the old secret stops working at once.
   *
   * @return the new secret, to hand to the component only
   */
  public Secret ensureLocalClient(String clientId, String name, Set<String> grants, Set<String> permissions,
      Set<String> audiences) {
    Secret secret = ClientSecrets.generate();
    Client client = new Client(clientId, name, new TreeSet<>(grants), new TreeSet<>(permissions),
        new TreeSet<>(audiences), false, clock.instant());
    store.inTransaction(tx -> {
      boolean existed = tx.client(clientId).isPresent();
      if (existed) {
        tx.deleteClient(clientId);
      }
      tx.createClient(client, ClientSecrets.hash(secret));
      tx.audit(clock.instant(), "system", existed ? "client.replace" : "client.create", clientId, "success",
          "local client of this process");
      return null;
    });
    clients.invalidate(clientId);
    return secret;
  }

  private void maintain() {
    try {
      keys.maintain();
      lastUsed.flush();
    } catch (RuntimeException e) {
      LOG.warn("auth maintenance failed: {}", e.getMessage());
    }
  }

  /** Drains the listeners, writes pending last-use times and closes the store. */
  @Override
  public void close() {
    listeners.forEach(HttpServer::drain);
    schedule.shutdownNow();
    if (lastUsed != null) {
      lastUsed.flush();
    }
    store.close();
  }
}
