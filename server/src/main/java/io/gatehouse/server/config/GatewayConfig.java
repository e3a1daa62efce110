package io.gatehouse.server.config;

import io.gatehouse.gateway.GatewaySettings;
import io.gatehouse.gateway.filter.TrustedProxies;
import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.CorsPolicy;
import io.gatehouse.gateway.route.HeaderRules;
import io.gatehouse.gateway.route.HealthCheck;
import io.gatehouse.gateway.route.LoadBalancing;
import io.gatehouse.gateway.route.RateLimit;
import io.gatehouse.gateway.route.RetryBudget;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.route.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code gateway} section: the public listener, identity headers, trusted proxies and {@code routes}. */
final class GatewayConfig {
  private static final Set<String> ROUTE_KEYS = Set.of("id", "match", "upstreams", "strip-prefix", "timeouts",
      "max-body-bytes", "load-balancing", "retries", "cors", "request-headers", "response-headers", "auth",
      "audience", "permissions", "rate-limit", "retry-budget", "health-check");

  private GatewayConfig() {}

  static Optional<GatewaySettings> bind(ConfigReader gateway) {
    gateway.allowOnly(Set.of("enabled", "listener", "identity-headers", "trusted-proxies", "routes", "auth",
        "rate-limits"));
    ConfigReader listener = gateway.section("listener");
    listener.allowOnly(Set.of("host", "port"));
    String host = listener.string("host", "0.0.0.0");
    int port = listener.integer("port", 8080, 0, 65535);
    List<String> prefixes = new ArrayList<>();
    for (String pattern : gateway.strings("identity-headers", List.of("X-User-*", "X-Gatehouse-*", "X-Api-Key-*"))) {
      if (!pattern.endsWith("*") || pattern.replace("*", "").isEmpty()) {
        gateway.invalid("identity-headers", "entries are header-name prefixes ending in *, e.g. X-User-*; was: " + pattern);
      }
      prefixes.add(pattern.replace("*", "").toLowerCase(Locale.ROOT));
    }
    List<String> proxies = gateway.strings("trusted-proxies", List.of());
    for (String proxy : proxies) {
      apply(gateway, "trusted-proxies", () -> TrustedProxies.of(List.of(proxy)));
    }
    TrustedProxies trusted = TrustedProxies.none();
    try {
      trusted = TrustedProxies.of(proxies);
    } catch (IllegalArgumentException e) {
      // each bad entry was reported above
    }
    List<RouteSpec> routes = new ArrayList<>();
    for (ConfigReader item : gateway.items("routes")) {
      route(item).ifPresent(routes::add);
    }
    try {
      RouteTable table = RouteTable.of(routes);
      return Optional.of(new GatewaySettings(host, port, table, prefixes.isEmpty()
          ? HeaderHygiene.DEFAULT_IDENTITY_PREFIXES : prefixes, trusted, GatewaySecurityConfig.bind(gateway)));
    } catch (IllegalArgumentException e) {
      gateway.invalid("routes", e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<RouteSpec> route(ConfigReader item) {
    item.allowOnly(ROUTE_KEYS);
    RouteSpec.Builder route = RouteSpec.builder();
    int before = errorsBefore(item);
    apply(item, "id", () -> route.id(item.string("id", null)));
    ConfigReader match = item.section("match");
    match.allowOnly(Set.of("path-prefix", "path-template", "methods", "host"));
    if (match.has("path-prefix")) {
      apply(match, "path-prefix", () -> route.pathPrefix(match.string("path-prefix", "/")));
    }
    if (match.has("path-template")) {
      apply(match, "path-template", () -> route.pathTemplate(match.string("path-template", "/")));
    }
    apply(match, "methods", () -> route.methods(match.strings("methods", List.of())));
    if (match.has("host")) {
      apply(match, "host", () -> route.host(match.string("host", "")));
    }
    for (String upstream : item.strings("upstreams", List.of())) {
      apply(item, "upstreams", () -> route.upstream(upstream));
    }
    apply(item, "strip-prefix", () -> route.stripPrefix(item.bool("strip-prefix", false)));
    ConfigReader timeouts = item.section("timeouts");
    timeouts.allowOnly(Set.of("connect", "response-header", "idle"));
    Timeouts defaults = Timeouts.defaults();
    apply(item, "timeouts", () -> route.timeouts(new Timeouts(timeouts.duration("connect", defaults.connect()),
        timeouts.duration("response-header", defaults.responseHeader()), timeouts.duration("idle", defaults.idle()))));
    if (item.has("max-body-bytes")) {
      apply(item, "max-body-bytes", () -> route.maxBodyBytes(item.integer("max-body-bytes", 0, 0, Integer.MAX_VALUE)));
    }
    apply(item, "load-balancing", () -> route.loadBalancing(LoadBalancing.valueOf(
        item.oneOf("load-balancing", "round-robin", List.of("round-robin", "least-in-flight"))
            .toUpperCase(Locale.ROOT).replace('-', '_'))));
    apply(item, "retries", () -> route.retries(item.integer("retries", 1, 0, 10)));
    permissions(item, route);
    apply(item, "auth", () -> route.auth(AuthMode.valueOf(item.oneOf("auth", "any", List.of("none", "api-key", "jwt", "any"))
        .toUpperCase(Locale.ROOT).replace('-', '_'))));
    if (item.has("audience")) {
      apply(item, "audience", () -> route.audience(item.string("audience", "")));
    }
    headerRules(item, "request-headers").ifPresent(rules -> apply(item, "request-headers", () -> route.requestHeaders(rules)));
    headerRules(item, "response-headers").ifPresent(rules -> apply(item, "response-headers", () -> route.responseHeaders(rules)));
    cors(item).ifPresent(policy -> apply(item, "cors", () -> route.cors(policy)));
    rateLimit(item).ifPresent(limit -> apply(item, "rate-limit", () -> route.rateLimit(limit)));
    retryBudget(item).ifPresent(budget -> route.retryBudget(budget));
    healthCheck(item).ifPresent(check -> route.healthCheck(check));
    if (errorsBefore(item) != before) {
      return Optional.empty();
    }
    try {
      RouteSpec spec = route.build();
      return Optional.of(spec);
    } catch (IllegalArgumentException | IllegalStateException e) {
      item.invalidHere(e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<HeaderRules> headerRules(ConfigReader item, String key) {
    if (!item.has(key)) {
      return Optional.empty();
    }
    ConfigReader rules = item.section(key);
    rules.allowOnly(Set.of("add", "set", "remove"));
    try {
      return Optional.of(new HeaderRules(rules.stringMap("add"), rules.stringMap("set"),
          new HashSet<>(rules.strings("remove", List.of()))));
    } catch (IllegalArgumentException e) {
      item.invalid(key, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<CorsPolicy> cors(ConfigReader item) {
    if (!item.has("cors")) {
      return Optional.empty();
    }
    ConfigReader cors = item.section("cors");
    cors.allowOnly(Set.of("allowed-origins", "allowed-methods", "allowed-headers", "exposed-headers",
        "allow-credentials", "max-age"));
    try {
      return Optional.of(CorsPolicy.builder().allowedOrigins(cors.strings("allowed-origins", List.of()))
          .allowedMethods(cors.strings("allowed-methods", List.of()))
          .allowedHeaders(cors.strings("allowed-headers", List.of()))
          .exposedHeaders(cors.strings("exposed-headers", List.of()))
          .allowCredentials(cors.bool("allow-credentials", false))
          .maxAge(cors.duration("max-age", Duration.ofMinutes(10))).build());
    } catch (IllegalArgumentException | IllegalStateException e) {
      item.invalid("cors", e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code permissions: [a, b]} for every method, or {@code permissions: {GET: [a], POST: [b]}} per method. */
  private static void permissions(ConfigReader item, RouteSpec.Builder route) {
    if (!item.isMap("permissions")) {
      item.stringsIfPresent("permissions").ifPresent(p -> apply(item, "permissions", () -> route.permissions(p)));
      return;
    }
    ConfigReader perMethod = item.section("permissions");
    for (String method : perMethod.keys()) {
      List<String> required = perMethod.strings(method, List.of());
      apply(perMethod, method, () -> {
        if (method.equals("*")) {
          route.permissions(required);
        } else {
          route.permissions(method, required);
        }
      });
    }
  }

  static Optional<RateLimit> rateLimit(ConfigReader item) {
    return rateLimit(item, "rate-limit");
  }

  /** A token bucket {@code {requests, period, burst}} under {@code key}, when written. */
  static Optional<RateLimit> rateLimit(ConfigReader item, String key) {
    if (!item.has(key)) {
      return Optional.empty();
    }
    ConfigReader limit = item.section(key);
    limit.allowOnly(Set.of("requests", "period", "burst"));
    int requests = limit.integer("requests", 1, 1, Integer.MAX_VALUE);
    try {
      return Optional.of(new RateLimit(requests, limit.duration("period", Duration.ofSeconds(1)),
          limit.integer("burst", requests, 1, Integer.MAX_VALUE)));
    } catch (IllegalArgumentException e) {
      item.invalid(key, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<RetryBudget> retryBudget(ConfigReader item) {
    if (!item.has("retry-budget")) {
      return Optional.empty();
    }
    ConfigReader budget = item.section("retry-budget");
    budget.allowOnly(Set.of("percent", "min-retries", "window"));
    RetryBudget defaults = RetryBudget.defaults();
    int before = errorsBefore(item);
    int percent = budget.integer("percent", defaults.percent(), 0, 100);
    int minRetries = budget.integer("min-retries", defaults.minRetries(), 0, 1000);
    Duration window = budget.duration("window", defaults.window());
    apply(budget, "window", () -> new RetryBudget(defaults.percent(), defaults.minRetries(), window));
    if (errorsBefore(item) != before) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RetryBudget(percent, minRetries, window));
    } catch (IllegalArgumentException e) {
      item.invalid("retry-budget", e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<HealthCheck> healthCheck(ConfigReader item) {
    if (!item.has("health-check")) {
      return Optional.empty();
    }
    ConfigReader check = item.section("health-check");
    check.allowOnly(Set.of("path", "interval", "timeout", "healthy-threshold", "unhealthy-threshold"));
    HealthCheck defaults = HealthCheck.of("/");
    int before = errorsBefore(item);
    String path = check.string("path", null);
    if (path == null) {
      check.invalid("path", "is required");
    }
    Duration interval = check.duration("interval", defaults.interval());
    Duration timeout = check.duration("timeout", defaults.timeout());
    int healthy = check.integer("healthy-threshold", defaults.healthyThreshold(), 1, 10);
    int unhealthy = check.integer("unhealthy-threshold", defaults.unhealthyThreshold(), 1, 10);
    if (errorsBefore(item) != before) {
      return Optional.empty();
    }
    try {
      return Optional.of(new HealthCheck(path, interval, timeout, healthy, unhealthy));
    } catch (IllegalArgumentException e) {
      item.invalid("health-check", e.getMessage());
      return Optional.empty();
    }
  }

  private static void apply(ConfigReader reader, String key, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      reader.invalid(key, e.getMessage());
    }
  }

  private static int errorsBefore(ConfigReader reader) {
    return reader.errorCount();
  }
}
