package io.gatehouse.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.keys.KeySettings;
import io.gatehouse.auth.oauth.GrantTypes;
import io.gatehouse.auth.oauth.TokenSettings;
import io.gatehouse.auth.store.MutableClock;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.sdk.TokenVerifier;
import io.gatehouse.token.TokenType;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the end-to-end suites ({@link H2AuthServiceTest}, {@link PostgresAuthServiceTest}): a real
 * {@link AuthService} per test on an empty database, reached over HTTP with {@link HttpClient}, its
 * tokens checked with the {@code sdk} the way a microservice would. Time is a {@link MutableClock}
 * shared by the service and the verifiers, so expiry is tested by moving it.
 */
abstract class AuthServiceContract {
  static final String ADMIN_SECRET = "admin-secret-of-the-e2e-tests-0123456789";
  static final Creds ADMIN = new Creds("admin", ADMIN_SECRET);
  /** An audience configured with {@code token-type: jwt}. */
  static final String JWT_AUDIENCE = "legacy";
  static final Duration JWKS_MAX_AGE = Duration.ofMinutes(5);
  static final String PASSWORD = "correct horse battery staple";

  private final ServiceDatabase db;
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;
  MutableClock clock;
  EventLoops loops;
  AuthService service;
  String authUrl;
  String adminUrl;
  private String adminToken;

  /**
   * A client's credentials.
   *
   * @param id client_id
   * @param secret client_secret
   */
  record Creds(String id, String secret) {}

