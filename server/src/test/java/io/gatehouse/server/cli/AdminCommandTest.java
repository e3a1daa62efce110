package io.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.auth.AuthService;
import io.gatehouse.auth.AuthSettings;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.keys.KeySettings;
import io.gatehouse.auth.oauth.TokenSettings;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse admin …} in-process against a real auth service (embedded H2, ephemeral ports). */
class AdminCommandTest {
  private static final String SECRET = "admin-secret-of-the-cli-test-0123456789";

  @TempDir Path dataDir;
  private EventLoops loops;
  private AuthService auth;

  @BeforeEach
  void startAuth() throws IOException {
    int authPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      authPort = socket.getLocalPort();
    }
    AuthSettings settings = new AuthSettings(dataDir, Optional.empty(),
        new AuthSettings.Listener("127.0.0.1", authPort), new AuthSettings.Listener("127.0.0.1", 0),
        new KeySettings(SigningAlgorithm.ES256, Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofMinutes(20),
            Duration.ofMinutes(1)),
        new TokenSettings("http://127.0.0.1:" + authPort, Duration.ofMinutes(15), Duration.ofMinutes(5),
            Duration.ofDays(30), Map.of(), Duration.ofSeconds(30)),
        Optional.of(SECRET));
    loops = EventLoops.create(1);
    auth = AuthService.start(settings, loops, new SimpleMeterRegistry(), new Readiness(), AuthChanges.NONE, Map.of(),
        Clock.systemUTC());
  }

  @AfterEach
  void stopAuth() {
    auth.close();
    loops.close();
  }

  @Test
  void createsARoleAUserAndAnApiKey() throws Exception {
    CommandRun role = admin("create-role", "orders-reader", "--permission", "orders:read,orders:list");
    assertThat(role.exitCode()).as(role.err()).isZero();
    JsonNode roleJson = Json.mapper().readTree(role.out());
    assertThat(roleJson.path("name").asText()).isEqualTo("orders-reader");
    assertThat(texts(roleJson.path("permissions"))).containsExactly("orders:list", "orders:read");

    CommandRun user = admin("create-user", "alice", "--password", "correct horse battery staple",
        "--role", "orders-reader");
    assertThat(user.exitCode()).as(user.err()).isZero();
    JsonNode userJson = Json.mapper().readTree(user.out());
    String userId = userJson.path("id").asText();
    assertThat(userId).isNotBlank();
    assertThat(userJson.path("username").asText()).isEqualTo("alice");
    assertThat(texts(userJson.path("roles"))).containsExactly("orders-reader");
    assertThat(user.out()).doesNotContain("correct horse");

    CommandRun key = admin("create-api-key", userId, "--name", "ci", "--scope", "orders:read", "--expires-in", "3600");
    assertThat(key.exitCode()).as(key.err()).isZero();
    JsonNode keyJson = Json.mapper().readTree(key.out());
    assertThat(keyJson.path("key").asText()).hasSize(50).startsWith("gh_" + keyJson.path("id").asText() + "_");
    assertThat(texts(keyJson.path("scopes"))).containsExactly("orders:read");
    assertThat(keyJson.path("expires_at").asText()).isNotBlank();

    CommandRun listed = admin("list-api-keys", userId);
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(Json.mapper().readTree(listed.out()).path("items").findValuesAsText("id"))
        .containsExactly(keyJson.path("id").asText());
    assertThat(listed.out()).doesNotContain(keyJson.path("key").asText());
  }

  @Test
  void failsWithExitOneAndTheReasonWhenTheAdminApiRefuses() {
    CommandRun wrongSecret = CommandRun.of("admin", "create-role", "x", "--admin-url", auth.adminListener().baseUrl(),
        "--auth-url", auth.authListener().baseUrl(), "--client-secret", "not-the-secret");
    CommandRun unknownRole = admin("create-user", "bob", "--password", "correct horse battery staple",
        "--role", "no-such-role");

    assertThat(wrongSecret.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(wrongSecret.err()).contains("cannot get an admin token", "HTTP 401");
    assertThat(unknownRole.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(unknownRole.err()).contains("POST /users failed: HTTP 400", "no-such-role");
  }

  private CommandRun admin(String... args) {
    List<String> all = new ArrayList<>(List.of("admin"));
    all.addAll(List.of(args));
    all.addAll(List.of("--admin-url", auth.adminListener().baseUrl(), "--auth-url", auth.authListener().baseUrl(),
        "--client-secret", SECRET));
    return CommandRun.of(all.toArray(String[]::new));
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
