package io.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse validate} on the gateway's configuration. */
class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void theExampleInTheGatewayDocsIsValid() throws IOException {
    String docs = Files.readString(Path.of("../docs/gateway.md"));
    Matcher example = Pattern.compile("## Example.*?```yaml\n(.*?)```", Pattern.DOTALL).matcher(docs);
    assertThat(example.find()).as("docs/gateway.md has an example").isTrue();
    Path file = Files.writeString(dir.resolve("gateway.yaml"), example.group(1));

    CommandRun run = CommandRun.of("validate", "--config", file.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(example.group(1)).contains("trusted-proxies", "retry-budget", "health-check", "cors",
        "least-in-flight", "min-retries", "unhealthy-threshold", "auth: api-key", "permissions", "rate-limits",
        "failed-auth-per-address", "negative-ttl");
  }

  @Test
  void reportsEveryGatewayErrorAtOnceWithLineAndReason() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), """
        version: 1
        gateway:
          trusted-proxies: [10.0.0.1/8, proxy.example.com]
          routes:
            - id: a
              match: {path-prefix: /a}
              upstreams: [http://127.0.0.1:7001]
              auth: none
              retry-budget: {percent: 150, window: 500ms}
              health-check: {interval: 1s, timeout: 5s, healthy-threshold: 0}
            - id: b
              match: {path-prefix: /b}
              upstreams: [http://127.0.0.1:7002]
              auth: none
              health-check: {path: /healthz, interval: 1s, timeout: 5s}
        """);

    CommandRun run = CommandRun.of("validate", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(
        file + ":3: gateway.trusted-proxies",
        "(bits are set after the /8 prefix), was: \"10.0.0.1/8\"", "was: \"proxy.example.com\"",
        "gateway.routes[0].retry-budget.window", "retry-budget.window must be from 1s to 5m",
        file + ":9: gateway.routes[0].retry-budget.percent = \"150\": must be an integer from 0 to 100",
        file + ":10: gateway.routes[0].health-check.path",
        "is required",
        "gateway.routes[0].health-check.healthy-threshold = \"0\": must be an integer from 1 to 10",
        "gateway.routes[1].health-check",
        "health-check.timeout must not be longer than the interval");
  }
}
