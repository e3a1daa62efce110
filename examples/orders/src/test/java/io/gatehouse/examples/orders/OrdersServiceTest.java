package io.gatehouse.examples.orders;

import static io.gatehouse.examples.orders.Http.bearer;
import static io.gatehouse.examples.orders.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.examples.inventory.InventoryService;
import io.gatehouse.examples.inventory.InventorySettings;
import io.gatehouse.examples.orders.Http.Reply;
import io.gatehouse.examples.testauth.MutableClock;
import io.gatehouse.examples.testauth.TestAuthServer;
import io.gatehouse.examples.testauth.TestAuthServer.Credentials;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orders service with a real inventory service and a real auth service, over HTTP, with real
 * tokens: users' tokens from the API-key exchange, the service's own from client credentials.
 */
class OrdersServiceTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.now());
  private static final String JSON = "application/json";

  @TempDir static Path dataDir;
  private static TestAuthServer auth;
  private static String alice;
  private static String bob;
  private static String aliceKey;
  private static String aliceWriteOnlyKey;
  private static String bobKey;
  private static String carolKey;
  private static Credentials ordersService;
  private static Credentials ordersWithoutInventoryWrite;
  private static Credentials stockChecker;

  private InventoryService inventory;
  private OrdersService orders;
  private String ordersUrl;

  @BeforeAll
  static void startAuth() {
    auth = TestAuthServer.start(dataDir, CLOCK);
    auth.createRole("shopper", "orders:read", "orders:write");
    auth.createRole("order-viewer", "orders:read");
    alice = auth.createUser("alice", "shopper");
    bob = auth.createUser("bob", "shopper");
    String carol = auth.createUser("carol", "order-viewer");
    aliceKey = auth.createApiKey(alice, "orders:read", "orders:write");
    aliceWriteOnlyKey = auth.createApiKey(alice, "orders:write");
    bobKey = auth.createApiKey(bob, "orders:read", "orders:write");
    carolKey = auth.createApiKey(carol, "orders:read");
    List<String> clientCredentials = List.of(TestAuthServer.CLIENT_CREDENTIALS);
    ordersService = auth.createClient("orders-service", clientCredentials, List.of("inventory:write"),
        List.of("inventory"));
    ordersWithoutInventoryWrite = auth.createClient("orders-misconfigured", clientCredentials,
        List.of("inventory:read"), List.of("inventory"));
    stockChecker = auth.createClient("stock-checker", clientCredentials, List.of("inventory:read"),
        List.of("inventory"));
    auth.userToken(aliceKey, "orders"); // creates the exchanging client now, not in the middle of a test
  }

  @AfterAll
  static void stopAuth() {
    auth.close();
  }

  @BeforeEach
  void startServices() {
    inventory = InventoryService.start(InventorySettings.builder().port(0).issuer(auth.issuer()).clock(CLOCK).build());
    orders = startOrders(ordersService);
    ordersUrl = orders.baseUrl() + "/orders";
  }

  private OrdersService startOrders(Credentials client) {
    return OrdersService.start(OrdersSettings.builder().port(0).issuer(auth.issuer())
        .inventoryUrl(inventory.baseUrl()).clientId(client.id()).clientSecret(client.secret()).clock(CLOCK).build());
  }

  @AfterEach
  void stopServices() {
    orders.close();
    inventory.close();
  }

  private static String user(String apiKey) {
    return bearer(auth.userToken(apiKey, "orders"));
  }

  private Reply order(String authorization, String sku, int quantity, String... headers) {
    return order(ordersUrl, authorization, sku, quantity, headers);
  }

  private static Reply order(String url, String authorization, String sku, int quantity, String... headers) {
    String[] all = new String[headers.length + 4];
    System.arraycopy(new String[] {"Authorization", authorization, "Content-Type", JSON}, 0, all, 0, 4);
    System.arraycopy(headers, 0, all, 4, headers.length);
    return send("POST", url, "{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}", all);
  }

  private JsonNode ordersOf(String authorization, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = authorization;
    System.arraycopy(headers, 0, all, 2, headers.length);
    Reply reply = send("GET", ordersUrl, null, all);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("items");
  }

  private int available(String sku) {
    Reply reply = send("GET", inventory.baseUrl() + "/inventory/items", null,
        "Authorization", bearer(auth.clientToken(stockChecker, "inventory")));
    for (JsonNode item : reply.json().path("items")) {
      if (item.path("sku").asText().equals(sku)) {
        return item.path("available").asInt();
      }
    }
    throw new AssertionError("no item " + sku + " in " + reply.body());
  }

  @Test
  void createsAnOrderForTheCallerAfterReservingTheStock() {
    Reply reply = order(user(aliceKey), "sku-1", 2);

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.header("Content-Type")).isEqualTo(JSON);
    JsonNode created = reply.json();
    assertThat(created.path("id").asText()).startsWith("ord_");
    assertThat(created.path("owner").asText()).isEqualTo(alice);
    assertThat(created.path("sku").asText()).isEqualTo("sku-1");
    assertThat(created.path("quantity").asInt()).isEqualTo(2);
    assertThat(created.path("created_at").asText()).isEqualTo(CLOCK.instant().toString());
    assertThat(available("sku-1")).isEqualTo(8);
    assertThat(ordersOf(user(aliceKey))).containsExactly(created);
  }

  @Test
  void showsEachCallerOnlyTheirOwnOrders() {
    String aliceOrder = order(user(aliceKey), "sku-1", 1).json().path("id").asText();
    String bobOrder = order(user(bobKey), "sku-2", 1).json().path("id").asText();

    assertThat(ordersOf(user(aliceKey))).extracting(o -> o.path("id").asText()).containsExactly(aliceOrder);
    assertThat(ordersOf(user(bobKey))).extracting(o -> o.path("id").asText()).containsExactly(bobOrder);
    assertThat(ordersOf(user(carolKey))).isEmpty();
  }

  @Test
  void takesTheCallerFromTheTokenNeverFromAnIdentityHeader() {
    order(user(aliceKey), "sku-1", 1);

    Reply spoofed = order(user(bobKey), "sku-1", 1, "X-User-Id", alice, "X-Gatehouse-Subject", alice);
    Reply noToken = send("GET", ordersUrl, null, "X-User-Id", alice);

    assertThat(spoofed.status()).isEqualTo(201);
    assertThat(spoofed.json().path("owner").asText()).isEqualTo(bob);
    assertThat(ordersOf(user(bobKey), "X-User-Id", alice)).extracting(o -> o.path("owner").asText())
        .containsExactly(bob);
    assertThat(ordersOf(user(aliceKey), "X-User-Id", bob)).extracting(o -> o.path("owner").asText())
        .containsExactly(alice);
    assertThat(noToken.status()).isEqualTo(401);
  }

  @Test
  void passesOnNotEnoughStockAs409AndCreatesNoOrder() {
    Reply reply = order(user(aliceKey), "sku-1", 11);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json().path("detail").asText()).isEqualTo("not enough stock of sku-1: 10 available, 11 asked");
    assertThat(ordersOf(user(aliceKey))).isEmpty();
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void answersAnUnknownSkuWith422() {
    Reply reply = order(user(aliceKey), "sku-404", 1);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().path("detail").asText()).isEqualTo("inventory has no item sku-404");
    assertThat(ordersOf(user(aliceKey))).isEmpty();
  }

  @Test
  void answers503AndCreatesNoOrderWhenInventoryIsDown() {
    inventory.close();

    Reply reply = order(user(aliceKey), "sku-1", 1);

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).isEqualTo("5");
    assertThat(reply.json().path("detail").asText()).isEqualTo("inventory is unreachable; try again later");
    assertThat(ordersOf(user(aliceKey))).isEmpty();
  }

  @Test
  void answers502WhenInventoryRefusesTheServicesOwnToken() {
    try (OrdersService misconfigured = startOrders(ordersWithoutInventoryWrite)) {
      Reply reply = order(misconfigured.baseUrl() + "/orders", user(aliceKey), "sku-1", 1);

      assertThat(reply.status()).isEqualTo(502);
      assertThat(reply.json().path("detail").asText()).isEqualTo("inventory refused the reservation (HTTP 403)");
    }
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void answers503WhenTheAuthServiceRefusesTheServicesCredentials() {
    try (OrdersService wrongSecret = startOrders(new Credentials(ordersService.id(), "not-the-secret"))) {
      Reply reply = order(wrongSecret.baseUrl() + "/orders", user(aliceKey), "sku-1", 1);

      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.json().path("detail").asText())
          .isEqualTo("cannot get a token to call inventory; try again later");
    }
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void reusesItsInventoryTokenUntilShortlyBeforeItExpires() {
    String user = user(aliceKey);
    long before = auth.tokensIssued("client_credentials");

    order(user, "sku-1", 1);
    order(user, "sku-1", 1);
    assertThat(auth.tokensIssued("client_credentials")).isEqualTo(before + 1);

    CLOCK.advance(Duration.ofMinutes(14)); // the token lives 15 min and is renewed 30 s before
    order(user(aliceKey), "sku-1", 1);
    assertThat(auth.tokensIssued("client_credentials")).isEqualTo(before + 1);

    CLOCK.advance(Duration.ofSeconds(31));
    Reply reply = order(user(aliceKey), "sku-1", 1);
    assertThat(reply.status()).isEqualTo(201);
    assertThat(auth.tokensIssued("client_credentials")).isEqualTo(before + 2);
    assertThat(available("sku-1")).isEqualTo(6);
  }

  @Test
  void replacesItsTokenOnceWhenInventoryRejectsIt() {
    // Inventory's clock runs 2 min ahead, so it finds the cached token expired before orders
    // renews it: the 401 must make orders fetch a new token and try again.
    try (InventoryService ahead = InventoryService.start(InventorySettings.builder().port(0).issuer(auth.issuer())
        .clock(Clock.offset(CLOCK, Duration.ofMinutes(2))).build());
        OrdersService toAhead = OrdersService.start(OrdersSettings.builder().port(0).issuer(auth.issuer())
            .inventoryUrl(ahead.baseUrl()).clientSecret(ordersService.secret()).clock(CLOCK).build())) {
      String url = toAhead.baseUrl() + "/orders";
      assertThat(order(url, user(aliceKey), "sku-1", 1).status()).isEqualTo(201);
      CLOCK.advance(Duration.ofMinutes(14).plusSeconds(20));
      long before = auth.tokensIssued("client_credentials");

      Reply reply = order(url, user(aliceKey), "sku-1", 1);

      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      assertThat(auth.tokensIssued("client_credentials")).isEqualTo(before + 1);
    }
  }

  @Test
  void withoutATokenAnswers401WithABareChallenge() {
    Reply reply = send("GET", ordersUrl, null);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"orders\"");
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(reply.json().path("status").asInt()).isEqualTo(401);
  }

  @Test
  void rejectsAMalformedToken() {
    Reply reply = send("GET", ordersUrl, null, "Authorization", "Bearer not.a.token");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer realm=\"orders\", error=\"invalid_token\"");
  }

  @Test
  void rejectsAnExpiredToken() {
    String token = user(aliceKey);
    CLOCK.advance(Duration.ofMinutes(6));

    Reply reply = order(token, "sku-1", 1);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"orders\", error=\"invalid_token\", "
        + "error_description=\"the token has expired\"");
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void rejectsATokenForInventory() {
    Reply reply = send("GET", ordersUrl, null, "Authorization", bearer(auth.userToken(aliceKey, "inventory")));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).contains("the token is not meant for this service");
  }

  @Test
  void answers403WithoutOrdersWrite() {
    Reply reply = order(user(carolKey), "sku-1", 1);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"orders\", error=\"insufficient_scope\", "
        + "error_description=\"missing permission(s): orders:write\", scope=\"orders:write\"");
    assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void answers403WithoutOrdersRead() {
    Reply reply = send("GET", ordersUrl, null, "Authorization", user(aliceWriteOnlyKey));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"", "scope=\"orders:read\"");
  }

  @Test
  void refusesBadBodies() {
    String user = user(aliceKey);

    assertThat(send("POST", ordersUrl, "{\"sku\": \"sku-1\"}", "Authorization", user, "Content-Type", JSON)
        .status()).isEqualTo(400);
    assertThat(send("POST", ordersUrl, "{\"sku\": \"a/b\", \"quantity\": 1}", "Authorization", user,
        "Content-Type", JSON).status()).isEqualTo(400);
    assertThat(send("POST", ordersUrl, "[1]", "Authorization", user, "Content-Type", JSON).status()).isEqualTo(400);
    assertThat(send("POST", ordersUrl, "{\"sku\": \"sku-1\", \"quantity\": 1}", "Authorization", user,
        "Content-Type", "text/plain").status()).isEqualTo(415);
    assertThat(available("sku-1")).isEqualTo(10);
  }

  @Test
  void answersOtherPathsWith404AndOtherMethodsWith405() {
    String user = user(aliceKey);

    assertThat(send("GET", orders.baseUrl() + "/elsewhere", null, "Authorization", user).status()).isEqualTo(404);
    Reply delete = send("DELETE", ordersUrl, null, "Authorization", user);
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).isEqualTo("GET, POST");
  }

  @Test
  void closeFreesThePort() throws Exception {
    int port = orders.port();

    orders.close();

    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void settingsReportEveryProblemAtOnceAndNeverShowTheSecret() {
    assertThatThrownBy(() -> OrdersSettings.builder().port(-1).issuer("not a url").inventoryUrl("ftp://x")
        .clientId("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll("port must be between 0 and 65535, was: -1", "issuer must be an absolute",
            "inventory url must be an absolute http or https URL, was: ftp://x", "client id must not be blank",
            "client secret must be set");
    OrdersSettings settings = OrdersSettings.builder().issuer("http://127.0.0.1:9000/").clientSecret("s3cret-value")
        .build();
    assertThat(settings.toString()).doesNotContain("s3cret-value").contains("clientSecret=(redacted)");
    assertThat(settings.issuer()).isEqualTo("http://127.0.0.1:9000");
    assertThat(settings.port()).isEqualTo(7001);
    assertThat(settings.inventoryUrl()).isEqualTo("http://127.0.0.1:7002");
    assertThat(settings.clientId()).isEqualTo("orders-service");
  }

  @Test
  void mainTakesTheSecretOnlyFromTheEnvironment() {
    OrdersSettings settings = OrdersMain.settings(new String[] {"--port=7101", "--inventory-url", "http://inv:7002"},
        Map.of("ORDERS_PORT", "7201", "ORDERS_CLIENT_SECRET", "from-env", "AUTH_URL", "http://auth:9000"));

    assertThat(settings.port()).isEqualTo(7101);
    assertThat(settings.inventoryUrl()).isEqualTo("http://inv:7002");
    assertThat(settings.issuer()).isEqualTo("http://auth:9000");
    assertThat(settings.clientSecret()).isEqualTo("from-env");
    assertThatThrownBy(() -> OrdersMain.settings(new String[] {"--client-secret", "x"}, Map.of()))
        .hasMessageContaining("unknown argument --client-secret");
  }
}
