package io.gatehouse.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./gatehouse demo} as a separate process through the real launcher and jar, driven over
 * HTTP the way its banner says: the phantom-token loop, refusals, revocation through the admin
 * CLI, spoofed identity headers, and a clean shutdown that leaves no port open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoIT {
  private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Integer> ports = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private final StringBuilder banner = new StringBuilder();
  private Process demo;
  private String gateway;

  @BeforeAll
  void startDemo() throws Exception {
    for (int i = 0; i < 6; i++) {
      ports.add(freePort());
    }
    Path envFile = dir.resolve("demo.env");
    long started = System.nanoTime();
    demo = new ProcessBuilder(ROOT.resolve("gatehouse").toString(), "demo", "--data-dir", dir.resolve("data").toString(),
        "--env-file", envFile.toString(), "--gateway-port", "" + ports.get(0), "--auth-port", "" + ports.get(1),
        "--admin-port", "" + ports.get(2), "--management-port", "" + ports.get(3), "--orders-port", "" + ports.get(4),
        "--inventory-port", "" + ports.get(5))
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      banner.append(line).append('\n');
      if (line.contains("Ctrl-C stops everything")) {
        break;
      }
    }
    assertThat(banner).as("the demo printed its banner").contains("Ctrl-C stops everything");
    gateway = "http://127.0.0.1:" + ports.get(0);
    System.out.printf("demo: process start to banner %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    for (String pair : Files.readAllLines(envFile)) {
      env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
  }

  @AfterAll
  void stopDemo() {
    if (demo != null && demo.isAlive()) {
      demo.destroyForcibly();
    }
  }

  @Test
  @Order(1)
  void theEnvFileHoldsTheContractsVariables() {
    assertThat(env).containsKeys("GATEWAY_URL", "AUTH_URL", "ADMIN_URL", "ADMIN_CLIENT_ID", "ADMIN_CLIENT_SECRET",
        "ALICE_API_KEY", "BOB_API_KEY");
    assertThat(env.get("GATEWAY_URL")).isEqualTo(gateway);
    assertThat(env.get("ALICE_API_KEY")).startsWith("gh_");
    assertThat(banner).contains(env.get("ALICE_API_KEY"), env.get("BOB_API_KEY"), "curl");
  }

  @Test
  @Order(2)
  void aliceListsAndCreatesOrdersThroughTheGateway() throws Exception {
    HttpResponse<String> created = send("POST", gateway + "/orders", "{\"sku\":\"sku-1\",\"quantity\":1}",
        "X-API-Key", env.get("ALICE_API_KEY"), "Content-Type", "application/json");
    HttpResponse<String> listed = send("GET", gateway + "/orders", null, "X-API-Key", env.get("ALICE_API_KEY"));
    HttpResponse<String> stock = send("GET", gateway + "/inventory/items", null,
        "Authorization", "Bearer " + env.get("ALICE_API_KEY"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(listed.body()).path("items")).hasSize(1);
    assertThat(stock.statusCode()).isEqualTo(200);
    assertThat(stock.body()).contains("\"sku\":\"sku-1\"", "\"available\":9");
    assertThat(created.body() + listed.body()).doesNotContain("eyJ");
  }

  @Test
  @Order(3)
  void bobMayReadButNotCreate() throws Exception {
    HttpResponse<String> read = send("GET", gateway + "/orders", null, "X-API-Key", env.get("BOB_API_KEY"));
    HttpResponse<String> create = send("POST", gateway + "/orders", "{\"sku\":\"sku-1\",\"quantity\":1}",
        "X-API-Key", env.get("BOB_API_KEY"), "Content-Type", "application/json");

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(create.headers().firstValue("WWW-Authenticate")).get().asString().contains("insufficient_scope");
  }

  @Test
  @Order(4)
  void noKeyAndDirectCallsAreRefused() throws Exception {
    HttpResponse<String> noKey = send("GET", gateway + "/orders", null);
    HttpResponse<String> direct = send("GET", "http://127.0.0.1:" + ports.get(4) + "/orders", null,
        "Authorization", "Bearer " + env.get("ALICE_API_KEY"));
    HttpResponse<String> directInventory = send("GET", "http://127.0.0.1:" + ports.get(5) + "/inventory/items", null,
        "X-API-Key", env.get("ALICE_API_KEY"));

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(noKey.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"gatehouse\"");
    assertThat(direct.statusCode()).isEqualTo(401);
    assertThat(directInventory.statusCode()).isEqualTo(401);
  }

  @Test
  @Order(5)
  void aSpoofedUserHeaderIsIgnored() throws Exception {
    HttpResponse<String> bobAsAlice = send("GET", gateway + "/orders", null, "X-API-Key", env.get("BOB_API_KEY"),
        "X-User-Id", aliceId());

    assertThat(bobAsAlice.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(bobAsAlice.body()).path("items")).isEmpty();
  }

  @Test
  @Order(6)
  void revokingBobsKeyWithTheAdminCliRefusesHisNextRequest() throws Exception {
    String keyId = env.get("BOB_API_KEY").substring(3, 15);
    ProcessBuilder cli = new ProcessBuilder(ROOT.resolve("gatehouse").toString(), "admin", "revoke-api-key", keyId)
        .redirectErrorStream(true);
    cli.environment().put("ADMIN_URL", env.get("ADMIN_URL"));
    cli.environment().put("AUTH_URL", env.get("AUTH_URL"));
    cli.environment().put("ADMIN_CLIENT_ID", env.get("ADMIN_CLIENT_ID"));
    cli.environment().put("ADMIN_CLIENT_SECRET", env.get("ADMIN_CLIENT_SECRET"));
    Process revoke = cli.start();
    String output = new String(revoke.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(revoke.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(revoke.exitValue()).as(output).isZero();

    HttpResponse<String> next = send("GET", gateway + "/orders", null, "X-API-Key", env.get("BOB_API_KEY"));

    assertThat(next.statusCode()).isEqualTo(401);
    assertThat(send("GET", gateway + "/orders", null, "X-API-Key", env.get("ALICE_API_KEY")).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(7)
  void metricsShowTheAuthenticationOutcomes() throws Exception {
    HttpResponse<String> metrics = send("GET", "http://127.0.0.1:" + ports.get(3) + "/metrics", null);

    assertThat(metrics.body()).contains("gatehouse_gateway_auth_total{outcome=\"api_key\"}",
        "gatehouse_gateway_auth_total{outcome=\"forbidden\"} 1.0");
  }

  @Test
  @Order(8)
  void sigtermStopsEverythingAndFreesEveryPort() throws Exception {
    demo.destroy();

    assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("the demo exits after SIGTERM").isTrue();
    assertThat(demo.descendants().filter(ProcessHandle::isAlive)).isEmpty();
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  private String aliceId() throws Exception {
    HttpResponse<String> created = send("POST", gateway + "/orders", "{\"sku\":\"sku-2\",\"quantity\":1}",
        "X-API-Key", env.get("ALICE_API_KEY"), "Content-Type", "application/json");
    JsonNode order = JSON.readTree(created.body());
    return order.path("owner").asText();
  }

  private HttpResponse<String> send(String method, String url, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
