package io.gatehouse.sdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.TokenVerifier;
import io.gatehouse.sdk.fixture.MutableClock;
import io.gatehouse.sdk.fixture.TestIssuer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatehouseAuthFilterTest {
  private static final Duration LIFETIME = Duration.ofMinutes(5);
  /** RFC 6750 challenge: auth-params whose quoted strings hold no quote, backslash or control character. */
  private static final String WELL_FORMED_CHALLENGE =
      "Bearer realm=\"orders\"(, [a-z_]+=\"[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*\")*";

  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final TestIssuer issuer = TestIssuer.start(clock);
  private final TestIssuer downIssuer = TestIssuer.start(clock);
  private final HttpClient client = HttpClient.newHttpClient();
  private TokenVerifier verifier;
  private TokenVerifier downVerifier;
  private Server server;
  private String base;

  /** Answers with the principal's subject and permissions; {@code /api/admin} requires more. */
  private static final class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Principal principal = GatehouseAuthFilter.principal(request).orElseThrow();
      if (request.getRequestURI().equals("/api/admin")) {
        principal.require("orders:admin");
      }
      if (request.getRequestURI().equals("/api/odd")) {
        principal.require("say \"hi\"\\\r\n");
      }
      response.getWriter().print(principal.subject() + " " + String.join(",", principal.permissions()));
    }
  }

  @BeforeEach
  void start() throws Exception {
    verifier = TokenVerifier.builder().issuer(issuer.issuer()).audience(TestIssuer.AUDIENCE).clock(clock).build();
    downVerifier = TokenVerifier.builder().issuer(downIssuer.issuer()).audience(TestIssuer.AUDIENCE).build();
    downIssuer.close();
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    addFilter(context, GatehouseAuthFilter.builder().verifier(verifier).realm("orders").build(), "/api/*");
    addFilter(context, GatehouseAuthFilter.builder().verifier(verifier).realm("orders")
        .requirePermissions("orders:write").build(), "/write/*");
    addFilter(context, GatehouseAuthFilter.builder().verifier(downVerifier).realm("orders").build(), "/down/*");
    context.addServlet(new ServletHolder(new EchoServlet()), "/*");
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    base = "http://127.0.0.1:" + connector.getLocalPort();
  }

  private static void addFilter(ServletContextHandler context, GatehouseAuthFilter filter, String path) {
    context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    verifier.close();
    downVerifier.close();
    issuer.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String bearer(String... permissions) {
    return "Bearer " + issuer.mint(LIFETIME, permissions);
  }

  private static String challenge(HttpResponse<String> response) {
    return response.headers().firstValue("WWW-Authenticate").orElse("");
  }

  @Test
  void validTokenReachesTheServletWithItsPrincipal() throws Exception {
    HttpResponse<String> response = get("/api/orders", "Authorization", bearer("orders:read"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("alice orders:read");
  }

  @Test
  void missingTokenGets401WithABareChallengeAndProblemJson() throws Exception {
    HttpResponse<String> response = get("/api/orders");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(challenge(response)).isEqualTo("Bearer realm=\"orders\"");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
        + "\"detail\":\"a bearer token is required\"}");
  }

  @Test
  void otherSchemeCountsAsMissingCredential() throws Exception {
    HttpResponse<String> response = get("/api/orders", "Authorization", "Basic YWxpY2U6c2VjcmV0");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(challenge(response)).isEqualTo("Bearer realm=\"orders\"");
  }

  @Test
  void badTokenGets401InvalidTokenWithoutEchoingIt() throws Exception {
    String token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJlIg";

    HttpResponse<String> response = get("/api/orders", "Authorization", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(challenge(response)).isEqualTo("Bearer realm=\"orders\", error=\"invalid_token\", "
        + "error_description=\"the token's signing algorithm is not accepted\"");
    assertThat(response.body()).contains("\"status\":401").doesNotContain(token.substring(0, 20));
  }

  @Test
  void expiredTokenGets401InvalidToken() throws Exception {
    String token = issuer.mint(LIFETIME);
    clock.advance(Duration.ofHours(1));

    HttpResponse<String> response = get("/api/orders", "Authorization", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(challenge(response)).contains("error=\"invalid_token\"", "error_description=\"the token has expired\"");
  }

  @Test
  void twoAuthorizationHeadersAreMalformed() throws Exception {
    String token = issuer.mint(LIFETIME);

    HttpResponse<String> response = get("/api/orders", "Authorization", "Bearer " + token,
        "Authorization", "Bearer " + token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(challenge(response)).contains("error=\"invalid_token\"", "the token is malformed");
  }

  @Test
  void missingFilterPermissionGets403InsufficientScope() throws Exception {
    HttpResponse<String> response = get("/write/orders", "Authorization", bearer("orders:read"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(challenge(response)).isEqualTo("Bearer realm=\"orders\", error=\"insufficient_scope\", "
        + "error_description=\"missing permission(s): orders:write\", scope=\"orders:write\"");
    assertThat(response.body()).contains("\"title\":\"Forbidden\"", "\"status\":403");
  }

  @Test
  void filterPermissionHeldReachesTheServlet() throws Exception {
    HttpResponse<String> response = get("/write/orders", "Authorization", bearer("orders:write"));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void forbiddenExceptionFromTheServletGets403() throws Exception {
    HttpResponse<String> response = get("/api/admin", "Authorization", bearer("orders:read"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(challenge(response)).contains("error=\"insufficient_scope\"", "scope=\"orders:admin\"");
  }

  @Test
  void challengeStaysWellFormedWhateverThePermissionNames() throws Exception {
    HttpResponse<String> response = get("/api/odd", "Authorization", bearer("orders:read"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(challenge(response)).matches(WELL_FORMED_CHALLENGE);
  }

  @Test
  void unreachableIssuerGets503WithoutChallenge() throws Exception {
    HttpResponse<String> response = get("/down/orders", "Authorization", bearer());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(response.body()).contains("\"detail\":\"the issuer's signing keys are unavailable\"");
  }

  @Test
  void builderRejectsRealmsAndPermissionsThatWouldBreakTheChallenge() {
    assertThatThrownBy(() -> GatehouseAuthFilter.builder().realm("my \"realm\""))
        .hasMessageContaining("realm must be");
    assertThatThrownBy(() -> GatehouseAuthFilter.builder().requirePermissions("orders write"))
        .hasMessageContaining("required permission must be");
    assertThatThrownBy(() -> GatehouseAuthFilter.builder().build()).hasMessage("verifier must be set");
  }
}
