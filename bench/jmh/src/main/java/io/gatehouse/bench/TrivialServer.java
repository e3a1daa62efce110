package io.gatehouse.bench;

import io.gatehouse.http.handler.Response;
import io.gatehouse.http.handler.Router;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.http.server.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The HTTP core with one trivial handler (a fixed 100-byte body), for {@code bench/http-core}:
 * {@code java -cp gatehouse-benchmarks.jar io.gatehouse.bench.TrivialServer PORT [EVENT_LOOPS]}.
 */
public final class TrivialServer {
  /** The body nginx returns too: 100 bytes. */
  static final byte[] BODY = "x".repeat(99).concat("\n").getBytes(StandardCharsets.US_ASCII);

  private TrivialServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    int loops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    EventLoops eventLoops = EventLoops.create(loops);
    HttpServer server = HttpServer.builder().name("bench").port(port).eventLoops(eventLoops)
        .router(Router.builder().get("/", request -> Response.of(200, "text/plain", BODY)).build())
        .build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.drain();
      eventLoops.close();
      stopped.countDown();
    }));
    System.out.println("ready " + server.baseUrl());
    stopped.await();
  }
}
