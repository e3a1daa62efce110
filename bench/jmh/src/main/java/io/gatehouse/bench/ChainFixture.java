package io.gatehouse.bench;

import io.gatehouse.gateway.credential.Credential;
import io.gatehouse.gateway.credential.ForwardedToken;
import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.phantom.ExchangeOutcome;
import io.gatehouse.gateway.phantom.PhantomCacheSettings;
import io.gatehouse.gateway.phantom.PhantomToken;
import io.gatehouse.gateway.phantom.TokenExchanger;
import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.gatehouse.gateway.proxy.ProxyHandler;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.security.GatewaySecurity;
import io.gatehouse.gateway.security.SecuritySettings;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Router;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import io.gatehouse.token.apikey.ApiKeyFormat;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.mint.AccessTokenIssuer;
import io.gatehouse.token.mint.MintedToken;
import io.gatehouse.token.mint.TokenRequest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoop;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway as {@code serve} assembles it, minus the sockets: ten routes, the security filters
 * of {@link GatewaySecurity}, the Prometheus registry, one API key and one client JWT. The API key
 * is exchanged by a stub that hands out a real signed internal token (and counts the exchanges);
 * the JWT verifier finds its key the production way, by discovery and JWKS from the issuer, which
 * a small HTTP server here plays — it is used only to warm the verifier up, never per request.
 */
final class ChainFixture implements AutoCloseable {
  /** The route each scenario's request goes to, and its path. */
  static final Map<String, String> PATHS = Map.of(
      "none", "/catalog/v2/items/48213",
      "api_key", "/orders/v2/items/48213",
      "jwt", "/inventory/v2/items/48213");

  static final String API_KEY = ApiKeyFormat.compose("Qm7Tz2Lp9Xa4", "hV3kR8nW2qZ6tY1uB5cF0dJ7sM4p");

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final RouteTable routes = routeTable();
  final AtomicInteger exchanges = new AtomicInteger();
  private final EventLoops loops = EventLoops.create(1);
  private final HttpServer issuerServer;
  final String issuer;
  final String phantomToken;
  final String clientJwt;
  final GatewaySecurity security;
  final ProxyHandler proxy;

