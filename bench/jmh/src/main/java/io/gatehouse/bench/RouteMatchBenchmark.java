package io.gatehouse.bench;

import io.gatehouse.gateway.route.RouteLookup;
import io.gatehouse.gateway.route.RouteMatch;
import io.gatehouse.gateway.route.RouteSpec;
import io.gatehouse.gateway.route.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The gateway's route lookup at 10, 1,000 and 10,000 routes: the aim is a cost that does not grow
 * with the table (10,000 ÷ 10 ≤ 1.2×). Routes are a realistic mix — service prefixes, templates
 * with one and two parameters, catch-alls under {@code /static}, a fifth of them on a host of
 * their own — and each lookup is for a request one of them matches (every tenth, a miss: 404 or
 * 405). The lookups cycle through {@code distinct} requests for routes picked at random: 64 is
 * traffic concentrated on a few hot routes, whose data stays in the CPU caches; 4,096 spreads it
 * over the whole table, so a large table also pays a cache miss for each route it touches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class RouteMatchBenchmark {
  private static final int REQUESTS = 4096;

  @Param({"10", "1000", "10000"})
  int routes;

  @Param({"64", "4096"})
  int distinct;

  private RouteTable table;
  private final String[] hosts = new String[REQUESTS];
  private final String[] methods = new String[REQUESTS];
  private final String[] paths = new String[REQUESTS];
  private int next;

  @Setup
  public void setUp() {
    List<RouteSpec> specs = new ArrayList<>();
    for (int i = 0; i < routes; i++) {
      specs.add(route(i));
    }
    table = RouteTable.of(specs);
    Random random = new Random(42);
    for (int r = 0; r < REQUESTS; r++) {
      request(r, random.nextInt(routes), r % 10 == 9);
    }
    for (int r = 0; r < REQUESTS; r++) {
      boolean miss = r % 10 == 9;
      if (table.match(hosts[r], methods[r], paths[r]) instanceof RouteMatch != !miss) {
        throw new IllegalStateException("request " + r + " " + methods[r] + " " + hosts[r] + paths[r]
            + (miss ? " matched" : " did not match"));
      }
    }
    for (int r = distinct; r < REQUESTS; r++) {
      hosts[r] = hosts[r % distinct];
      methods[r] = methods[r % distinct];
      paths[r] = paths[r % distinct];
    }
  }

  @Benchmark
  public RouteLookup match() {
    int r = next++ & (REQUESTS - 1);
    return table.match(hosts[r], methods[r], paths[r]);
  }

  private static RouteSpec route(int i) {
    RouteSpec.Builder route = RouteSpec.builder().id("r" + i).upstream("http://10.0.0." + (i % 250 + 1) + ":8080");
    return switch (i % 5) {
      case 0 -> route.pathPrefix("/svc" + i).stripPrefix(true).build();
      case 1 -> route.pathTemplate("/api/v1/svc" + i + "/{id}").methods(List.of("GET", "PUT")).build();
      case 2 -> route.pathTemplate("/api/v1/svc" + i + "/{id}/items/{item}").build();
      case 3 -> route.host("t" + i + ".example.com").pathPrefix("/api").build();
      default -> route.pathTemplate("/static/svc" + i + "/{path*}").methods(List.of("GET")).build();
    };
  }

  /** A request for route {@code i}, or one close to it that no route matches. */
  private void request(int r, int i, boolean miss) {
    hosts[r] = "api.example.com:8443";
    methods[r] = "GET";
    switch (i % 5) {
      case 0 -> paths[r] = miss ? "/svc" + i + "x/a/b" : "/svc" + i + "/orders/17/lines";
      case 1 -> {
        paths[r] = "/api/v1/svc" + i + "/8d3f2a";
        methods[r] = miss ? "DELETE" : "GET";
      }
      case 2 -> paths[r] = "/api/v1/svc" + i + "/42/items" + (miss ? "" : "/7");
      case 3 -> {
        hosts[r] = "t" + i + ".example.com";
        paths[r] = miss ? "/apx/orders" : "/api/orders/17";
      }
      default -> {
        paths[r] = "/static/svc" + i + "/css/app.min.css";
        methods[r] = miss ? "POST" : "GET";
      }
    }
  }
}
