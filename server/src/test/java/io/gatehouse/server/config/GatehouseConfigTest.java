package io.gatehouse.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.gateway.GatewaySettings;
import io.gatehouse.gateway.route.HealthCheck;
import io.gatehouse.gateway.route.LoadBalancing;
import io.gatehouse.gateway.route.RetryBudget;
import io.gatehouse.gateway.route.RouteSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatehouseConfigTest {
  @TempDir Path dir;

  @Test
  void minimalFileGetsTheContractDefaults() throws IOException {
    GatehouseConfig config = GatehouseConfig.load(write("version: 1\n"), Map.of());

    assertThat(config.management()).isEqualTo(new ManagementConfig(true, "127.0.0.1", 9090));
    assertThat(config.eventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void reportsEveryErrorAtOnceWithPathValueLineAndReason() throws IOException {
    Path file = write("""
        version: 2
        event-loops: lots
        management:
          port: 99999
          hots: 127.0.0.1
          enabled: maybe
        extra: 1
        """);

    List<ConfigError> errors = errorsOf(file, Map.of());

    assertThat(errors).extracting(ConfigError::toString).containsExactly(
        file + ":1: version = \"2\": must be 1",
        file + ":2: event-loops = \"lots\": must be an integer from 1 to 1024",
        file + ":4: management.port = \"99999\": must be an integer from 0 to 65535",
        file + ":5: management.hots: unknown key (expected one of enabled, host, port)",
        file + ":6: management.enabled = \"maybe\": must be true or false",
        file + ":7: extra: unknown key (expected one of auth, event-loops, gateway, management, version)");
  }

  @Test
  void environmentOverridesTheFileAndIsNamedAsTheOrigin() throws IOException {
    Path file = write("version: 1\nmanagement:\n  port: 9090\n");

    GatehouseConfig config = GatehouseConfig.load(file, Map.of("GATEHOUSE_MANAGEMENT_PORT", "9191",
        "GATEHOUSE_EVENT_LOOPS", "3"));
    List<ConfigError> errors = errorsOf(file, Map.of("GATEHOUSE_MANAGEMENT_PORT", "abc"));

    assertThat(config.management().port()).isEqualTo(9191);
    assertThat(config.eventLoops()).isEqualTo(3);
    assertThat(errors).extracting(ConfigError::origin).containsExactly("env GATEHOUSE_MANAGEMENT_PORT");
  }

  @Test
  void missingVersionEmptyFileAndDuplicateKeysAreErrors() throws IOException {
    assertThat(errorsOf(write("management:\n  port: 1\n"), Map.of()))
        .extracting(ConfigError::path).containsExactly("version");
    assertThat(errorsOf(write(""), Map.of())).extracting(ConfigError::reason)
        .singleElement().asString().contains("version: 1");
    assertThat(errorsOf(write("version: 1\nversion: 1\n"), Map.of()))
        .extracting(ConfigError::toString).anyMatch(s -> s.endsWith(":2: version: duplicate key"));
  }

  @Test
  void wrongShapesAndUnavailableRolesAreExplained() throws IOException {
    List<ConfigError> errors = errorsOf(write("""
        version: 1
        management: [1, 2]
        gateway:
          routes:
            - id: orders
              match: {path-prefix: /orders}
              upstreams: [http://127.0.0.1:7001]
        """), Map.of());

    assertThat(errors).extracting(ConfigError::reason)
        .contains("must be a map of settings")
        .anyMatch(reason -> reason.startsWith("routes require authentication and no auth service runs in this process"));
  }

  @Test
  void aGatewayWithoutAnAuthRoleNeedsTheAuthServicesAddressAndItsClientSecret() throws IOException {
    Path file = write("""
        version: 1
        gateway:
          auth:
            issuer: http://auth.internal:9000
            cache: {ttl: 30s, negative-ttl: 2s}
          rate-limits:
            per-api-key: {requests: 100, period: 1s, burst: 200}
            failed-auth-per-address: {requests: 5, period: 1m}
          routes:
            - id: orders
              match: {path-prefix: /orders}
              upstreams: [http://127.0.0.1:7001]
              permissions: {GET: [orders:read], POST: [orders:write], "*": [orders:any]}
        """);

    assertThat(errorsOf(file, Map.of())).extracting(ConfigError::path).containsExactly("gateway.auth.client-secret");
    GatehouseConfig config = GatehouseConfig.load(file, Map.of("GATEHOUSE_GATEWAY_AUTH_CLIENT_SECRET", "s3cret"));
    var security = config.gateway().orElseThrow().security();
    assertThat(security.clientSecret()).contains("s3cret");
    assertThat(security.tokenEndpoint()).hasToString("http://auth.internal:9000/oauth2/token");
    assertThat(security.phantomCache().ttl()).hasSeconds(30);
    assertThat(security.perApiKey().orElseThrow().burst()).isEqualTo(200);
    assertThat(security.failedAuthPerAddress().orElseThrow().requests()).isEqualTo(5);
    var route = config.gateway().orElseThrow().routes().routes().get(0);
    assertThat(route.permissionsFor("GET")).containsExactlyInAnyOrder("orders:any", "orders:read");
    assertThat(route.permissionsFor("DELETE")).containsExactly("orders:any");
    assertThat(security.toString()).doesNotContain("s3cret");
  }

  @Test
  void anEphemeralAuthPortNeedsAnExplicitIssuer() throws IOException {
    Path file = write("version: 1\nauth:\n  listener:\n    port: 0\n");

    assertThat(errorsOf(file, Map.of())).extracting(ConfigError::toString).containsExactly(
        file + ":3: auth.issuer: is required when auth.listener.port is 0 (the issuer must be the URL clients use)");
    GatehouseConfig configured = GatehouseConfig.load(file, Map.of("GATEHOUSE_AUTH_ISSUER", "https://auth.example.com"));
    assertThat(configured.auth().orElseThrow().tokens().issuer()).isEqualTo("https://auth.example.com");
  }

  @Test
  void unreadableOrInvalidYamlSaysWhere() throws IOException {
    assertThat(errorsOf(dir.resolve("missing.yaml"), Map.of())).extracting(ConfigError::reason)
        .containsExactly("file not found");
    Path broken = write("version: 1\nmanagement: {port: [\n");
    assertThat(errorsOf(broken, Map.of())).singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("not valid YAML"));
  }

  @Test
  void authSectionGetsTheContractDefaults() throws IOException {
    GatehouseConfig config = GatehouseConfig.load(write("version: 1\nauth: {}\n"), Map.of());

    assertThat(config.auth()).hasValueSatisfying(auth -> {
      assertThat(auth.authListener()).isEqualTo(new io.gatehouse.auth.AuthSettings.Listener("127.0.0.1", 9000));
      assertThat(auth.adminListener()).isEqualTo(new io.gatehouse.auth.AuthSettings.Listener("127.0.0.1", 9001));
      assertThat(auth.tokens().issuer()).isEqualTo("http://127.0.0.1:9000");
      assertThat(auth.tokens().apiKeyTokenLifetime()).hasSeconds(300);
      assertThat(auth.keys().algorithm().joseName()).isEqualTo("ES256");
      assertThat(auth.database()).isEmpty();
    });
  }

  @Test
  void authSectionErrorsAreReportedWithTheOthers() throws IOException {
    Path file = write("""
        version: 1
        auth:
          issuer: http://127.0.0.1:9000/
          signing:
            algorithm: HS256
          tokens:
            api-key-lifetime: 10m
          audiences:
            orders:
              token-type: jwe
          database:
            url: mysql://x
        """);

    assertThat(errorsOf(file, Map.of())).extracting(ConfigError::path).containsExactly(
        "auth.issuer", "auth.signing.algorithm", "auth.tokens.api-key-lifetime",
        "auth.audiences.orders.token-type", "auth.database.url");
  }

  @Test
  void gatewaySectionBindsRoutes() throws IOException {
    GatehouseConfig config = GatehouseConfig.load(write("""
        version: 1
        gateway:
          listener: {port: 8181}
          routes:
            - id: public-docs
              match: {path-prefix: /docs, methods: [GET]}
              upstreams: [http://127.0.0.1:7001, http://127.0.0.1:7002]
              strip-prefix: true
              timeouts: {connect: 500ms, response-header: 5s}
              auth: none
        """), Map.of());

    assertThat(config.gateway()).hasValueSatisfying(gateway -> {
      assertThat(gateway.port()).isEqualTo(8181);
      assertThat(gateway.host()).isEqualTo("0.0.0.0");
      assertThat(gateway.identityHeaderPrefixes()).containsExactly("x-user-", "x-gatehouse-", "x-api-key-");
      var route = gateway.routes().routes().get(0);
      assertThat(route.id()).isEqualTo("public-docs");
      assertThat(route.upstreams()).hasSize(2);
      assertThat(route.timeouts().connect()).hasMillis(500);
    });
  }

  @Test
  void gatewaySectionBindsTrustedProxiesRetryBudgetsAndHealthChecks() throws IOException {
    GatehouseConfig config = GatehouseConfig.load(write("""
        version: 1
        gateway:
          trusted-proxies: [10.0.0.0/8, "::1"]
          routes:
            - id: checked
              match: {path-prefix: /c}
              upstreams: [http://127.0.0.1:7001]
              load-balancing: least-in-flight
              retry-budget: {percent: 50, min-retries: 1, window: 30s}
              health-check: {path: /healthz, interval: 5s, timeout: 1s, unhealthy-threshold: 4}
              auth: none
            - id: plain
              match: {path-prefix: /p}
              upstreams: [http://127.0.0.1:7002]
              auth: none
        """), Map.of());

    GatewaySettings gateway = config.gateway().orElseThrow();
    RouteSpec checked = gateway.routes().routes().get(0);
    RouteSpec plain = gateway.routes().routes().get(1);
    assertThat(gateway.trustedProxies().trusts(InetAddress.getByName("10.9.8.7"))).isTrue();
    assertThat(gateway.trustedProxies().trusts(InetAddress.getByName("::1"))).isTrue();
    assertThat(gateway.trustedProxies().trusts(InetAddress.getByName("11.0.0.1"))).isFalse();
    assertThat(checked.loadBalancing()).isEqualTo(LoadBalancing.LEAST_IN_FLIGHT);
    assertThat(checked.retryBudget()).isEqualTo(new RetryBudget(50, 1, Duration.ofSeconds(30)));
    assertThat(checked.healthCheck()).contains(new HealthCheck("/healthz", Duration.ofSeconds(5), Duration.ofSeconds(1),
        2, 4));
    assertThat(plain.retryBudget()).isEqualTo(RetryBudget.defaults());
    assertThat(plain.healthCheck()).isEmpty();
  }

  @Test
  void anIdentityHeaderPatternThatIsOnlyStarsIsRefused() throws IOException {
    List<ConfigError> errors = errorsOf(write("""
        version: 1
        gateway:
          identity-headers: ["X-User-*", "**"]
          routes: []
        """), Map.of());

    assertThat(errors).extracting(ConfigError::path).containsExactly("gateway.identity-headers");
    assertThat(errors).extracting(ConfigError::reason).singleElement().asString().contains("was: **");
  }

  @Test
  void trustsNoProxyByDefault() throws IOException {
    GatehouseConfig config = GatehouseConfig.load(write("""
        version: 1
        gateway:
          routes: []
        """), Map.of());

    assertThat(config.gateway().orElseThrow().trustedProxies().isEmpty()).isTrue();
  }

  @Test
  void gatewayRouteErrorsNameTheRouteAndKey() throws IOException {
    Path file = write("""
        version: 1
        gateway:
          routes:
            - match: {path-prefix: /a}
              upstreams: [ftp://127.0.0.1:21]
              auth: none
              colour: blue
            - id: b
              match: {path-prefix: /b}
              upstreams: [http://127.0.0.1:7001]
              auth: sometimes
        """);

    assertThat(errorsOf(file, Map.of())).extracting(ConfigError::path)
        .contains("gateway.routes[0].id", "gateway.routes[0].upstreams", "gateway.routes[0].colour",
            "gateway.routes[1].auth");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "gatehouse", ".yaml"), yaml);
  }

  private static List<ConfigError> errorsOf(Path file, Map<String, String> env) {
    try {
      GatehouseConfig.load(file, env);
    } catch (ConfigException e) {
      return e.errors();
    }
    return fail("expected configuration errors in " + file);
  }
}
