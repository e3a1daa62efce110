package io.gatehouse.bench;

import io.gatehouse.token.apikey.ApiKeyFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the gateway pays per API key before any cache lookup: the format and CRC32 check plus the
 * SHA-256 cache handle of a valid key, and the early refusal of a key with a bad checksum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class ApiKeyBenchmark {
  private final String valid = ApiKeyFormat.compose("AbCdEf012345", "x".repeat(14) + "Y".repeat(14));
  private final String badChecksum = valid.substring(0, valid.length() - 1) + (valid.endsWith("0") ? "1" : "0");

  @Benchmark
  public Optional<ApiKeyFormat.Parsed> parseValidKey() {
    return ApiKeyFormat.parse(valid);
  }

  @Benchmark
  public Optional<ApiKeyFormat.Parsed> refuseBadChecksum() {
    return ApiKeyFormat.parse(badChecksum);
  }
}
