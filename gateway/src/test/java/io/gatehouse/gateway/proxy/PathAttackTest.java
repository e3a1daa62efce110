package io.gatehouse.gateway.proxy;

import static io.gatehouse.gateway.testing.GatewayUnderTest.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.testing.GatewayUnderTest;
import io.gatehouse.gateway.testing.RawClient;
import io.gatehouse.gateway.testing.RecordingUpstream;
import io.gatehouse.gateway.testing.Responder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that try to reach {@code /admin} through the {@code /public} route. The path is
 * normalised once, before routing: dot segments resolve (so the request is routed as what it
 * really asks for), and whatever could be read two ways upstream is refused with 400 before any
 * upstream sees a byte.
 */
class PathAttackTest {
  private final RecordingUpstream publicUpstream = RecordingUpstream.start(Responder.target());
  private final RecordingUpstream adminUpstream = RecordingUpstream.start(Responder.target());
  private GatewayUnderTest gateway;

  @BeforeEach
  void start() {
    gateway = GatewayUnderTest.start(
        route("public").pathPrefix("/public").upstream(publicUpstream.uri()).build(),
        route("admin").pathPrefix("/admin").upstream(adminUpstream.uri()).build());
  }

  @AfterEach
  void stop() {
    gateway.close();
    publicUpstream.close();
    adminUpstream.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/public/..%2fadmin", "/public%2f..%2fadmin", "/public/%2e%2e%2Fadmin",
      "/public/..;/admin", "/public;/../admin", "/public/x;jsessionid=1", "/public/..\\admin",
      "/public/%5c../admin", "/public\\..\\admin", "/public/%00/../admin", "/public/x%00.json",
      "/public/../../admin", "/public/%2e%2e/%2e%2e/admin", "/..", "/public/%c0%ae%c0%ae/admin",
      "/public/%e0%80%ae/admin", "/public/%ff", "/public/%2", "/public/%zz", "/public/%0d%0aX-Injected:%201"})
  void refusesAnAmbiguousPathBeforeAnyUpstreamSeesIt(String target) throws Exception {
    try (RawClient client = gateway.connect()) {
      RawClient.Response response = client.get(target);

      assertThat(response.status()).as(target).isEqualTo(400);
      assertThat(response.header("Content-Type")).contains("application/problem+json");
    }
    assertThat(publicUpstream.connections()).isZero();
    assertThat(adminUpstream.connections()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/public/../admin", "/public/%2e%2e/admin", "/public/%2E%2E/admin", "/public/.%2e/admin",
      "/public/./../admin", "//public/..//admin", "/public/x/../../admin"})
  void routesADotSegmentPathAsWhatItResolvesTo(String target) throws Exception {
    try (RawClient client = gateway.connect()) {
      RawClient.Response response = client.get(target);

      assertThat(response.status()).as(target).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("/admin");
    }
    assertThat(publicUpstream.connections()).as("the public route never sees it").isZero();
    assertThat(adminUpstream.onlyRequest().requestLine()).isEqualTo("GET /admin HTTP/1.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"//public//a///b", "/public/./a/b", "/public/a/%62", "/public/%61/b"})
  void forwardsTheCanonicalPathUpstream(String target) throws Exception {
    try (RawClient client = gateway.connect()) {
      assertThat(client.get(target).bodyText()).as(target).isEqualTo("/public/a/b");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/public/%252e%252e/admin", "/public/%3B/admin"})
  void keepsEncodedDataEncoded(String target) throws Exception {
    try (RawClient client = gateway.connect()) {
      assertThat(client.get(target).bodyText()).as(target).isEqualTo(target);
    }
    assertThat(adminUpstream.connections()).isZero();
  }
}
