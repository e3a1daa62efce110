package io.gatehouse.bench;

import io.gatehouse.gateway.filter.FilterChain;
import io.gatehouse.gateway.filter.GatewayContext;
import io.gatehouse.gateway.filter.GatewayFilter;
import io.gatehouse.gateway.filter.Pipeline;
import io.gatehouse.gateway.route.RouteMatch;
import io.gatehouse.http.HttpException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One request through the gateway's real filter pipeline — route, metrics, body limit, CORS,
 * header hygiene, authentication, permissions, rate limits, request header rules, forwarded
 * headers — ending in a filter that reads what the forwarding filter would and answers 200, with
 * no I/O. {@code auth}: a public route, an API key (phantom-token cache hit) or a JWT
 * (verified-token cache hit); {@code baseline} is the same request through a pipeline that only
 * makes the context, sets a fixed route, takes the client's headers as they are and ends in the
 * same last filter.
 *
 * <p>The request runs on the benchmark thread as on an event loop: the exchange's loop is an
 * {@link EmbeddedChannel}'s, which counts every thread as its own, so a cache hit continues the
 * chain synchronously as it does in production. Set-up refuses to measure anything else.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class FilterChainBenchmark {
  private static final InetSocketAddress PEER = peer();
  private static final String REQUEST_ID = "7f3c9a2e-5b1d-4e8f-9a6c-2d4b8e1f0a37";

  /** The gateway's pipeline for one kind of route. */
  @State(Scope.Thread)
  public static class Chain {
    @Param({"none", "api_key", "jwt"})
    String auth;

    private ChainFixture fixture;
    private EmbeddedChannel channel;
    private Pipeline pipeline;
    private Terminal terminal;
    private FakeExchange exchange;
    private Requests requests;

    @Setup
    public void setUp() throws Exception {
      fixture = new ChainFixture();
      terminal = new Terminal();
      pipeline = Pipeline.of(fixture.filtersEndingIn(terminal));
      HttpRequest head = request(ChainFixture.PATHS.get(auth), credential());
      // The first request may continue later (a JWT is verified on a worker): run it on a real loop.
      FakeExchange first = new FakeExchange(head, REQUEST_ID, PEER, fixture.loop(), ByteBufAllocator.DEFAULT);
      first.reset();
      CompletableFuture<Integer> ended = first.whenEnded();
      first.eventLoop().execute(() -> {
        try {
          pipeline.start(first);
        } catch (RuntimeException e) {
          ended.completeExceptionally(e);
        }
      });
      ended.get(30, TimeUnit.SECONDS);
      requireForwarded(first, "the warm-up request");
      channel = new EmbeddedChannel();
      exchange = new FakeExchange(head, REQUEST_ID, PEER, channel.eventLoop(), ByteBufAllocator.DEFAULT);
      requests = new Requests(pipeline, exchange, terminal);
      exchange.reset();
      pipeline.start(exchange);
      requireForwarded(exchange, "a request after warm-up (a cache hit, answered without waiting)");
      checkUpstreamHeaders(terminal.headers);
      requireExchanges();
    }

    @TearDown
    public void tearDown() {
      try {
        if (requests != null) {
          requests.requireAllForwarded();
        }
        requireExchanges();
      } finally {
        channel.finishAndReleaseAll();
        fixture.close();
      }
    }

    void run(Blackhole blackhole) {
      requests.run(blackhole);
    }

    private String[] credential() {
      return switch (auth) {
        case "none" -> new String[0];
        case "api_key" -> new String[] {"X-API-Key", ChainFixture.API_KEY};
        case "jwt" -> new String[] {"Authorization", "Bearer " + fixture.clientJwt};
        default -> throw new IllegalArgumentException("auth must be none, api_key or jwt, was: " + auth);
      };
    }

    private void checkUpstreamHeaders(HttpHeaders upstream) {
      String expected = switch (auth) {
        case "api_key" -> "Bearer " + fixture.phantomToken;
        case "jwt" -> "Bearer " + fixture.clientJwt;
        default -> null;
      };
      String authorization = upstream.get(HttpHeaderNames.AUTHORIZATION);
      if (!Objects.equals(expected, authorization) || upstream.contains("X-API-Key")
          || upstream.contains(HttpHeaderNames.CONNECTION)
          || !PEER.getAddress().getHostAddress().equals(upstream.get("X-Forwarded-For"))) {
        throw new IllegalStateException("unexpected upstream headers for " + auth + ": " + upstream.names());
      }
    }

    /** Every API-key request but the first is a phantom-cache hit: one exchange in all. */
    private void requireExchanges() {
      int expected = auth.equals("api_key") ? 1 : 0;
      if (fixture.exchanges.get() != expected) {
        throw new IllegalStateException(fixture.exchanges.get() + " token exchanges, expected " + expected);
      }
    }
  }

  /**
   * The least a pipeline does per request: its context, a fixed route, the client's headers as the
   * upstream's (uncopied, uncleaned) and the same last filter.
   */
  @State(Scope.Thread)
  public static class Baseline {
    private EmbeddedChannel channel;
    private Pipeline pipeline;
    private Terminal terminal;
    private FakeExchange exchange;
    private Requests requests;

    @Setup
    public void setUp() {
      String path = ChainFixture.PATHS.get("none");
      RouteMatch match = (RouteMatch) ChainFixture.routeTable().match("api.example.com", "GET", path);
      terminal = new Terminal();
      pipeline = Pipeline.of(List.of((ctx, chain) -> {
        ctx.match(match);
        ctx.upstreamHeaders(ctx.exchange().head().headers());
        chain.proceed(ctx);
      }, terminal));
      channel = new EmbeddedChannel();
      exchange = new FakeExchange(request(path), REQUEST_ID, PEER, channel.eventLoop(), ByteBufAllocator.DEFAULT);
      requests = new Requests(pipeline, exchange, terminal);
      exchange.reset();
      pipeline.start(exchange);
      requireForwarded(exchange, "the baseline request");
    }

    @TearDown
    public void tearDown() {
      try {
        if (requests != null) {
          requests.requireAllForwarded();
        }
      } finally {
        channel.finishAndReleaseAll();
      }
    }

    void run(Blackhole blackhole) {
      requests.run(blackhole);
    }
  }

  @Benchmark
  public void chain(Chain chain, Blackhole blackhole) {
    chain.run(blackhole);
  }

  @Benchmark
  public void baseline(Baseline baseline, Blackhole blackhole) {
    baseline.run(blackhole);
  }

  /** The measured loop of either state: one request through the pipeline, counting any that fell short. */
  static final class Requests {
    private final Pipeline pipeline;
    private final FakeExchange exchange;
    private final Terminal terminal;
    private long problems;

    Requests(Pipeline pipeline, FakeExchange exchange, Terminal terminal) {
      this.pipeline = pipeline;
      this.exchange = exchange;
      this.terminal = terminal;
    }

    void run(Blackhole blackhole) {
      exchange.reset();
      pipeline.start(exchange);
      if (exchange.status() != 200) {
        problems++;
      }
      terminal.consume(blackhole);
    }

    void requireAllForwarded() {
      if (problems > 0) {
        throw new IllegalStateException(problems + " measured requests did not reach the last filter");
      }
    }
  }

  /**
   * Stands in for the forwarding filter: reads what it reads to build the upstream request (the
   * route, the forward path, the query, the upstream headers) and answers 200 with an empty body.
   */
  static final class Terminal implements GatewayFilter {
    private static final HttpResponse OK = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);

    private RouteMatch match;
    private String query;
    private HttpHeaders headers;

    @Override
    public void filter(GatewayContext ctx, FilterChain chain) {
      match = ctx.match();
      query = ctx.exchange().rawQuery();
      headers = ctx.upstreamHeaders();
      ctx.exchange().respond(OK);
      ctx.exchange().write(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    void consume(Blackhole blackhole) {
      blackhole.consume(match.route().upstreams());
      blackhole.consume(match.forwardPath());
      blackhole.consume(query);
      blackhole.consume(headers);
    }
  }

  /** A browser-like GET with the usual headers and, when given, a credential header. */
  static HttpRequest request(String path, String... credential) {
    HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path,
        DefaultHttpHeadersFactory.headersFactory().withValidation(true));
    head.headers()
        .add(HttpHeaderNames.HOST, "api.example.com")
        .add(HttpHeaderNames.USER_AGENT, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Safari/537.36")
        .add(HttpHeaderNames.ACCEPT, "application/json")
        .add(HttpHeaderNames.ACCEPT_ENCODING, "gzip, deflate, br")
        .add(HttpHeaderNames.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .add(HttpHeaderNames.CONNECTION, "keep-alive")
        .add("X-Request-Id", REQUEST_ID);
    for (int i = 0; i + 1 < credential.length; i += 2) {
      head.headers().add(credential[i], credential[i + 1]);
    }
    return head;
  }

  /** Fails set-up when the request was answered before the last filter (a 401 is not a benchmark). */
  static void requireForwarded(FakeExchange exchange, String what) {
    if (exchange.status() != 200) {
      String problem = exchange.problem().map(FilterChainBenchmark::describe).orElse("no answer yet");
      throw new IllegalStateException(what + " did not reach the last filter: status " + exchange.status()
          + ", " + problem);
    }
  }

  private static String describe(HttpException problem) {
    return problem.status() + " " + problem.title() + ": " + problem.detail();
  }

  private static InetSocketAddress peer() {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 1, 2, 3}), 54_321);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
