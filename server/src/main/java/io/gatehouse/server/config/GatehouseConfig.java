package io.gatehouse.server.config;

import io.gatehouse.auth.AuthSettings;
import io.gatehouse.gateway.GatewaySettings;
import io.gatehouse.gateway.security.GatewaySecurity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated configuration file.
 *
 * @param file where it came from
 * @param eventLoops event-loop threads shared by every listener (default: cores)
 * @param management the management listener
 * @param auth the auth role, when enabled
 * @param gateway the gateway role, when enabled
 */
public record GatehouseConfig(Path file, int eventLoops, ManagementConfig management, Optional<AuthSettings> auth,
    Optional<GatewaySettings> gateway) {
  /** The only configuration format version. */
  public static final int VERSION = 1;

  /** Without an auth role in this process, a gateway with protected routes must be told where the auth service is. */
  private static void requireRemoteAuth(ConfigReader gateway, GatewaySettings settings) {
    if (GatewaySecurity.audiences(settings.routes()).isEmpty()) {
      return;
    }
    ConfigReader auth = gateway.section("auth");
    if (settings.security().issuer().isEmpty()) {
      auth.invalid("issuer", "routes require authentication and no auth service runs in this process: "
          + "set the auth service's issuer URL");
    }
    if (settings.security().clientSecret().isEmpty()) {
      auth.invalid("client-secret", "routes require authentication and no auth service runs in this process: "
          + "set the secret of the gateway's client (client-id, default gateway), e.g. with GATEHOUSE_GATEWAY_AUTH_CLIENT_SECRET");
    }
  }

  private static final Set<String> TOP_LEVEL = Set.of("version", "event-loops", "management", "auth", "gateway");

  /**
   * Loads and validates a file with environment overrides.
   *
   * @throws ConfigException with every problem found
   */
  public static GatehouseConfig load(Path file, Map<String, String> env) {
    List<ConfigError> errors = new ArrayList<>();
    ConfigNode root = YamlSource.read(file, errors);
    if (root.kind() == ConfigNode.Kind.NULL) {
      errors.add(new ConfigError("version", "", file.toString(), "is required (the file is empty); write version: 1"));
      throw new ConfigException(errors);
    }
    ConfigReader top = new ConfigReader(file, env, errors, "", root);
    top.allowOnly(TOP_LEVEL);
    top.requiredInteger("version", VERSION, VERSION);
    int cores = Runtime.getRuntime().availableProcessors();
    int eventLoops = top.integer("event-loops", cores, 1, 1024);
    ManagementConfig management = management(top.section("management"));
    Optional<AuthSettings> auth = Optional.empty();
    if (top.has("auth")) {
      ConfigReader section = top.section("auth");
      AuthSettings settings = AuthConfig.bind(section, file.toAbsolutePath().getParent(), env);
      auth = section.bool("enabled", true) ? Optional.of(settings) : Optional.empty();
    }
    Optional<GatewaySettings> gateway = Optional.empty();
    if (top.has("gateway")) {
      ConfigReader section = top.section("gateway");
      Optional<GatewaySettings> settings = GatewayConfig.bind(section);
      gateway = section.bool("enabled", true) ? settings : Optional.empty();
      if (gateway.isPresent() && auth.isEmpty()) {
        requireRemoteAuth(section, gateway.get());
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(GatehouseConfig::line));
      throw new ConfigException(errors);
    }
    return new GatehouseConfig(file, eventLoops, management, auth, gateway);
  }

  /** Line of an error's origin ({@code file:line}); environment and file-level errors sort first. */
  private static int line(ConfigError error) {
    int colon = error.origin().lastIndexOf(':');
    if (error.origin().startsWith("env ") || colon < 0) {
      return 0;
    }
    try {
      return Integer.parseInt(error.origin().substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static ManagementConfig management(ConfigReader section) {
    section.allowOnly(Set.of("enabled", "host", "port"));
    return new ManagementConfig(section.bool("enabled", true), section.string("host", "127.0.0.1"),
        section.integer("port", 9090, 0, 65535));
  }
}
