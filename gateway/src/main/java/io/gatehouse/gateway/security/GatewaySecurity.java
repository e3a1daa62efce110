package io.gatehouse.gateway.security;

import io.gatehouse.gateway.authn.AuthOutcomes;
import io.gatehouse.gateway.authn.AuthenticationFilter;
import io.gatehouse.gateway.authn.JwtAuthenticator;
import io.gatehouse.gateway.authz.PermissionFilter;
import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.phantom.AuthServiceExchanger;
import io.gatehouse.gateway.phantom.CredentialEvents;
import io.gatehouse.gateway.phantom.PhantomTokenCache;
import io.gatehouse.gateway.phantom.TokenExchanger;
import io.gatehouse.gateway.ratelimit.FailedAuthGuard;
import io.gatehouse.gateway.ratelimit.RateLimitFilter;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.sdk.TokenVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's security filters, in their order — authenticate, authorize, rate limit — with the
 * phantom-token cache (which also hears revocation events) and the JWT verifier they share.
 */
public final class GatewaySecurity implements AutoCloseable {
  private final PhantomTokenCache phantomTokens;
  private final Optional<JwtAuthenticator> jwts;
  private final List<GatewayFilter> filters;

  private GatewaySecurity(PhantomTokenCache phantomTokens, Optional<JwtAuthenticator> jwts, List<GatewayFilter> filters) {
    this.phantomTokens = phantomTokens;
    this.jwts = jwts;
    this.filters = filters;
  }

  /** Security for these routes, exchanging API keys at the auth service over HTTP. */
  public static GatewaySecurity create(SecuritySettings settings, RouteTable routes, Clock clock, MeterRegistry registry) {
    String secret = settings.clientSecret().orElseThrow(() -> new IllegalStateException(
        "gateway.auth.client-secret is not set and no auth service runs in this process"));
    TokenExchanger exchanger = new AuthServiceExchanger(settings.tokenEndpoint(), settings.clientId(), secret,
        settings.exchangeTimeout(), settings.exchangeTimeout(), 1024);
    return create(settings, exchanger, routes, clock, registry);
  }

  /** With a given exchanger (tests wrap the real one to count exchanges). */
  public static GatewaySecurity create(SecuritySettings settings, TokenExchanger exchanger, RouteTable routes,
      Clock clock, MeterRegistry registry) {
    PhantomTokenCache phantomTokens = new PhantomTokenCache(exchanger, settings.phantomCache(), clock, registry);
    Set<String> jwtAudiences = jwtAudiences(routes);
    Optional<JwtAuthenticator> jwts = jwtAudiences.isEmpty() ? Optional.empty() : Optional.of(new JwtAuthenticator(
        TokenVerifier.builder().issuer(settings.requiredIssuer().toString()).audiences(jwtAudiences).clock(clock).build()));
    AuthOutcomes outcomes = new AuthOutcomes(registry);
    List<GatewayFilter> filters = List.of(
        new AuthenticationFilter(phantomTokens, jwts, new FailedAuthGuard(settings.failedAuthPerAddress(), clock), outcomes),
        new PermissionFilter(outcomes),
        new RateLimitFilter(routes, settings.perApiKey(), settings.perClient(), clock, registry));
    return new GatewaySecurity(phantomTokens, jwts, filters);
  }

  /** Audiences of the routes that accept a JWT. */
  public static Set<String> jwtAudiences(RouteTable routes) {
    return audiences(routes, Set.of(AuthMode.JWT, AuthMode.ANY));
  }

  /** Audiences of every route that needs a credential: what the gateway's client must be allowed. */
  public static Set<String> audiences(RouteTable routes) {
    return audiences(routes, Set.of(AuthMode.API_KEY, AuthMode.JWT, AuthMode.ANY));
  }

  private static Set<String> audiences(RouteTable routes, Set<AuthMode> modes) {
    Set<String> audiences = new TreeSet<>();
    for (RouteSpec route : routes.routes()) {
      if (modes.contains(route.auth())) {
        audiences.add(route.audience());
      }
    }
    return audiences;
  }

  /** The filters for {@code ProxyHandler.Builder.securityFilters}. */
  public List<GatewayFilter> filters() {
    return filters;
  }

  /** Where revocation events go. */
  public CredentialEvents events() {
    return phantomTokens;
  }

  /** The phantom-token cache (for tests and metrics). */
  public PhantomTokenCache phantomTokens() {
    return phantomTokens;
  }

  @Override
  public void close() {
    jwts.ifPresent(JwtAuthenticator::close);
  }
}
