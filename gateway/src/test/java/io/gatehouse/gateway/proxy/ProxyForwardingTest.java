package io.gatehouse.gateway.proxy;

import static io.gatehouse.gateway.testing.GatewayUnderTest.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.gateway.testing.GatewayUnderTest;
import io.gatehouse.gateway.testing.RawClient;
import io.gatehouse.gateway.testing.Received;
import io.gatehouse.gateway.testing.RecordingUpstream;
import io.gatehouse.gateway.testing.Responder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What reaches the upstream, byte for byte, and what comes back: paths, headers, pipelining, routing. */
class ProxyForwardingTest {
  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final RecordingUpstream upstream = RecordingUpstream.start(Responder.target());
  private GatewayUnderTest gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    upstream.close();
  }

  @Test
  void forwardsTheNormalisedPathTheUntouchedQueryAndOnlyCleanHeaders() throws Exception {
    gateway = GatewayUnderTest.start(route("api").pathPrefix("/api").stripPrefix(true)
        .upstream(upstream.uri() + "/base").build());
    try (RawClient client = gateway.connect()) {
      RawClient.Response response = client.get("/api//v1/./items/%7e%41?q=a%2Fb&x=%20&x=2",
          "Connection: keep-alive, X-Hop", "X-Hop: secret", "Keep-Alive: timeout=5", "Proxy-Connection: keep-alive",
          "TE: trailers", "Trailer: X-Sum", "Upgrade: h2c", "Proxy-Authorization: Basic Zm9vOmJhcg==",
          "X-User-Id: admin", "x-gatehouse-roles: root", "X-Api-Key-Owner: alice",
          "X-Forwarded-For: 1.2.3.4", "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example",
          "X-Request-Id: req-123", "traceparent: " + TRACEPARENT, "Accept: text/plain");

      assertThat(response.status()).isEqualTo(200);
    }

    Received received = upstream.onlyRequest();
    assertThat(received.requestLine()).isEqualTo("GET /base/v1/items/~A?q=a%2Fb&x=%20&x=2 HTTP/1.1");
    assertThat(received.headers()).containsExactlyInAnyOrder(
        entry("Accept", "text/plain"),
        entry("traceparent", TRACEPARENT),
        entry("X-Forwarded-For", "127.0.0.1"),
        entry("X-Forwarded-Proto", "http"),
        entry("X-Forwarded-Host", "gateway"),
        entry("X-Request-Id", "req-123"),
        entry("host", "127.0.0.1:" + upstream.port()));
    assertThat(upstream.text(0)).startsWith(received.requestLine() + "\r\n").endsWith("\r\n\r\n");
  }

  @Test
  void givesTheUpstreamTheRequestIdTheClientGetsBack() throws Exception {
    gateway = GatewayUnderTest.start(route("api").pathPrefix("/api").upstream(upstream.uri()).build());
    try (RawClient client = gateway.connect()) {
      RawClient.Response response = client.get("/api/x");

      String requestId = response.header("X-Request-Id").orElseThrow();
      assertThat(upstream.onlyRequest().header("X-Request-Id")).contains(requestId);
    }
  }

  @Test
  void removesHopByHopAndConnectionNamedHeadersFromTheResponse() throws Exception {
    try (RecordingUpstream chatty = RecordingUpstream.start(Responder.raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
        + "Connection: keep-alive, X-Internal\r\nX-Internal: secret\r\nKeep-Alive: timeout=5\r\n"
        + "Proxy-Authenticate: Basic\r\nUpgrade: h2c\r\nTrailer: X-Sum\r\nProxy-Connection: keep-alive\r\n"
        + "X-Kept: yes\r\n\r\nok"))) {
      gateway = GatewayUnderTest.start(route("api").pathPrefix("/api").upstream(chatty.uri()).build());
      try (RawClient client = gateway.connect()) {
        RawClient.Response response = client.get("/api/x");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("ok");
        assertThat(response.head().headers()).containsOnlyKeys("content-length", "x-kept", "date", "x-request-id");
      }
    }
  }

  @Test
  void replacesSpoofedForwardedHeadersAndDropsSpoofedIdentityHeaders() throws Exception {
    gateway = GatewayUnderTest.start(route("api").pathPrefix("/api").upstream(upstream.uri()).build());
    try (RawClient client = gateway.connect()) {
      client.get("/api/x", "X-Forwarded-For: 10.0.0.1, 1.2.3.4", "X-FORWARDED-PROTO: https",
          "x-forwarded-host: admin.internal", "Forwarded: for=1.2.3.4;host=admin.internal;proto=https",
          "X-Forwarded-Port: 443", "X-Forwarded-Prefix: /admin", "X-Real-IP: 1.2.3.4",
          "X-User-Id: admin", "X-USER-ROLES: root", "X-Gatehouse-Principal: root", "X-Api-Key-Id: k1",
          "X_User_Id: admin", "X-Gatehouse_Scopes: all");
    }

    Received received = upstream.onlyRequest();
    assertThat(received.headerValues("X-Forwarded-For")).containsExactly("127.0.0.1");
    assertThat(received.headerValues("X-Forwarded-Proto")).containsExactly("http");
    assertThat(received.headerValues("X-Forwarded-Host")).containsExactly("gateway");
    assertThat(received.headerNames()).containsExactlyInAnyOrder("host", "x-forwarded-for", "x-forwarded-proto",
        "x-forwarded-host", "x-request-id");
  }

  @Test
  void answersPipelinedRequestsInOrderAndForwardsEachIntact() throws Exception {
    gateway = GatewayUnderTest.start(route("api").pathPrefix("/api").stripPrefix(true).upstream(upstream.uri()).build());
    try (RawClient client = gateway.connect()) {
      client.write(RawClient.head("GET", "/api/one")
          + "POST /api/two HTTP/1.1\r\nHost: gateway\r\nContent-Length: 5\r\n\r\nhello"
          + "PUT /api/three?x=1 HTTP/1.1\r\nHost: gateway\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
          + RawClient.head("DELETE", "/api/four"));

      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        RawClient.Response response = client.readResponse();
        assertThat(response.status()).isEqualTo(200);
        bodies.add(response.bodyText());
      }
      assertThat(bodies).containsExactly("/one", "/two", "/three?x=1", "/four");
    }

    List<Received> received = upstream.requests();
    assertThat(received).extracting(Received::requestLine).containsExactly("GET /one HTTP/1.1",
        "POST /two HTTP/1.1", "PUT /three?x=1 HTTP/1.1", "DELETE /four HTTP/1.1");
    assertThat(received.get(1).bodyText()).isEqualTo("hello");
    assertThat(received.get(1).header("Content-Length")).contains("5");
    assertThat(received.get(2).bodyText()).isEqualTo("abcde");
    assertThat(received.get(2).header("Transfer-Encoding")).contains("chunked");
    assertThat(received).allMatch(Received::complete);
    assertThat(upstream.connections()).as("each exchange hands its connection to the next").isEqualTo(1);
  }

  @Test
  void routesByHostThenPathSpecificityThenMethod() throws Exception {
    gateway = GatewayUnderTest.start(
        routed("catch-all").pathPrefix("/").build(),
        routed("api").pathPrefix("/api").build(),
        routed("api-v1").pathPrefix("/api/v1").build(),
        routed("user").pathTemplate("/api/v1/users/{id}").build(),
        routed("user-post").pathTemplate("/api/v1/users/{id}").methods(List.of("POST")).build(),
        routed("files").pathTemplate("/api/v1/files/{path*}").build(),
        routed("tenant").host("tenant.example.com").pathPrefix("/api").build(),
        routed("wildcard").host("*.example.com").pathPrefix("/").build());

    try (RawClient client = gateway.connect()) {
      assertThat(send(client, "GET", "gateway", "/api/v1/users/7")).isEqualTo("/user/api/v1/users/7");
      assertThat(send(client, "POST", "gateway", "/api/v1/users/7")).isEqualTo("/user-post/api/v1/users/7");
      assertThat(send(client, "GET", "gateway", "/api/v1/users")).isEqualTo("/api-v1/api/v1/users");
      assertThat(send(client, "GET", "gateway", "/api/v1/users/7/orders")).isEqualTo("/api-v1/api/v1/users/7/orders");
      assertThat(send(client, "GET", "gateway", "/api/v1/files/a/b.txt")).isEqualTo("/files/api/v1/files/a/b.txt");
      assertThat(send(client, "GET", "gateway", "/api/v2")).isEqualTo("/api/api/v2");
      assertThat(send(client, "GET", "gateway", "/apiary")).isEqualTo("/catch-all/apiary");
      assertThat(send(client, "GET", "tenant.example.com", "/api/v1/users/7")).isEqualTo("/tenant/api/v1/users/7");
      assertThat(send(client, "GET", "TENANT.Example.com.:8443", "/api/x")).isEqualTo("/tenant/api/x");
      assertThat(send(client, "GET", "tenant.example.com", "/x")).isEqualTo("/wildcard/x");
      assertThat(send(client, "GET", "a.b.example.com", "/api/v1/users/7")).isEqualTo("/wildcard/api/v1/users/7");
    }
  }

  @Test
  void routesAmongTenThousandRoutes() throws Exception {
    List<RouteSpec> routes = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      routes.add(switch (i % 4) {
        case 0 -> routed("p" + i).pathPrefix("/p" + i).stripPrefix(true).build();
        case 1 -> routed("t" + i).pathTemplate("/t" + i + "/{id}/items").methods(List.of("GET")).build();
        case 2 -> routed("h" + i).host("h" + i + ".example.com").pathPrefix("/").build();
        default -> routed("s" + i).pathTemplate("/shared/" + i + "/x").build();
      });
    }
    gateway = GatewayUnderTest.start(RouteTable.of(routes));
    try (RawClient client = gateway.connect()) {
      for (int i = 1; i < 10_000; i += 97) {
        switch (i % 4) {
          case 0 -> assertThat(send(client, "GET", "gateway", "/p" + i + "/a/b?q=" + i))
              .isEqualTo("/p" + i + "/a/b?q=" + i);
          case 1 -> assertThat(send(client, "GET", "gateway", "/t" + i + "/42/items"))
              .isEqualTo("/t" + i + "/t" + i + "/42/items");
          case 2 -> assertThat(send(client, "GET", "h" + i + ".example.com", "/any")).isEqualTo("/h" + i + "/any");
          default -> assertThat(send(client, "DELETE", "gateway", "/shared/" + i + "/x"))
              .isEqualTo("/s" + i + "/shared/" + i + "/x");
        }
      }
      assertThat(send(client, "GET", "gateway", "/p9996/x")).isEqualTo("/p9996/x");
    }
    try (RawClient client = gateway.connect()) {
      assertThat(client.get("/p10000").status()).isEqualTo(404);
    }
    try (RawClient client = gateway.connect()) {
      client.write(RawClient.head("POST", "/t9/42/items", "Content-Length: 0"));
      RawClient.Response notAllowed = client.readResponse();
      assertThat(notAllowed.status()).isEqualTo(405);
      assertThat(notAllowed.header("Allow")).contains("GET, HEAD");
    }
  }

  /** A route to the recorder under a base path naming the route, so its request line tells which route matched. */
  private RouteSpec.Builder routed(String id) {
    return route(id).upstream(upstream.uri() + "/" + id);
  }

  /** Sends a bodiless request and returns the response body: the target the upstream received. */
  private static String send(RawClient client, String method, String host, String target) throws Exception {
    client.write(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\n\r\n");
    RawClient.Response response = client.readResponse();
    assertThat(response.status()).as("%s %s %s: %s", method, host, target, response).isEqualTo(200);
    return response.bodyText();
  }
}
