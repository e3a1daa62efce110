package io.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code ./gatehouse} as a real process against the packaged jar. */
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath();

  @TempDir Path dir;

  @Test
  void helpWorksThroughTheLauncher() throws Exception {
    Result result = run("--help");

    assertThat(result.exitCode).isZero();
    assertThat(result.out).contains("Usage: gatehouse");
  }

  @Test
  void generatedKeyMintsATokenThatVerifiesAndTamperingIsRejected() throws Exception {
    Path key = dir.resolve("k.jwk");
    Result generated = run("keys", "generate", "--alg", "ES256", "--out", key.toString());
    Path jwks = Files.writeString(dir.resolve("jwks.json"), generated.out);
    Result minted = run("token", "mint", "--key", key.toString(), "--issuer", "http://127.0.0.1:9000",
        "--audience", "orders", "--subject", "alice", "--scope", "orders:read");
    String token = minted.out.trim();
    String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

    Result valid = run("token", "verify", "--jwks", jwks.toString(), "--issuer", "http://127.0.0.1:9000",
        "--audience", "orders", token);
    Result rejected = run("token", "verify", "--jwks", jwks.toString(), "--issuer", "http://127.0.0.1:9000",
        "--audience", "orders", tampered);
    Result usage = run("token", "verify", token);

    assertThat(generated.exitCode).isZero();
    assertThat(valid.exitCode).isZero();
    assertThat(valid.out).contains("\"sub\" : \"alice\"");
    assertThat(rejected.exitCode).isEqualTo(1);
    assertThat(rejected.out.trim()).isIn("bad_signature", "malformed");
    assertThat(usage.exitCode).isEqualTo(2);
  }

  @Test
  void capsTheHeapAndUsesTheSerialCollectorOnOneCoreUnlessToldOtherwise() throws Exception {
    String launcher = ROOT.resolve("gatehouse").toString();

    Result chosen = runWith("-XX:+PrintCommandLineFlags", "taskset", "-c", "0", launcher, "--version");
    Result told = runWith("-XX:+PrintCommandLineFlags -XX:+UseG1GC -Xmx1g", "taskset", "-c", "0", launcher, "--version");

    assertThat(chosen.exitCode).isZero();
    assertThat(chosen.out).contains("-XX:+UseSerialGC").contains("-XX:MaxHeapSize=536870912");
    assertThat(told.exitCode).isZero();
    assertThat(told.out).contains("-XX:+UseG1GC").contains("-XX:MaxHeapSize=1073741824").doesNotContain("UseSerialGC");
  }

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ROOT.resolve("gatehouse").toString());
    command.addAll(List.of(args));
    return start(new ProcessBuilder(command));
  }

  /** Runs a command with {@code GATEHOUSE_JAVA_OPTS} set. */
  private Result runWith(String javaOpts, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("GATEHOUSE_JAVA_OPTS", javaOpts);
    return start(builder);
  }

  private Result start(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.directory(dir.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
    return new Result(process.exitValue(), out);
  }

  private record Result(int exitCode, String out) {}
}
