package io.gatehouse.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.proxy.HeaderHygiene;
import io.gatehouse.gateway.proxy.ProxyHandler;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.CorsPolicy;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.handler.Request;
import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Route;
import io.gatehouse.http.handler.Router;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CORS per route between a real browser-like client, the gateway and a real upstream. */
class CorsFilterTest {
  private static final String APP = "https://app.example.com";
  private static final String ADMIN = "https://admin.example.com";

  private final List<String> upstreamSaw = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private EventLoops loops;
  private HttpServer upstream;
  private HttpServer gateway;

  @BeforeEach
  void start() {
    loops = EventLoops.create(1);
    upstream = HttpServer.builder().name("upstream").eventLoops(loops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/{path}").handler(this::record).build())
        .route(Route.builder("PUT", "/{path}").handler(this::record).build())
        .route(Route.builder("OPTIONS", "/{path}").handler(this::record).build())
        .build()).build().start();
    String to = "http://127.0.0.1:" + upstream.port();
    RouteTable routes = RouteTable.of(List.of(
        RouteSpec.builder().id("read").pathPrefix("/items").methods(List.of("GET")).stripPrefix(true).auth(AuthMode.NONE).upstream(to)
            .cors(CorsPolicy.builder().allowedOrigins(List.of(APP)).exposedHeaders(List.of("X-Total"))
                .allowCredentials(true).build()).build(),
        RouteSpec.builder().id("write").pathPrefix("/items").methods(List.of("PUT")).stripPrefix(true).auth(AuthMode.NONE).upstream(to)
            .cors(CorsPolicy.builder().allowedOrigins(List.of(ADMIN)).allowedMethods(List.of("PUT"))
                .allowedHeaders(List.of("X-Tenant")).maxAge(Duration.ofSeconds(90)).build()).build(),
        RouteSpec.builder().id("plain").pathPrefix("/plain").stripPrefix(true).auth(AuthMode.NONE).upstream(to).build()));
    gateway = HttpServer.builder().name("gateway").eventLoops(loops).port(0)
        .streaming(new ProxyHandler(routes, new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES)))
        .build().start();
  }

  @AfterEach
  void stop() {
    gateway.drain();
    upstream.drain();
    loops.close();
  }

  @Test
  void answersAPreflightAtTheGatewayRoutedByTheRequestedMethod() throws Exception {
    HttpResponse<String> response = preflight("/items/1", ADMIN, "PUT", "X-Tenant, Content-Type");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(ADMIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).contains("PUT");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).contains("X-Tenant, Content-Type");
    assertThat(response.headers().firstValue("Access-Control-Max-Age")).contains("90");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(upstreamSaw).as("a preflight is never forwarded").isEmpty();
  }

  @Test
  void refusesAPreflightFromAnOriginOfAnotherMethodsRoute() throws Exception {
    HttpResponse<String> response = preflight("/items/1", APP, "PUT", null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(upstreamSaw).isEmpty();
  }

  @Test
  void refusesAPreflightForAMethodOrHeaderThePolicyDoesNotAllow() throws Exception {
    HttpResponse<String> header = preflight("/items/1", ADMIN, "PUT", "X-Secret");
    HttpResponse<String> noRoute = preflight("/items/1", ADMIN, "DELETE", null);

    assertThat(header.statusCode()).isEqualTo(403);
    assertThat(header.body()).contains("x-secret");
    assertThat(noRoute.statusCode()).isEqualTo(405);
    assertThat(upstreamSaw).isEmpty();
  }

  @Test
  void refusesAPreflightToARouteWithoutAPolicyInsteadOfForwardingIt() throws Exception {
    HttpResponse<String> response = preflight("/plain/x", APP, "GET", null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(upstreamSaw).isEmpty();
  }

  @Test
  void anAllowedCrossOriginRequestGetsTheCorsResponseHeaders() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/items/1"))
        .header("Origin", APP).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).contains("x-total");
    assertThat(response.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));
  }

  @Test
  void refusesACrossOriginRequestFromAnOriginNotAllowed() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/items/1"))
        .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(upstreamSaw).isEmpty();
  }

  @Test
  void passesASameOriginRequestWithoutCorsHeaders() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/items/1"))
        .header("Origin", gateway.baseUrl()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("Origin"));
  }

  @Test
  void leavesRoutesWithoutAPolicyAlone() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/plain/x"))
        .header("Origin", APP).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("upstream-value");
  }

  private HttpResponse<String> preflight(String path, String origin, String method, String headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin).header("Access-Control-Request-Method", method);
    if (headers != null) {
      request.header("Access-Control-Request-Headers", headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Response record(Request request) {
    upstreamSaw.add(request.method() + " " + request.path());
    return Response.text(200, "ok").header("Access-Control-Allow-Origin", "upstream-value");
  }
}
