package io.gatehouse.gateway.security;

import io.gatehouse.auth.AuthService;
import io.gatehouse.auth.AuthSettings;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.keys.KeySettings;
import io.gatehouse.auth.oauth.GrantTypes;
import io.gatehouse.auth.oauth.TokenSettings;
import io.gatehouse.auth.store.User;
import io.gatehouse.examples.testauth.MutableClock;
import io.gatehouse.gateway.phantom.CredentialEvents;
import io.gatehouse.gateway.phantom.PhantomCacheSettings;
import io.gatehouse.gateway.phantom.TokenExchanger;
import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.gatehouse.gateway.proxy.ProxyHandler;
import io.gatehouse.gateway.route.RateLimit;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The whole system in one test process: a real auth service (H2), an echoing upstream and the
 * gateway with its security filters, all on ephemeral ports and one shared {@link MutableClock}.
 * Users: alice (orders:read, orders:write), bob (orders:read), each with one API key.
 */
final class SecureGateway implements AutoCloseable {
  static final String ADMIN_SECRET = "admin-secret-of-the-gateway-tests-0123456789";

  final MutableClock clock = new MutableClock(java.time.Instant.now());
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final EventLoops loops = EventLoops.create(1);
  final ConcurrentLinkedQueue<Request> upstreamSaw = new ConcurrentLinkedQueue<>();
  final AtomicInteger exchanges = new AtomicInteger();
  final AtomicReference<CredentialEvents> events = new AtomicReference<>();
  final AuthService auth;
  final HttpServer upstream;
  final HttpServer gateway;
  final GatewaySecurity security;
  final User alice;
  final User bob;
  final String aliceKey;
  final String bobKey;
  final String aliceKeyId;

  /**
   * Starts everything.
   *
   * @param dataDir the auth service's data directory
   * @param bridgeEvents whether revocations reach the gateway at once (same process) or not (as across processes)
   * @param routes the gateway's routes, given the upstream's base URL
   * @param exchanger wraps the real exchanger (to count, delay or break it)
   * @param perApiKey the per-key rate limit
   * @param perClient the per-OAuth-client rate limit
   */
  SecureGateway(Path dataDir, boolean bridgeEvents, Function<String, List<RouteSpec>> routes,
      Function<TokenExchanger, TokenExchanger> exchanger, Optional<RateLimit> perApiKey, Optional<RateLimit> perClient) {
    int authPort = freePort();
    String issuer = "http://127.0.0.1:" + authPort;
    TokenSettings tokens = new TokenSettings(issuer, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofDays(30),
        Map.of("legacy", TokenType.JWT), Duration.ofSeconds(30));
    KeySettings keys = new KeySettings(SigningAlgorithm.ES256, Duration.ofDays(30), Duration.ofMinutes(5),
        Duration.ofMinutes(15).plusSeconds(30), Duration.ofMinutes(1));
    AuthChanges changes = new AuthChanges() {
      @Override
      public void apiKeyRevoked(String keyId) {
        if (bridgeEvents && events.get() != null) {
          events.get().apiKeyRevoked(keyId);
        }
      }

      @Override
      public void userChanged(String userId) {
        if (bridgeEvents && events.get() != null) {
          events.get().userChanged(userId);
        }
      }

      @Override
      public void roleChanged(String role) {
        if (bridgeEvents && events.get() != null) {
          events.get().roleChanged(role);
        }
      }
    };
    auth = AuthService.start(new AuthSettings(dataDir, Optional.empty(), new AuthSettings.Listener("127.0.0.1", authPort),
        new AuthSettings.Listener("127.0.0.1", 0), keys, tokens, Optional.of(ADMIN_SECRET)), loops, registry,
        new Readiness(), changes, Map.of(), clock);
    auth.store().inTransaction(tx -> {
      tx.putRole("customer", List.of("orders:read", "orders:write"));
      tx.putRole("viewer", List.of("orders:read"));
      return null;
    });
    alice = auth.store().inTransaction(tx -> tx.createUser("alice", "x", List.of("customer")));
    bob = auth.store().inTransaction(tx -> tx.createUser("bob", "x", List.of("viewer")));
    var aliceCreated = auth.apiKeys().create("test", alice.id(), "alice", List.of("orders:read", "orders:write"), Optional.empty());
    aliceKey = aliceCreated.key().reveal();
    aliceKeyId = aliceCreated.record().id();
    bobKey = auth.apiKeys().create("test", bob.id(), "bob", List.of("orders:read"), Optional.empty()).key().reveal();

    upstream = HttpServer.builder().name("upstream").eventLoops(loops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/{path}").handler(this::echo).build())
        .route(Route.builder("POST", "/{path}").handler(this::echo).build())
        .route(Route.builder("GET", "/orders/{path}").handler(this::echo).build())
        .route(Route.builder("POST", "/orders/{path}").handler(this::echo).build())
        .route(Route.builder("GET", "/public/{path}").handler(this::echo).build())
        .route(Route.builder("GET", "/limited/{path}").handler(this::echo).build())
        .build()).build().start();
    RouteTable table = RouteTable.of(routes.apply("http://127.0.0.1:" + upstream.port()));
    String secret = auth.ensureLocalClient("gateway", "Gatehouse gateway", Set.of(GrantTypes.TOKEN_EXCHANGE), Set.of(),
        GatewaySecurity.audiences(table)).reveal();
    SecuritySettings settings = new SecuritySettings(Optional.of(URI.create(issuer)), "gateway", Optional.of(secret),
        PhantomCacheSettings.DEFAULTS, Duration.ofSeconds(2), perApiKey, perClient,
        Optional.of(RateLimit.of(5, Duration.ofMinutes(1))));
    TokenExchanger real = new io.gatehouse.gateway.phantom.AuthServiceExchanger(settings.tokenEndpoint(), "gateway",
        secret, Duration.ofSeconds(2), Duration.ofSeconds(2), 1024);
    TokenExchanger counted = (key, audience) -> {
      exchanges.incrementAndGet();
      return real.exchange(key, audience);
    };
    security = GatewaySecurity.create(settings, exchanger.apply(counted), table, clock, registry);
    events.set(security.events());
    gateway = HttpServer.builder().name("gateway").eventLoops(loops).port(0)
        .streaming(ProxyHandler.builder().routes(table).hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES))
            .securityFilters(security.filters()).build())
        .build().start();
  }

  /** Echoes the path and every request header back, in the body and as response headers: the worst upstream. */
  private Response echo(Request request) {
    upstreamSaw.add(request);
    StringBuilder body = new StringBuilder(request.path()).append('\n');
    Response response = Response.text(200, "");
    request.headers().forEach(h -> body.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
    String authorization = request.headers().get("Authorization", "");
    response = Response.text(200, body.toString());
    if (!authorization.isEmpty()) {
      response.header("X-Echo-Authorization", authorization);
    }
    return response;
  }

  /** The last request the upstream saw. */
  Request lastUpstreamRequest() {
    List<Request> all = new ArrayList<>(upstreamSaw);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    gateway.drain();
    security.close();
    upstream.drain();
    auth.close();
    loops.close();
  }
}
