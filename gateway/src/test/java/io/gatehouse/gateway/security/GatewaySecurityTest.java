package io.gatehouse.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.phantom.TokenExchanger;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.RateLimit;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.http.handler.Request;
import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.TokenVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phantom-token flow and the gateway's authentication, authorization and limits, against a real auth service. */
class GatewaySecurityTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  @TempDir Path dataDir;
  private SecureGateway system;

  static List<RouteSpec> routes(String upstream) {
    return List.of(
        RouteSpec.builder().id("orders").pathPrefix("/orders").upstream(upstream)
            .permissions("GET", List.of("orders:read")).permissions("POST", List.of("orders:write")).build(),
        RouteSpec.builder().id("keys-only").pathPrefix("/keys-only").auth(AuthMode.API_KEY).upstream(upstream).build(),
        RouteSpec.builder().id("jwt-only").pathPrefix("/jwt-only").auth(AuthMode.JWT).upstream(upstream).build(),
        RouteSpec.builder().id("public").pathPrefix("/public").auth(AuthMode.NONE).upstream(upstream).build(),
        RouteSpec.builder().id("limited").pathPrefix("/limited").auth(AuthMode.NONE).upstream(upstream)
            .rateLimit(new RateLimit(1, Duration.ofSeconds(30), 2)).build());
  }

  private SecureGateway start(boolean bridgeEvents) {
    return start(bridgeEvents, Function.identity(), Optional.empty());
  }

  private SecureGateway start(boolean bridgeEvents, Function<TokenExchanger, TokenExchanger> exchanger,
      Optional<RateLimit> perKey) {
    return start(bridgeEvents, exchanger, perKey, Optional.empty());
  }

  private SecureGateway start(boolean bridgeEvents, Function<TokenExchanger, TokenExchanger> exchanger,
      Optional<RateLimit> perKey, Optional<RateLimit> perClient) {
    system = new SecureGateway(dataDir, bridgeEvents, GatewaySecurityTest::routes, exchanger, perKey, perClient);
    return system;
  }

  @AfterEach
  void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void anApiKeyBecomesAnInternalJwtThatTheUpstreamVerifiesAndTheClientNeverSees() throws Exception {
    start(true);

    HttpResponse<String> response = get("/orders/42", "Authorization", "Bearer " + system.aliceKey);

    assertThat(response.statusCode()).isEqualTo(200);
    Request seen = system.lastUpstreamRequest();
    String forwarded = seen.header("Authorization").orElseThrow();
    assertThat(forwarded).startsWith("Bearer ey");
    String jwt = forwarded.substring("Bearer ".length());
    try (TokenVerifier verifier = TokenVerifier.builder().issuer(system.auth.authListener().baseUrl()).audience("orders")
        .clock(system.clock).build()) {
      Principal principal = verifier.verify(jwt);
      assertThat(principal.subject()).isEqualTo(system.alice.id());
      assertThat(principal.apiKeyId()).contains(system.aliceKeyId);
      assertThat(principal.permissions()).contains("orders:read", "orders:write");
    }
    assertThat(seen.headers().contains("X-API-Key")).isFalse();
    assertThat(response.body()).doesNotContain(jwt).doesNotContain(system.aliceKey);
    assertThat(response.headers().map().toString()).doesNotContain(jwt);
    assertThat(response.headers().firstValue("X-Echo-Authorization")).isEmpty();
  }

  @Test
  void xApiKeyWorksLikeBearerAndTheSchemeIsCaseInsensitive() throws Exception {
    start(true);

    assertThat(get("/orders/1", "X-API-Key", system.aliceKey).statusCode()).isEqualTo(200);
    assertThat(get("/orders/1", "Authorization", "bEaReR " + system.aliceKey).statusCode()).isEqualTo(200);
    assertThat(system.exchanges.get()).isEqualTo(1);
  }

  @Test
  void concurrentRequestsWithOneKeyShareOneExchange() throws Exception {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    start(true, real -> (key, audience) -> gate.thenCompose(ignored -> real.exchange(key, audience)), Optional.empty());

    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      responses.add(client.sendAsync(request("/orders/" + i, "Authorization", "Bearer " + system.aliceKey).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    Thread.sleep(200); // let every request reach the gateway and wait on the one exchange
    gate.complete(null);

    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.get().statusCode()).isEqualTo(200);
    }
    assertThat(system.exchanges.get()).isEqualTo(1);
  }

  @Test
  void aHangingAuthServiceStallsOnlyTheRequestsWaitingForIt() throws Exception {
    CompletableFuture<Void> never = new CompletableFuture<>();
    start(true, real -> (key, audience) -> key.key().equals(system.bobKey)
        ? never.thenCompose(ignored -> real.exchange(key, audience)) : real.exchange(key, audience), Optional.empty());
    assertThat(get("/orders/1", "X-API-Key", system.aliceKey).statusCode()).isEqualTo(200);

    CompletableFuture<HttpResponse<String>> bobWaits = client.sendAsync(
        request("/orders/1", "X-API-Key", system.bobKey).build(), HttpResponse.BodyHandlers.ofString());
    long start = System.nanoTime();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      others.add(get("/orders/" + i, "X-API-Key", system.aliceKey).statusCode());
      others.add(get("/public/" + i).statusCode());
    }
    long othersMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(others).containsOnly(200);
    assertThat(othersMillis).as("40 requests beside a hanging exchange (one event loop)").isLessThan(5_000);
    assertThat(bobWaits).isNotDone();
    never.complete(null);
    assertThat(bobWaits.get().statusCode()).isEqualTo(200);
  }

  @Test
  void unknownRevokedAndMalformedKeysGetTheSameAnswerAndRefusalsAreCachedBriefly() throws Exception {
    start(true);
    String unknown = io.gatehouse.token.apikey.ApiKeyFormat.compose("AAAAAAAAAAAA", "B".repeat(28));
    String malformed = system.aliceKey.substring(0, 49) + (system.aliceKey.endsWith("A") ? "B" : "A");

    HttpResponse<String> first = get("/orders/1", "Authorization", "Bearer " + unknown);
    HttpResponse<String> second = get("/orders/1", "Authorization", "Bearer " + unknown);
    HttpResponse<String> bad = get("/orders/1", "X-API-Key", malformed);

    assertThat(List.of(first, second, bad)).allSatisfy(response -> {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).contains(
          "Bearer realm=\"gatehouse\", error=\"invalid_token\", error_description=\"the credential is not valid\"");
      assertThat(response.body()).contains("the credential is not valid");
    });
    assertThat(system.exchanges.get()).as("one exchange for the unknown key, none for the malformed one").isEqualTo(1);
    system.clock.advance(Duration.ofSeconds(6));
    get("/orders/1", "Authorization", "Bearer " + unknown);
    assertThat(system.exchanges.get()).as("the refusal expired from the cache").isEqualTo(2);
  }

  @Test
  void noCredentialIsABareChallenge() throws Exception {
    start(true);

    HttpResponse<String> response = get("/orders/1");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"gatehouse\"");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(system.upstreamSaw).isEmpty();
  }

  @Test
  void ambiguousCredentialsAreBadRequests() throws Exception {
    start(true);

    HttpResponse<String> both = get("/orders/1", "Authorization", "Bearer " + system.aliceKey, "X-API-Key", system.bobKey);
    HttpResponse<String> twice = get("/orders/1", "Authorization", "Bearer " + system.aliceKey,
        "Authorization", "Bearer " + system.bobKey);
    HttpResponse<String> inQuery = get("/orders/1?api_key=" + system.aliceKey, "Authorization", "Bearer " + system.aliceKey);
    HttpResponse<String> keyAsValue = get("/orders/1?k=" + system.aliceKey, "Authorization", "Bearer " + system.aliceKey);

    assertThat(List.of(both, twice, inQuery, keyAsValue)).allSatisfy(response -> {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).doesNotContain(system.aliceKey).doesNotContain(system.bobKey);
    });
    assertThat(system.upstreamSaw).isEmpty();
    assertThat(system.exchanges.get()).isZero();
  }

  @Test
  void spoofedIdentityHeadersNeverReachTheUpstream() throws Exception {
    start(true);

    get("/orders/1", "X-API-Key", system.bobKey, "X-User-Id", system.alice.id(), "X-Gatehouse-Subject", "admin",
        "X-Api-Key-Id", "other");

    Request seen = system.lastUpstreamRequest();
    assertThat(seen.header("X-User-Id")).isEmpty();
    assertThat(seen.header("X-Gatehouse-Subject")).isEmpty();
    assertThat(seen.header("X-Api-Key-Id")).isEmpty();
    assertThat(seen.header("X-API-Key")).isEmpty();
    assertThat(seen.headers().getAll("Authorization")).hasSize(1);
  }

  @Test
  void permissionsAreCheckedPerMethod() throws Exception {
    start(true);

    assertThat(get("/orders/1", "X-API-Key", system.bobKey).statusCode()).isEqualTo(200);
    HttpResponse<String> bobPosts = post("/orders/1", "X-API-Key", system.bobKey);
    assertThat(post("/orders/1", "X-API-Key", system.aliceKey).statusCode()).isEqualTo(200);

    assertThat(bobPosts.statusCode()).isEqualTo(403);
    assertThat(bobPosts.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"gatehouse\", error=\"insufficient_scope\", scope=\"orders:write\"");
    assertThat(system.upstreamSaw).hasSize(2);
  }

  @Test
  void aRevokedKeyIsRefusedOnTheNextRequestInTheSameProcess() throws Exception {
    start(true);
    assertThat(get("/orders/1", "X-API-Key", system.aliceKey).statusCode()).isEqualTo(200);

    system.auth.apiKeys().revoke("test", system.aliceKeyId);

    assertThat(get("/orders/1", "X-API-Key", system.aliceKey).statusCode()).isEqualTo(401);
  }

  @Test
  void withoutRevocationEventsARevokedKeyLastsAtMostTheCacheTtl() throws Exception {
    start(false);
    assertThat(get("/orders/1", "X-API-Key", system.aliceKey).statusCode()).isEqualTo(200);

    system.auth.apiKeys().revoke("test", system.aliceKeyId);
    int stillCached = get("/orders/1", "X-API-Key", system.aliceKey).statusCode();
    system.clock.advance(Duration.ofSeconds(61));
    int afterTtl = get("/orders/1", "X-API-Key", system.aliceKey).statusCode();

    assertThat(stillCached).isEqualTo(200);
    assertThat(afterTtl).isEqualTo(401);
  }

  @Test
  void authServiceDownServesCachedTokensAndFailsClosedWithout() throws Exception {
    start(true);
    assertThat(get("/orders/1", "X-API-Key", system.aliceKey).statusCode()).isEqualTo(200);

    system.auth.authListener().drain();
    HttpResponse<String> cached = get("/orders/1", "X-API-Key", system.aliceKey);
    HttpResponse<String> uncached = get("/orders/1", "X-API-Key", system.bobKey);

    assertThat(cached.statusCode()).isEqualTo(200);
    assertThat(uncached.statusCode()).isEqualTo(503);
    assertThat(uncached.headers().firstValue("Retry-After")).contains("5");
    assertThat(system.upstreamSaw).hasSize(2);
  }

  @Test
  void jwtCredentialsAreVerifiedLocallyAndForwardedUnchanged() throws Exception {
    start(true);
    String jwt = system.auth.store() == null ? null : clientToken("orders");

    HttpResponse<String> ok = get("/orders/1", "Authorization", "Bearer " + jwt);
    HttpResponse<String> wrongAudience = get("/jwt-only/1", "Authorization", "Bearer " + jwt);
    HttpResponse<String> keyOnly = get("/keys-only/1", "Authorization", "Bearer " + jwt);
    HttpResponse<String> keyOnJwtRoute = get("/jwt-only/1", "X-API-Key", system.aliceKey);
    HttpResponse<String> garbage = get("/orders/1", "Authorization", "Bearer abc.def.ghi");

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(system.lastUpstreamRequest().header("Authorization")).contains("Bearer " + jwt);
    assertThat(List.of(wrongAudience, keyOnly, keyOnJwtRoute, garbage))
        .extracting(HttpResponse::statusCode).containsOnly(401);
    assertThat(ok.body()).doesNotContain(jwt);
  }

  @Test
  void publicRoutesNeedNothingButStillLoseCredentialHeaders() throws Exception {
    start(true);

    HttpResponse<String> response = get("/public/x", "X-API-Key", system.aliceKey);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(system.lastUpstreamRequest().header("X-API-Key")).isEmpty();
    assertThat(system.lastUpstreamRequest().header("Authorization")).isEmpty();
    assertThat(system.exchanges.get()).isZero();
  }

  @Test
  void perKeyRateLimitAnswers429WithRetryAfterUntilTheBucketRefills() throws Exception {
    start(true, Function.identity(), Optional.of(new RateLimit(1, Duration.ofSeconds(10), 2)));

    int first = get("/orders/1", "X-API-Key", system.aliceKey).statusCode();
    int second = get("/orders/1", "X-API-Key", system.aliceKey).statusCode();
    HttpResponse<String> third = get("/orders/1", "X-API-Key", system.aliceKey);
    int bob = get("/orders/1", "X-API-Key", system.bobKey).statusCode();
    system.clock.advance(Duration.ofSeconds(10));
    int refilled = get("/orders/1", "X-API-Key", system.aliceKey).statusCode();

    assertThat(List.of(first, second, bob, refilled)).containsOnly(200);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).contains("10");
    assertThat(third.headers().firstValue("RateLimit-Policy")).contains("\"api-key\";q=2;w=10");
    assertThat(third.headers().firstValue("RateLimit")).contains("\"api-key\";r=0;t=10");
  }

  @Test
  void perClientRateLimitCountsAllOfAClientsTokensAndLeavesApiKeysAlone() throws Exception {
    start(true, Function.identity(), Optional.empty(), Optional.of(new RateLimit(1, Duration.ofSeconds(10), 2)));
    String token = clientToken("orders");
    String another = clientToken("orders"); // a second token of the same client: the same bucket

    int first = get("/orders/1", "Authorization", "Bearer " + token).statusCode();
    int second = get("/orders/1", "Authorization", "Bearer " + another).statusCode();
    HttpResponse<String> third = get("/orders/1", "Authorization", "Bearer " + token);
    List<Integer> keys = List.of(get("/orders/1", "X-API-Key", system.aliceKey).statusCode(),
        get("/orders/1", "X-API-Key", system.aliceKey).statusCode(),
        get("/orders/1", "X-API-Key", system.aliceKey).statusCode());
    system.clock.advance(Duration.ofSeconds(10));
    int refilled = get("/orders/1", "Authorization", "Bearer " + token).statusCode();

    assertThat(List.of(first, second, refilled)).containsOnly(200);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).contains("10");
    assertThat(third.headers().firstValue("RateLimit-Policy")).contains("\"client\";q=2;w=10");
    assertThat(third.headers().firstValue("RateLimit")).contains("\"client\";r=0;t=10");
    assertThat(keys).as("an API key's phantom token is not counted as a client's").containsOnly(200);
  }

  @Test
  void aRoutesOwnLimitIsSharedByAllItsCallers() throws Exception {
    start(true);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(get("/limited/" + i, "X-Client", "caller-" + i).statusCode());
    }
    HttpResponse<String> limited = get("/limited/x");
    system.clock.advance(Duration.ofSeconds(30));
    int refilled = get("/limited/y").statusCode();

    assertThat(statuses).containsExactly(200, 200, 429);
    assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("\"route\";q=2;w=30");
    assertThat(limited.headers().firstValue("Retry-After")).contains("30");
    assertThat(refilled).isEqualTo(200);
  }

  @Test
  void failedAttemptsAreBudgetedPerAddress() throws Exception {
    start(true);
    String unknown = io.gatehouse.token.apikey.ApiKeyFormat.compose("AAAAAAAAAAAA", "B".repeat(28));

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(get("/orders/1", "X-API-Key", unknown).statusCode());
    }
    int validButThrottled = get("/orders/1", "X-API-Key", system.aliceKey).statusCode();
    system.clock.advance(Duration.ofMinutes(1));
    int afterRefill = get("/orders/1", "X-API-Key", system.aliceKey).statusCode();

    assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
    assertThat(validButThrottled).isEqualTo(429);
    assertThat(afterRefill).isEqualTo(200);
  }

  private String clientToken(String audience) throws IOException, InterruptedException {
    String secret = system.auth.ensureLocalClient("orders-client", "orders client",
        java.util.Set.of(io.gatehouse.auth.oauth.GrantTypes.CLIENT_CREDENTIALS), java.util.Set.of("orders:read"),
        java.util.Set.of("orders", "elsewhere")).reveal();
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
            URI.create(system.auth.authListener().baseUrl() + "/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            ("orders-client:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&audience=" + audience)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("access_token").asText();
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.gateway.baseUrl() + path))
        .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return client.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
    return client.send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pipelinedRequestsWithDifferentCredentialsEachGetTheirOwnIdentity() throws Exception {
    start(true);
    String pipelined = "GET /orders/a HTTP/1.1\r\nHost: x\r\nX-API-Key: " + system.aliceKey + "\r\n\r\n"
        + "POST /orders/b HTTP/1.1\r\nHost: x\r\nX-API-Key: " + system.bobKey + "\r\nContent-Length: 0\r\n\r\n"
        + "GET /orders/c HTTP/1.1\r\nHost: x\r\n\r\n"
        + "GET /orders/d HTTP/1.1\r\nHost: x\r\nX-API-Key: " + system.bobKey + "\r\nConnection: close\r\n\r\n";

    String answers;
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", system.gateway.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(pipelined.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      answers = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    assertThat(java.util.regex.Pattern.compile("HTTP/1.1 (\\d{3})").matcher(answers).results()
        .map(m -> m.group(1)).toList()).containsExactly("200", "403", "401", "200");
    List<Request> seen = new ArrayList<>(system.upstreamSaw);
    assertThat(seen).extracting(Request::path).containsExactly("/orders/a", "/orders/d");
    assertThat(subjectOf(seen.get(0))).isEqualTo(system.alice.id());
    assertThat(subjectOf(seen.get(1))).isEqualTo(system.bob.id());
    assertThat(answers).doesNotContain("eyJ");
  }

  @Test
  void theAccessLogNamesSubjectAndKeyIdButNoLogHoldsAKeyOrToken() throws Exception {
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
    java.util.Queue<String> logged = new java.util.concurrent.ConcurrentLinkedQueue<>();
    ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.AppenderBase<>() {
      @Override
      protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
        logged.add(event.getFormattedMessage());
      }
    };
    lines.start();
    root.addAppender(lines);
    try {
      start(true);
      String unknown = io.gatehouse.token.apikey.ApiKeyFormat.compose("AAAAAAAAAAAA", "C".repeat(28));
      get("/orders/1", "X-API-Key", system.aliceKey);
      get("/orders/1", "Authorization", "Bearer " + unknown);
      post("/orders/1", "X-API-Key", system.bobKey);
      String jwt = system.lastUpstreamRequest().header("Authorization").orElseThrow();

      String expected = "\"subject\":\"" + system.alice.id() + "\",\"key_id\":\"" + system.aliceKeyId + "\"";
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      while (logged.stream().noneMatch(line -> line.contains(expected)) && System.nanoTime() < deadline) {
        Thread.sleep(20); // the access line is written once the response is
      }
      assertThat(logged).as("the access log names the subject and the key id").anyMatch(line -> line.contains(expected));
      assertThat(logged).allSatisfy(line -> assertThat(line)
          .doesNotContain(system.aliceKey).doesNotContain(system.bobKey).doesNotContain(unknown)
          .doesNotContain(jwt.substring("Bearer ".length())));
    } finally {
      root.detachAppender(lines);
    }
  }

  private String subjectOf(Request request) throws Exception {
    String jwt = request.header("Authorization").orElseThrow().substring("Bearer ".length());
    String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("sub").asText();
  }
}
