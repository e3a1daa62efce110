package io.gatehouse.server.config;

import io.gatehouse.gateway.phantom.PhantomCacheSettings;
import io.gatehouse.gateway.route.RateLimit;
import io.gatehouse.gateway.security.SecuritySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code gateway.auth} (how the gateway reaches the auth service and caches API-key tokens)
 * and {@code gateway.rate-limits} (per key, per client, failed attempts per address).
 */
final class GatewaySecurityConfig {
  private GatewaySecurityConfig() {}

  static SecuritySettings bind(ConfigReader gateway) {
    SecuritySettings defaults = SecuritySettings.defaults();
    ConfigReader auth = gateway.section("auth");
    auth.allowOnly(Set.of("issuer", "client-id", "client-secret", "exchange-timeout", "cache"));
    Optional<URI> issuer = Optional.ofNullable(auth.string("issuer", null)).flatMap(text -> uri(auth, text));
    String clientId = auth.string("client-id", defaults.clientId());
    Optional<String> secret = Optional.ofNullable(auth.string("client-secret", null));
    Duration exchangeTimeout = auth.duration("exchange-timeout", defaults.exchangeTimeout());
    ConfigReader cache = auth.section("cache");
    cache.allowOnly(Set.of("max-entries", "ttl", "negative-ttl", "expiry-margin"));
    PhantomCacheSettings cacheDefaults = defaults.phantomCache();
    PhantomCacheSettings cacheSettings = cacheDefaults;
    try {
      cacheSettings = new PhantomCacheSettings(cache.integer("max-entries", (int) cacheDefaults.maxEntries(), 1, 10_000_000),
          cache.duration("ttl", cacheDefaults.ttl()), cache.duration("negative-ttl", cacheDefaults.negativeTtl()),
          cache.duration("expiry-margin", cacheDefaults.expiryMargin()));
    } catch (IllegalArgumentException e) {
      auth.invalid("cache", e.getMessage());
    }
    ConfigReader limits = gateway.section("rate-limits");
    limits.allowOnly(Set.of("per-api-key", "per-client", "failed-auth-per-address"));
    Optional<RateLimit> failedAuth = limits.has("failed-auth-per-address")
        ? GatewayConfig.rateLimit(limits, "failed-auth-per-address") : defaults.failedAuthPerAddress();
    try {
      return new SecuritySettings(issuer, clientId, secret, cacheSettings, exchangeTimeout,
          GatewayConfig.rateLimit(limits, "per-api-key"), GatewayConfig.rateLimit(limits, "per-client"), failedAuth);
    } catch (IllegalArgumentException e) {
      auth.invalidHere(e.getMessage());
      return defaults;
    }
  }

  private static Optional<URI> uri(ConfigReader reader, String text) {
    try {
      URI uri = URI.create(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    reader.invalid("issuer", "must be an http(s) URL such as http://127.0.0.1:9000, was: " + text);
    return Optional.empty();
  }
}