  AuthServiceContract(ServiceDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void startService() {
    db.reset();
    clock = new MutableClock(Instant.now());
    loops = EventLoops.create(1);
    start(settings(Optional.of(ADMIN_SECRET)), Map.of());
  }

  @AfterEach
  void stopService() throws Exception {
    for (AutoCloseable resource : cleanup.reversed()) {
      resource.close();
    }
    stop();
    loops.close();
  }

  /**
   * Settings on this test's data directory and database. The issuer must be the URL clients use,
   * so the auth listener gets a port chosen here; the admin listener takes an ephemeral one.
   */
  AuthSettings settings(Optional<String> adminSecret) {
    int authPort = freePort();
    TokenSettings tokens = new TokenSettings("http://127.0.0.1:" + authPort, Duration.ofMinutes(15),
        Duration.ofMinutes(5), Duration.ofDays(30), Map.of(JWT_AUDIENCE, TokenType.JWT), Duration.ofSeconds(30));
    KeySettings keys = new KeySettings(SigningAlgorithm.ES256, Duration.ofDays(30), JWKS_MAX_AGE,
        Duration.ofMinutes(15).plusSeconds(30), Duration.ofMinutes(1));
    return new AuthSettings(dataDir, db.settings(), new AuthSettings.Listener("127.0.0.1", authPort),
        new AuthSettings.Listener("127.0.0.1", 0), keys, tokens, adminSecret);
  }

  /** Starts a service (after {@link #stop()} of the previous one). */
  AuthService start(AuthSettings settings, Map<String, String> env) {
    service = AuthService.start(settings, loops, new SimpleMeterRegistry(), new Readiness(), AuthChanges.NONE, env,
        clock);
    authUrl = service.authListener().baseUrl();
    adminUrl = service.adminListener().baseUrl();
    assertThat(authUrl).isEqualTo(settings.tokens().issuer());
    adminToken = null;
    return service;
  }

  void stop() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  /** Stops the service and empties its database and data directory, as before a first start. */
  void wipe() throws IOException {
    stop();
    db.reset();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(dataDir)).forEach(path -> path.toFile().delete());
    }
  }

  // ---- HTTP

  Reply get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  Reply send(HttpRequest.Builder request) {
    try {
      return Reply.of(http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A form POST to the auth listener, with {@code client_secret_basic} when {@code client} is given. */
  Reply postForm(String path, Creds client, String... pairs) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(authUrl + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(pairs)));
    if (client != null) {
      request.header("Authorization", basic(client));
    }
    return send(request);
  }

  Reply token(Creds client, String... pairs) {
    return postForm("/oauth2/token", client, pairs);
  }

  Reply introspect(Creds client, String token) {
    return postForm("/oauth2/introspect", client, "token", token);
  }

  Reply revoke(Creds client, String token) {
    return postForm("/oauth2/revoke", client, "token", token);
  }

  /** A client_credentials access token; extra form parameters may follow. */
  String accessToken(Creds client, String... pairs) {
    List<String> all = new ArrayList<>(List.of("grant_type", GrantTypes.CLIENT_CREDENTIALS));
    all.addAll(List.of(pairs));
    return token(client, all.toArray(String[]::new)).expect(200).path("access_token").asText();
  }

  String adminToken() {
    if (adminToken == null) {
      adminToken = accessToken(ADMIN);
    }
    return adminToken;
  }

  /** A JSON call to {@code /admin/v1<path>} with the bootstrap admin's token. */
  Reply admin(String method, String path, Object body) {
    return adminAs(adminToken(), method, path, body);
  }

  Reply admin(String method, String path) {
    return admin(method, path, null);
  }

  /** A JSON call to the admin API with this bearer token (none when null). */
  Reply adminAs(String bearer, String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + "/admin/v1" + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  // ---- admin shortcuts

  JsonNode createRole(String name, String... permissions) {
    return admin("POST", "/roles", Map.of("name", name, "permissions", List.of(permissions))).expect(201);
  }

  /** Creates a user and returns the id. */
  String createUser(String username, String... roles) {
    return admin("POST", "/users", Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
        .expect(201).path("id").asText();
  }

  /** Creates an API key; the answer holds {@code id} and {@code key}. */
  JsonNode createKey(String userId, String... scopes) {
    return admin("POST", "/users/" + userId + "/api-keys", Map.of("name", "key", "scopes", List.of(scopes)))
        .expect(201);
  }

  Creds createClient(String clientId, List<String> grants, List<String> permissions, List<String> audiences) {
    JsonNode created = admin("POST", "/clients", Map.of("client_id", clientId, "grants", grants,
        "permissions", permissions, "audiences", audiences)).expect(201);
    return new Creds(created.path("client_id").asText(), created.path("client_secret").asText());
  }

  /** The gateway's client: token exchange for the audiences {@code orders} and {@code inventory}. */
  Creds gateway() {
    return createClient("gateway", List.of(GrantTypes.TOKEN_EXCHANGE), List.of(), List.of("orders", "inventory"));
  }

  /** The gateway's call: exchange an API key for a token for {@code audience} (none when null). */
  Reply exchange(Creds client, String apiKey, String audience) {
    List<String> pairs = new ArrayList<>(List.of("grant_type", GrantTypes.TOKEN_EXCHANGE, "subject_token", apiKey,
        "subject_token_type", GrantTypes.API_KEY_TOKEN_TYPE));
    if (audience != null) {
      pairs.addAll(List.of("audience", audience));
    }
    return token(client, pairs.toArray(String[]::new));
  }

  /** What a microservice for {@code audience} would use: discovery from the issuer, JWKS, this test's clock. */
  TokenVerifier verifier(String audience) {
    return verifier(audience, TokenType.AT_JWT);
  }

  TokenVerifier verifier(String audience, TokenType type) {
    TokenVerifier verifier = TokenVerifier.builder().issuer(authUrl).audience(audience).tokenType(type).clock(clock)
        .build();
    cleanup.add(verifier);
    return verifier;
  }

  // ---- encoding

  static JsonNode jwtHeader(String jwt) {
    return jwtPart(jwt, 0);
  }

  static JsonNode jwtClaims(String jwt) {
    return jwtPart(jwt, 1);
  }

  private static JsonNode jwtPart(String jwt, int index) {
    try {
      return Reply.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String basic(Creds client) {
    String pair = encode(client.id()) + ":" + encode(client.secret());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  static String form(String... pairs) {
    StringJoiner joined = new StringJoiner("&");
    for (int i = 0; i < pairs.length; i += 2) {
      joined.add(encode(pairs[i]) + "=" + encode(pairs[i + 1]));
    }
    return joined.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String json(Object value) {
    try {
      return Reply.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
