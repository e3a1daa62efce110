package io.gatehouse.server.config;

import io.gatehouse.auth.AuthSettings;
import io.gatehouse.auth.keys.KeySettings;
import io.gatehouse.auth.oauth.TokenSettings;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.keys.SigningAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code auth} section to {@link AuthSettings}. */
final class AuthConfig {
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private AuthConfig() {}

  static AuthSettings bind(ConfigReader auth, Path configDir, Map<String, String> env) {
    auth.allowOnly(Set.of("enabled", "issuer", "data-dir", "listener", "admin", "database", "signing", "tokens",
        "audiences"));
    AuthSettings.Listener listener = listener(auth.section("listener"), 9000);
    AuthSettings.Listener admin = listener(auth.section("admin"), 9001);
    String derived = "http://" + listener.host() + ":" + listener.port();
    String issuer = auth.string("issuer", derived);
    if (listener.port() == 0 && issuer.equals(derived)) {
      // The default issuer is the listener's URL, and port 0 is only known once bound.
      auth.invalid("issuer", "is required when auth.listener.port is 0 (the issuer must be the URL clients use)");
    }
    if (issuer.endsWith("/") || !(issuer.startsWith("http://") || issuer.startsWith("https://"))) {
      auth.invalid("issuer", "must be an http(s) URL without a trailing slash");
    }
    Path dataDir = configDir.resolve(auth.string("data-dir", "gatehouse-data")).normalize();
    TokenSettings tokens = tokens(auth.section("tokens"), issuer, audiences(auth.section("audiences")));
    Duration retention = max(tokens.clientTokenLifetime(), tokens.apiKeyTokenLifetime()).plus(CLOCK_SKEW);
    return new AuthSettings(dataDir, database(auth), listener, admin, keys(auth.section("signing"), retention), tokens,
        Optional.ofNullable(env.get("GATEHOUSE_ADMIN_SECRET")));
  }

  private static AuthSettings.Listener listener(ConfigReader section, int defaultPort) {
    section.allowOnly(Set.of("host", "port"));
    return new AuthSettings.Listener(section.string("host", "127.0.0.1"), section.integer("port", defaultPort, 0, 65535));
  }

  private static Optional<AuthSettings.Database> database(ConfigReader auth) {
    if (!auth.has("database")) {
      return Optional.empty();
    }
    ConfigReader db = auth.section("database");
    db.allowOnly(Set.of("url", "username", "password", "pool-size"));
    String url = db.string("url", "");
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      db.invalid("url", "must be a jdbc:postgresql: or jdbc:h2: URL");
    }
    return Optional.of(new AuthSettings.Database(url, db.string("username", "postgres"), db.string("password", ""),
        db.integer("pool-size", 10, 1, 200)));
  }

  private static KeySettings keys(ConfigReader signing, Duration retention) {
    signing.allowOnly(Set.of("algorithm", "rotation-interval", "jwks-max-age"));
    SigningAlgorithm algorithm = SigningAlgorithm.parse(signing.oneOf("algorithm", "ES256", List.of("ES256", "EdDSA", "RS256")));
    return new KeySettings(algorithm, signing.duration("rotation-interval", Duration.ofDays(30)),
        signing.duration("jwks-max-age", Duration.ofMinutes(5)), retention, Duration.ofSeconds(60));
  }

  private static TokenSettings tokens(ConfigReader tokens, String issuer, Map<String, TokenType> audiences) {
    tokens.allowOnly(Set.of("client-lifetime", "api-key-lifetime", "refresh-lifetime", "cache-ttl"));
    Duration apiKey = tokens.duration("api-key-lifetime", Duration.ofMinutes(5));
    if (apiKey.compareTo(TokenSettings.MAX_API_KEY_TOKEN_LIFETIME) > 0) {
      tokens.invalid("api-key-lifetime", "must be at most 300s (tokens for API keys are short-lived by contract)");
      apiKey = TokenSettings.MAX_API_KEY_TOKEN_LIFETIME;
    }
    Duration client = tokens.duration("client-lifetime", Duration.ofMinutes(15));
    if (client.compareTo(Duration.ofHours(24)) > 0) {
      tokens.invalid("client-lifetime", "must be at most 24h");
      client = Duration.ofHours(24);
    }
    return new TokenSettings(issuer, client, apiKey, tokens.duration("refresh-lifetime", Duration.ofDays(30)),
        audiences, tokens.duration("cache-ttl", Duration.ofSeconds(30)));
  }

  private static Map<String, TokenType> audiences(ConfigReader section) {
    Map<String, TokenType> types = new LinkedHashMap<>();
    for (String audience : section.keys()) {
      ConfigReader entry = section.section(audience);
      entry.allowOnly(Set.of("token-type"));
      types.put(audience, TokenType.fromConfig(entry.oneOf("token-type", "at+jwt", List.of("at+jwt", "jwt"))));
    }
    return types;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
