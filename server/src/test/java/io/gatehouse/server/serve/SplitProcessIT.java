package io.gatehouse.server.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auth service and the gateway as two {@code ./gatehouse serve} processes: the phantom flow
 * across processes, a revoked key living at most the gateway's cache TTL, and the auth process
 * dying with and without a cached token.
 */
class SplitProcessIT {
  private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath();
  private static final String ADMIN_SECRET = "admin-secret-of-the-split-process-test-0123";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Queue<String> upstreamAuthorization = new ConcurrentLinkedQueue<>();
  private HttpServer upstream;
  private Process auth;
  private Process gateway;
  private String authUrl;
  private String adminUrl;
  private String gatewayUrl;

  @BeforeEach
  void start() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", exchange -> {
      upstreamAuthorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    upstream.start();
    int authPort = freePort();
    int adminPort = freePort();
    authUrl = "http://127.0.0.1:" + authPort;
    adminUrl = "http://127.0.0.1:" + adminPort;
    Path authConfig = Files.writeString(dir.resolve("auth.yaml"), """
        version: 1
        management: {enabled: false}
        auth:
          data-dir: "%s"
          listener: {host: 127.0.0.1, port: %d}
          admin: {host: 127.0.0.1, port: %d}
        """.formatted(dir.resolve("data"), authPort, adminPort));
    auth = serve(authConfig, "auth", "GATEHOUSE_ADMIN_SECRET", ADMIN_SECRET);
    awaitPort(authPort);
    awaitPort(adminPort);
    admin("POST", "/roles", "{\"name\": \"reader\", \"permissions\": [\"orders:read\"]}");
  }

  /** Starts the gateway process with this phantom-token cache TTL, once the auth process runs. */
  private void startGateway(String cacheTtl) throws Exception {
    int gatewayPort = freePort();
    gatewayUrl = "http://127.0.0.1:" + gatewayPort;
    String gatewaySecret = admin("POST", "/clients", """
        {"client_id": "gateway", "grants": ["urn:ietf:params:oauth:grant-type:token-exchange"],
         "permissions": [], "audiences": ["orders"]}""").path("client_secret").asText();
    Path gatewayConfig = Files.writeString(dir.resolve("gateway.yaml"), """
        version: 1
        management: {enabled: false}
        gateway:
          listener: {host: 127.0.0.1, port: %d}
          auth:
            issuer: %s
            cache: {ttl: %s}
          routes:
            - id: orders
              match: {path-prefix: /orders}
              upstreams: [http://127.0.0.1:%d]
              permissions: [orders:read]
        """.formatted(gatewayPort, authUrl, cacheTtl, upstream.getAddress().getPort()));
    gateway = serve(gatewayConfig, "gateway", "GATEHOUSE_GATEWAY_AUTH_CLIENT_SECRET", gatewaySecret);
    awaitPort(gatewayPort);
  }

  @AfterEach
  void stop() throws Exception {
    for (Process process : new Process[] {gateway, auth}) {
      if (process != null) {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
    upstream.stop(0);
  }

  @Test
  void aKeyBecomesAJwtAcrossProcessesAndARevokedKeyLastsAtMostTheCacheTtl() throws Exception {
    startGateway("5s");
    JsonNode key = newKey("alice");

    HttpResponse<String> first = get(key.path("key").asText());
    admin("DELETE", "/api-keys/" + key.path("id").asText(), null);
    int rightAfterRevocation = get(key.path("key").asText()).statusCode();
    long revoked = System.nanoTime();
    int status = rightAfterRevocation;
    while (status == 200 && System.nanoTime() - revoked < TimeUnit.SECONDS.toNanos(15)) {
      Thread.sleep(200);
      status = get(key.path("key").asText()).statusCode();
    }
    long refusedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revoked);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(upstreamAuthorization.peek()).startsWith("Bearer ey");
    assertThat(rightAfterRevocation).as("still cached in the other process").isEqualTo(200);
    assertThat(status).isEqualTo(401);
    assertThat(refusedAfterMillis).as("refused within the 5 s cache TTL (+ polling)").isLessThan(6_500);
  }

  @Test
  void withTheAuthProcessGoneACachedKeyStillWorksAndAnUncachedOneGets503() throws Exception {
    startGateway("60s");
    String cached = newKey("alice").path("key").asText();
    String uncached = newKey("bob").path("key").asText();
    assertThat(get(cached).statusCode()).isEqualTo(200);

    auth.destroy();
    assertThat(auth.waitFor(20, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> stillCached = get(cached);
    HttpResponse<String> unavailable = get(uncached);

    assertThat(stillCached.statusCode()).isEqualTo(200);
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
    assertThat(unavailable.body()).doesNotContain(uncached);
  }

  private JsonNode newKey(String username) throws Exception {
    JsonNode user = admin("POST", "/users",
        "{\"username\": \"" + username + "\", \"password\": \"correct horse battery staple\", \"roles\": [\"reader\"]}");
    return admin("POST", "/users/" + user.path("id").asText() + "/api-keys",
        "{\"name\": \"test\", \"scopes\": [\"orders:read\"]}");
  }

  private HttpResponse<String> get(String key) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/orders/1")).header("X-API-Key", key)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode admin(String method, String path, String body) throws Exception {
    HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_SECRET).getBytes()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());
    String accessToken = JSON.readTree(token.body()).path("access_token").asText();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(adminUrl + "/admin/v1" + path))
        .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private Process serve(Path config, String name, String envName, String envValue) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("gatehouse").toString(), "serve", "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put(envName, envValue);
    return builder.start();
  }

  private void awaitPort(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("port " + port + " never opened; logs in " + dir, e);
        }
        Thread.sleep(100);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
