package io.gatehouse.server.cli;

import picocli.CommandLine.Option;

/** Where the admin API is and who calls it: flags, or the environment written by {@code demo --env-file}. */
final class AdminOptions {
  @Option(names = "--admin-url", paramLabel = "URL", defaultValue = "${env:ADMIN_URL:-http://127.0.0.1:9001}",
      description = "Admin listener base URL (env ADMIN_URL; default ${DEFAULT-VALUE}).")
  String adminUrl;

  @Option(names = "--auth-url", paramLabel = "URL", defaultValue = "${env:AUTH_URL:-http://127.0.0.1:9000}",
      description = "Auth listener base URL = issuer (env AUTH_URL; default ${DEFAULT-VALUE}).")
  String authUrl;

  @Option(names = "--client-id", paramLabel = "ID", defaultValue = "${env:ADMIN_CLIENT_ID:-admin}",
      description = "Admin client id (env ADMIN_CLIENT_ID; default ${DEFAULT-VALUE}).")
  String clientId;

  @Option(names = "--client-secret", paramLabel = "SECRET", defaultValue = "${env:ADMIN_CLIENT_SECRET}",
      description = "Admin client secret (env ADMIN_CLIENT_SECRET).")
  String clientSecret;

  String adminUrl() {
    return trim(adminUrl);
  }

  String authUrl() {
    return trim(authUrl);
  }

  String clientId() {
    return clientId;
  }

  String clientSecret() {
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new CliException("no admin client secret: set ADMIN_CLIENT_SECRET or pass --client-secret");
    }
    return clientSecret;
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
