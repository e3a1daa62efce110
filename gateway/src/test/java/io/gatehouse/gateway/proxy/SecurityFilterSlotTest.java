package io.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.route.AuthMode;
import io.gatehouse.gateway.route.HeaderRules;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import io.gatehouse.http.HttpException;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The security filters' slot in the pipeline: after header hygiene, before header rules and forwarded headers. */
class SecurityFilterSlotTest {
  private final AtomicReference<Request> seen = new AtomicReference<>();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final EventLoops loops = EventLoops.create(1);
  private HttpServer upstream;
  private HttpServer gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.drain();
    }
    if (upstream != null) {
      upstream.drain();
    }
    loops.close();
  }

  @Test
  void securityFiltersSeeCleanHeadersAndTheirIdentityHeadersReachTheUpstream() throws Exception {
    List<String> seenByFilter = new CopyOnWriteArrayList<>();
    GatewayFilter authenticate = (ctx, chain) -> {
      seenByFilter.add(ctx.upstreamHeaders().get("X-User-Id", "absent"));
      seenByFilter.add(ctx.upstreamHeaders().get("X-Tenant", "absent"));
      ctx.upstreamHeaders().set("X-User-Id", "alice");
      ctx.upstreamHeaders().set("X-Forwarded-For", "6.6.6.6");
      chain.proceed(ctx);
    };
    start(List.of(authenticate));

    HttpResponse<String> response = get("/orders/1", "X-User-Id", "mallory");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(seenByFilter).as("hygiene ran before, header rules after").containsExactly("absent", "absent");
    assertThat(seen.get().header("X-User-Id")).contains("alice");
    assertThat(seen.get().header("X-Tenant")).contains("acme");
    assertThat(seen.get().header("X-Forwarded-For")).as("forwarded headers run after").contains("127.0.0.1");
  }

  @Test
  void aFilterThatAnswersStopsTheChain() throws Exception {
    GatewayFilter deny = (ctx, chain) -> {
      throw HttpException.builder(401).detail("no credential").header("WWW-Authenticate", "Bearer").build();
    };
    start(List.of(deny));

    HttpResponse<String> response = get("/orders/1", "X-Any", "x");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(seen.get()).as("the upstream never saw it").isNull();
  }

  @Test
  void aFilterMayProceedLaterAndAProblemThrownAfterThatIsStillTheAnswer() throws Exception {
    GatewayFilter later = (ctx, chain) ->
        ctx.exchange().eventLoop().schedule(() -> chain.proceed(ctx), 20, TimeUnit.MILLISECONDS);
    GatewayFilter denyMarked = (ctx, chain) -> {
      if (ctx.exchange().head().headers().contains("X-Deny")) {
        throw HttpException.builder(403).detail("denied").build();
      }
      chain.proceed(ctx);
    };
    start(List.of(later, denyMarked));

    HttpResponse<String> allowed = get("/orders/1", "X-Any", "x");
    HttpResponse<String> denied = get("/orders/1", "X-Deny", "x");

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void withSecurityFiltersRoutesThatNeedACredentialAreServed() throws Exception {
    start(List.of((ctx, chain) -> chain.proceed(ctx)), AuthMode.API_KEY);

    assertThat(get("/orders/1", "X-Any", "x").statusCode()).isEqualTo(200);
  }

  @Test
  void theSlotSitsBetweenHygieneAndHeaderRules() {
    GatewayFilter security = (ctx, chain) -> chain.proceed(ctx);
    ProxyHandler handler = ProxyHandler.builder().routes(routes(AuthMode.NONE, 1))
        .hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES)).securityFilters(List.of(security)).build();

    assertThat(handler.filters()).extracting(f -> f.getClass().getSimpleName()).containsSubsequence(
        "RouteFilter", "HeaderHygieneFilter");
    int slot = handler.filters().indexOf(security);
    assertThat(handler.filters().get(slot - 1).getClass().getSimpleName()).isEqualTo("HeaderHygieneFilter");
    assertThat(handler.filters().get(slot + 1).getClass().getSimpleName()).isEqualTo("RequestHeaderRulesFilter");
    assertThat(handler.filters().getLast().getClass().getSimpleName()).isEqualTo("ForwardFilter");
  }

  private void start(List<GatewayFilter> security) {
    start(security, AuthMode.NONE);
  }

  private void start(List<GatewayFilter> security, AuthMode auth) {
    upstream = HttpServer.builder().name("upstream").eventLoops(loops).port(0).router(Router.builder()
        .route(Route.builder("GET", "/{path}").handler(this::record).build()).build()).build().start();
    gateway = HttpServer.builder().name("gateway").eventLoops(loops).port(0)
        .streaming(ProxyHandler.builder().routes(routes(auth, upstream.port()))
            .hygiene(new HeaderHygiene(HeaderHygiene.DEFAULT_IDENTITY_PREFIXES)).securityFilters(security).build())
        .build().start();
  }

  private static RouteTable routes(AuthMode auth, int port) {
    return RouteTable.of(List.of(RouteSpec.builder().id("orders").pathPrefix("/orders").stripPrefix(true).auth(auth)
        .requestHeaders(new HeaderRules(Map.of(), Map.of("X-Tenant", "acme"), Set.of()))
        .upstream("http://127.0.0.1:" + port).build()));
  }

  private HttpResponse<String> get(String path, String header, String value) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header(header, value).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Response record(Request request) {
    seen.set(request);
    return Response.text(200, request.path());
  }
}
