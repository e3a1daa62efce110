package io.gatehouse.examples.testauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.auth.AuthService;
import io.gatehouse.auth.AuthSettings;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.keys.KeySettings;
import io.gatehouse.auth.oauth.TokenSettings;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.micrometer.core.instrument.Counter;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The real auth service on embedded H2 in {@code dataDir}, with the shortcuts the sample services'
 * tests need: create roles, users, API keys and clients through the admin API, and get tokens from
 * the token endpoint ({@code client_credentials}, and the gateway's API-key exchange for user tokens).
 */
public final class TestAuthServer implements AutoCloseable {
  /** Grant type of the client-credentials grant. */
  public static final String CLIENT_CREDENTIALS = "client_credentials";
  /** Grant type of RFC 8693 token exchange. */
  public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String API_KEY_TOKEN_TYPE = "urn:gatehouse:token-type:api-key";
  private static final String ADMIN_SECRET = "admin-secret-of-the-example-tests-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventLoops loops = EventLoops.create(1);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AuthService service;
  private final String issuer;
  private final String adminUrl;
  private final Credentials admin = new Credentials("admin", ADMIN_SECRET);
  private Credentials gateway;

  /**
   * A client's credentials.
   *
   * @param id client_id
   * @param secret client_secret
   */
  public record Credentials(String id, String secret) {
    @Override
    public String toString() {
      return "Credentials[" + id + "]";
    }
  }

  private TestAuthServer(Path dataDir, Clock clock) {
    // The issuer must be the URL clients use, so the auth listener gets a port chosen up front.
    int port = freePort();
    issuer = "http://127.0.0.1:" + port;
    TokenSettings tokens = new TokenSettings(issuer, Duration.ofMinutes(15), Duration.ofMinutes(5),
        Duration.ofDays(30), Map.of(), Duration.ofSeconds(30));
    KeySettings keys = new KeySettings(SigningAlgorithm.ES256, Duration.ofDays(30), Duration.ofMinutes(5),
        Duration.ofMinutes(15).plusSeconds(30), Duration.ofMinutes(1));
    AuthSettings settings = new AuthSettings(dataDir, Optional.empty(), new AuthSettings.Listener("127.0.0.1", port),
        new AuthSettings.Listener("127.0.0.1", 0), keys, tokens, Optional.of(ADMIN_SECRET));
    try {
      service = AuthService.start(settings, loops, registry, new Readiness(), AuthChanges.NONE, Map.of(), clock);
    } catch (RuntimeException e) {
      loops.close();
      throw e;
    }
    adminUrl = service.adminListener().baseUrl();
  }

  /** Starts an auth service on an empty H2 store in {@code dataDir}; client tokens live 15 min, user tokens 5 min. */
  public static TestAuthServer start(Path dataDir, Clock clock) {
    return new TestAuthServer(dataDir, clock);
  }

  /** The issuer, which is also the auth listener's base URL. */
  public String issuer() {
    return issuer;
  }

  /** Creates a role with these permissions. */
  public void createRole(String name, String... permissions) {
    admin("POST", "/roles", Map.of("name", name, "permissions", List.of(permissions)));
  }

  /** Creates a user with these roles and returns the user id (the {@code sub} of their tokens). */
  public String createUser(String username, String... roles) {
    return admin("POST", "/users", Map.of("username", username, "password", "correct horse battery staple",
        "roles", List.of(roles))).path("id").asText();
  }

  /** Creates an API key for a user with these scopes and returns the key. */
  public String createApiKey(String userId, String... scopes) {
    return admin("POST", "/users/" + userId + "/api-keys", Map.of("name", "test", "scopes", List.of(scopes)))
        .path("key").asText();
  }

  /** Creates a client and returns its credentials. */
  public Credentials createClient(String clientId, List<String> grants, List<String> permissions,
      List<String> audiences) {
    JsonNode created = admin("POST", "/clients", Map.of("client_id", clientId, "grants", grants,
        "permissions", permissions, "audiences", audiences));
    return new Credentials(created.path("client_id").asText(), created.path("client_secret").asText());
  }

  /** A {@code client_credentials} token of {@code client} for {@code audience}. */
  public String clientToken(Credentials client, String audience) {
    return accessToken(client, "grant_type", CLIENT_CREDENTIALS, "audience", audience);
  }

  /**
   * A user's token for {@code audience}, as the gateway gets it: the user's API key exchanged by a
   * client holding the token-exchange grant ({@code sub} = the user id, lifetime 5 min).
   */
  public String userToken(String apiKey, String audience) {
    if (gateway == null) {
      gateway = createClient("test-gateway", List.of(TOKEN_EXCHANGE), List.of(), List.of("orders", "inventory"));
    }
    return accessToken(gateway, "grant_type", TOKEN_EXCHANGE, "subject_token", apiKey,
        "subject_token_type", API_KEY_TOKEN_TYPE, "audience", audience);
  }

  /** Access tokens issued so far for a grant ({@code client_credentials}, {@code token_exchange}, ...). */
  public long tokensIssued(String grant) {
    Counter counter = registry.find("gatehouse.auth.tokens.issued").tag("grant", grant).counter();
    return counter == null ? 0 : (long) counter.count();
  }

  private String accessToken(Credentials client, String... pairs) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", basic(client))
        .POST(HttpRequest.BodyPublishers.ofString(form(pairs)))
        .build();
    return expect(200, request).path("access_token").asText();
  }

  private JsonNode admin(String method, String path, Object body) {
    String token = accessToken(admin, "grant_type", CLIENT_CREDENTIALS);
    HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl + "/admin/v1" + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .method(method, HttpRequest.BodyPublishers.ofString(json(body)))
        .build();
    return expect(201, request);
  }

  private JsonNode expect(int status, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != status) {
        throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(Credentials client) {
    String pair = encode(client.id()) + ":" + encode(client.secret());
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String form(String... pairs) {
    StringJoiner joined = new StringJoiner("&");
    for (int i = 0; i < pairs.length; i += 2) {
      joined.add(encode(pairs[i]) + "=" + encode(pairs[i + 1]));
    }
    return joined.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the service and its event loop. */
  @Override
  public void close() {
    try {
      service.close();
    } finally {
      loops.close();
    }
  }
}
