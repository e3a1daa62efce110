package io.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./gatehouse serve} as a real process: management endpoints, SIGTERM drain, config errors. */
class ServeIT {
  private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath();

  @TempDir Path dir;

  @Test
  void servesManagementEndpointsAndStopsCleanlyOnSigterm() throws Exception {
    int port = freePort();
    Path config = Files.writeString(dir.resolve("gatehouse.yaml"), "version: 1\nmanagement:\n  port: " + port + "\n");
    Process process = new ProcessBuilder(ROOT.resolve("gatehouse").toString(), "serve", "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    try {
      HttpResponse<String> health = waitForHealth(port);
      HttpResponse<String> metrics = get(port, "/metrics");

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("gatehouse_http_server_requests_seconds_count{listener=\"management\"");
    } finally {
      process.destroy(); // SIGTERM
    }
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isIn(0, 143);
    assertThat(Files.readString(dir.resolve("out.txt"))).contains("draining 1 listener(s)", "stopped");
  }

  @Test
  void invalidConfigExitsTwoBeforeBindingAnything() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "version: 1\nmanagement:\n  port: -1\n");
    Process process = new ProcessBuilder(ROOT.resolve("gatehouse").toString(), "serve", "--config", config.toString())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(out).contains("bad.yaml:3: management.port = \"-1\"");
  }

  private static HttpResponse<String> waitForHealth(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return get(port, "/healthz");
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("management listener did not come up", e);
        }
        Thread.sleep(100);
      }
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
