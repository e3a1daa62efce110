package io.gatehouse.examples.inventory;

import static io.gatehouse.examples.inventory.Http.bearer;
import static io.gatehouse.examples.inventory.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.examples.inventory.Http.Reply;
import io.gatehouse.examples.testauth.MutableClock;
import io.gatehouse.examples.testauth.TestAuthServer;
import io.gatehouse.examples.testauth.TestAuthServer.Credentials;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory service against a real auth service, over HTTP, with real tokens. */
class InventoryServiceTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final String JSON = "application/json";

  @TempDir static Path dataDir;
  private static TestAuthServer auth;
  private static String aliceKey;
  private static String bobKey;
  private static String bob;
  private static Credentials ordersService;

  private InventoryService inventory;
  private String items;

  @BeforeAll
  static void startAuth() {
    auth = TestAuthServer.start(dataDir, CLOCK);
    auth.createRole("stock-keeper", "inventory:read", "inventory:write");
    auth.createRole("stock-viewer", "inventory:read");
    String alice = auth.createUser("alice", "stock-keeper");
    bob = auth.createUser("bob", "stock-viewer");
    aliceKey = auth.createApiKey(alice, "inventory:read", "inventory:write");
    bobKey = auth.createApiKey(bob, "inventory:read");
    ordersService = auth.createClient("orders-service", List.of(TestAuthServer.CLIENT_CREDENTIALS),
        List.of("inventory:write"), List.of("inventory"));
  }

  @AfterAll
  static void stopAuth() {
    auth.close();
  }

  @BeforeEach
  void startInventory() {
    inventory = InventoryService.start(InventorySettings.builder().port(0).issuer(auth.issuer()).clock(CLOCK).build());
    items = inventory.baseUrl() + "/inventory/items";
  }

  @AfterEach
  void stopInventory() {
    inventory.close();
  }

  private static String alice() {
    return bearer(auth.userToken(aliceKey, "inventory"));
  }

  private Reply reserve(String sku, String body, String authorization) {
    return send("POST", items + "/" + sku + "/reserve", body, "Authorization", authorization, "Content-Type", JSON);
  }

  private Reply reserve(String sku, int quantity, String authorization) {
    return reserve(sku, "{\"quantity\": " + quantity + "}", authorization);
  }

  private int available(String sku) {
    for (JsonNode item : send("GET", items, null, "Authorization", alice()).json().path("items")) {
      if (item.path("sku").asText().equals(sku)) {
        return item.path("available").asInt();
      }
    }
    throw new AssertionError("no item " + sku);
  }

  @Test
  void listsTheSeededItemsWithTheirStock() {
    Reply reply = send("GET", items, null, "Authorization", alice());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo(JSON);
    assertThat(reply.json().path("items").toString()).isEqualTo("[{\"sku\":\"sku-1\",\"name\":\"Blue mug\","
        + "\"available\":10},{\"sku\":\"sku-2\",\"name\":\"Green teapot\",\"available\":3},"
        + "{\"sku\":\"sku-3\",\"name\":\"Red scarf\",\"available\":0}]");
  }

  @Test
  void reservesStockAndAnswersWhatRemains() {
    Reply reply = reserve("sku-1", 4, alice());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo("{\"sku\":\"sku-1\",\"reserved\":4,\"remaining\":6}");
    assertThat(available("sku-1")).isEqualTo(6);
  }

  @Test
  void acceptsTheOrdersServiceClientCredentialsToken() {
    Reply reply = reserve("sku-1", 1, bearer(auth.clientToken(ordersService, "inventory")));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("remaining").asInt()).isEqualTo(9);
  }

  @Test
  void unknownSkuIs404() {
    Reply reply = reserve("sku-404", 1, alice());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json().path("detail").asText()).isEqualTo("no item with sku sku-404");
  }

  @Test
  void notEnoughStockIs409AndReservesNothing() {
    Reply reply = reserve("sku-1", 11, alice());

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json().path("detail").asText()).isEqualTo("not enough stock of sku-1: 10 available, 11 asked");
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void concurrentReservationsNeverOversell() throws Exception {
    String token = alice();
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(() -> reserve("sku-2", 1, token).status());
    }
    List<Integer> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
      for (Future<Integer> status : pool.invokeAll(calls)) {
        statuses.add(status.get());
      }
    }

    assertThat(statuses).filteredOn(status -> status == 200).hasSize(3);
    assertThat(statuses).filteredOn(status -> status == 409).hasSize(9);
    assertThat(available("sku-2")).isZero();
  }

  @Test
  void refusesBadQuantitiesAndBodies() {
    assertThat(reserve("sku-1", 0, alice()).status()).isEqualTo(400);
    assertThat(reserve("sku-1", "{\"quantity\": 1.5}", alice()).status()).isEqualTo(400);
    assertThat(reserve("sku-1", "not json", alice()).status()).isEqualTo(400);
    assertThat(send("POST", items + "/sku-1/reserve", "{\"quantity\": 1}", "Authorization", alice(),
        "Content-Type", "text/plain").status()).isEqualTo(415);
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void answersOtherMethodsWith405() {
    Reply reply = send("DELETE", items, null, "Authorization", alice());

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("GET");
  }

  @Test
  void withoutATokenAnswers401WithABareChallenge() {
    Reply reply = send("GET", items, null);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"inventory\"");
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
        + "\"detail\":\"a bearer token is required\"}");
  }

  @Test
  void rejectsAForgedToken() {
    String token = auth.userToken(aliceKey, "inventory");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    Reply reply = send("GET", items, null, "Authorization", bearer(forged));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer realm=\"inventory\", error=\"invalid_token\"");
    assertThat(reply.json().path("status").asInt()).isEqualTo(401);
  }

  @Test
  void rejectsAnExpiredToken() {
    String token = auth.userToken(aliceKey, "inventory");
    assertThat(send("GET", items, null, "Authorization", bearer(token)).status()).isEqualTo(200);

    CLOCK.advance(Duration.ofMinutes(6));
    Reply reply = send("GET", items, null, "Authorization", bearer(token));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"inventory\", error=\"invalid_token\", "
        + "error_description=\"the token has expired\"");
  }

  @Test
  void rejectsATokenForAnotherAudience() {
    Reply reply = send("GET", items, null, "Authorization", bearer(auth.userToken(aliceKey, "orders")));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate"))
        .contains("error=\"invalid_token\"", "error_description=\"the token is not meant for this service\"");
  }

  @Test
  void withoutThePermissionAnswers403InsufficientScope() {
    Reply reply = reserve("sku-1", 1, bearer(auth.userToken(bobKey, "inventory")));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"inventory\", error=\"insufficient_scope\", "
        + "error_description=\"missing permission(s): inventory:write\", scope=\"inventory:write\"");
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json().path("title").asText()).isEqualTo("Forbidden");
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void takesIdentityOnlyFromTheToken() {
    Reply noToken = send("GET", items, null, "X-User-Id", bob, "X-Gatehouse-Subject", bob);
    Reply withHeader = send("POST", items + "/sku-1/reserve", "{\"quantity\": 1}", "Content-Type", JSON,
        "Authorization", bearer(auth.userToken(bobKey, "inventory")), "X-User-Id", "alice");

    assertThat(noToken.status()).isEqualTo(401);
    assertThat(withHeader.status()).isEqualTo(403);
  }

  @Test
  void closeFreesThePort() throws Exception {
    int port = inventory.port();

    inventory.close();

    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void settingsReportEveryProblemAtOnce() {
    assertThatThrownBy(() -> InventorySettings.builder().port(70000).issuer("ftp://x").audience(" ")
        .items(List.of(new Item("sku 1", "Mug", 1))).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("port must be between 0 and 65535, was: 70000",
            "issuer must be an absolute http or https URL, was: ftp://x", "audience must not be blank",
            "item sku must match");
    assertThatThrownBy(() -> InventorySettings.builder().build()).hasMessageContaining("issuer must be");
  }

  @Test
  void mainTakesSettingsFromArgumentsOverEnvironment() {
    InventorySettings settings = InventoryMain.settings(new String[] {"--port", "7102", "--audience=stock"},
        Map.of("INVENTORY_PORT", "7202", "AUTH_URL", "http://auth.test:9000"));

    assertThat(settings.port()).isEqualTo(7102);
    assertThat(settings.audience()).isEqualTo("stock");
    assertThat(settings.issuer()).isEqualTo("http://auth.test:9000");
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> InventoryMain.settings(new String[] {"--color", "red"}, Map.of()))
        .hasMessageContaining("unknown argument --color");
  }
}
