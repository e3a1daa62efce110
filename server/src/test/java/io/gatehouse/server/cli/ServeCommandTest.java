package io.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.auth.AuthService;
import io.gatehouse.auth.AuthSettings;
import io.gatehouse.auth.apikeys.AuthChanges;
import io.gatehouse.auth.keys.KeySettings;
import io.gatehouse.auth.oauth.TokenSettings;
import io.gatehouse.http.management.Readiness;
import io.gatehouse.http.server.EventLoops;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse serve} failures that happen before anything is served, in-process. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void aChangedMasterKeyStopsStartUpWithOneLineSayingWhatToRestore() throws Exception {
    Path dataDir = dir.resolve("data");
    sealSigningKeysWithAnotherMasterKey(dataDir);
    Path config = Files.writeString(dir.resolve("gatehouse.yaml"), """
        version: 1
        management:
          enabled: false
        auth:
          data-dir: data
          issuer: http://127.0.0.1:9000
          listener:
            port: 0
          admin:
            port: 0
        """);

    CommandRun run = CommandRun.of("serve", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).startsWith("gatehouse: the auth service cannot start: ")
        .contains("different master key", "restore the original GATEHOUSE_MASTER_KEY or master.key")
        .doesNotContain("\tat ");
  }

  /** A first start whose master key the server will not find: it is only in this start's environment. */
  private static void sealSigningKeysWithAnotherMasterKey(Path dataDir) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    AuthSettings settings = new AuthSettings(dataDir, Optional.empty(), new AuthSettings.Listener("127.0.0.1", 0),
        new AuthSettings.Listener("127.0.0.1", 0),
        new KeySettings(SigningAlgorithm.ES256, Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofMinutes(20),
            Duration.ofMinutes(1)),
        new TokenSettings("http://127.0.0.1:9000", Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofDays(30),
            Map.of(), Duration.ofSeconds(30)),
        Optional.empty());
    try (EventLoops loops = EventLoops.create(1)) {
      AuthService.start(settings, loops, new SimpleMeterRegistry(), new Readiness(), AuthChanges.NONE,
          Map.of("GATEHOUSE_MASTER_KEY", Base64.getEncoder().encodeToString(key)), Clock.systemUTC()).close();
    }
  }
}