  ChainFixture() {
    SigningKey key = SigningKey.generate(SigningAlgorithm.ES256);
    AtomicReference<String> issuerUrl = new AtomicReference<>();
    issuerServer = HttpServer.builder().name("issuer").host("127.0.0.1").port(0).eventLoops(loops).router(Router.builder()
        .get("/.well-known/openid-configuration", request -> Response.json(Map.of(
            "issuer", issuerUrl.get(), "jwks_uri", issuerUrl.get() + "/jwks")))
        .get("/jwks", request -> Response.of(200, PublicJwks.MEDIA_TYPE,
            PublicJwks.of(List.of(key.verificationKey())).toJson().getBytes(StandardCharsets.UTF_8)))
        .build()).build().start();
    issuer = "http://127.0.0.1:" + issuerServer.port();
    issuerUrl.set(issuer);
    AccessTokenIssuer tokens = AccessTokenIssuer.builder().issuer(issuer).signingKey(key).build();

    // What the auth service mints for the gateway in a token exchange for the API key.
    MintedToken phantom = tokens.mint(TokenRequest.builder().subject("usr_5c1d9e7a").audience("orders")
        .clientId("gateway").apiKeyId(ApiKeyFormat.idOf(API_KEY)).scopes(List.of("orders:read", "orders:write"))
        .lifetime(Duration.ofHours(2)).build());
    phantomToken = phantom.value();
    PhantomToken issued = new PhantomToken(ForwardedToken.of(phantom.value()), "usr_5c1d9e7a", ApiKeyFormat.idOf(API_KEY),
        Set.of("orders:read", "orders:write"), phantom.expiresAt());
    TokenExchanger exchanger = (Credential.ApiKey presented, String audience) -> {
      exchanges.incrementAndGet();
      return CompletableFuture.completedFuture(new ExchangeOutcome.Issued(issued));
    };
    // A client's own access token (client_credentials) for the JWT route.
    clientJwt = tokens.mint(TokenRequest.builder().subject("svc-reporting").audience("inventory")
        .clientId("svc-reporting").scopes(List.of("inventory:read")).lifetime(Duration.ofHours(2)).build()).value();

    // Production settings but for the phantom cache's TTL: 60 s would make a long run re-exchange.
    PhantomCacheSettings cache = new PhantomCacheSettings(PhantomCacheSettings.DEFAULTS.maxEntries(),
        Duration.ofHours(1), PhantomCacheSettings.DEFAULTS.negativeTtl(), PhantomCacheSettings.DEFAULTS.expiryMargin());
    SecuritySettings defaults = SecuritySettings.defaults().withIssuer(URI.create(issuer));
    SecuritySettings settings = new SecuritySettings(defaults.issuer(), defaults.clientId(), defaults.clientSecret(),
        cache, defaults.exchangeTimeout(), defaults.perApiKey(), defaults.perClient(), defaults.failedAuthPerAddress());
    security = GatewaySecurity.create(settings, exchanger, routes, Clock.systemUTC(), registry);
    proxy = ProxyHandler.builder().routes(routes)
        .hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES))
        .securityFilters(security.filters()).meterRegistry(registry).build();
  }

  /** The production filters in their order, with {@code terminal} in place of the forwarding one. */
  List<GatewayFilter> filtersEndingIn(GatewayFilter terminal) {
    List<GatewayFilter> filters = new ArrayList<>(proxy.filters());
    String last = filters.getLast().getClass().getSimpleName();
    if (!last.equals("ForwardFilter")) {
      throw new IllegalStateException("the proxy's last filter is " + last + ", not ForwardFilter");
    }
    filters.set(filters.size() - 1, terminal);
    return filters;
  }

  /** Another event loop than the benchmark thread, for requests that continue asynchronously. */
  EventLoop loop() {
    return loops.group().next();
  }

  /** Ten routes like a small deployment's: service prefixes, templates, a catch-all, a host of its own. */
  static RouteTable routeTable() {
    String upstream = "http://10.0.0.21:8080";
    return RouteTable.of(List.of(
        RouteSpec.builder().id("orders").pathPrefix("/orders").upstream(upstream).auth(AuthMode.API_KEY)
            .permissions(List.of("orders:read")).build(),
        RouteSpec.builder().id("inventory").pathPrefix("/inventory").upstream(upstream).auth(AuthMode.JWT)
            .permissions(List.of("inventory:read")).build(),
        RouteSpec.builder().id("catalog").pathPrefix("/catalog").upstream(upstream).auth(AuthMode.NONE).build(),
        RouteSpec.builder().id("users").pathTemplate("/users/{id}").upstream(upstream).build(),
        RouteSpec.builder().id("user-orders").pathTemplate("/users/{id}/orders/{order}").upstream(upstream)
            .methods(List.of("GET")).build(),
        RouteSpec.builder().id("payments").pathPrefix("/payments").upstream(upstream).auth(AuthMode.API_KEY)
            .methods(List.of("POST")).permissions(List.of("payments:write")).build(),
        RouteSpec.builder().id("static").pathTemplate("/static/{path*}").upstream(upstream).auth(AuthMode.NONE)
            .build(),
        RouteSpec.builder().id("admin").host("admin.example.com").pathPrefix("/").upstream(upstream)
            .auth(AuthMode.JWT).permissions(List.of("admin")).build(),
        RouteSpec.builder().id("search").pathPrefix("/search").upstream(upstream).stripPrefix(true).build(),
        RouteSpec.builder().id("status").pathTemplate("/status").upstream(upstream).auth(AuthMode.NONE)
            .methods(List.of("GET")).build()));
  }

  @Override
  public void close() {
    proxy.close();
    security.close();
    issuerServer.close();
    loops.close();
  }
}
