package io.gatehouse.bench;

import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.TokenVerifier;
import io.gatehouse.token.jwks.PublicJwks;
import java.util.List;
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

/** The SDK's verified-token cache: a hit (hash + lookup + expiry check) against a full verify. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class VerifiedTokenCacheBenchmark {
  @Param({"ACCP"})
  String provider;

  private TokenFixture fixture;
  private TokenVerifier cached;
  private TokenVerifier uncached;

  @Setup
  public void setUp() {
    fixture = new TokenFixture("ES256", provider);
    PublicJwks keys = PublicJwks.of(List.of(fixture.key.verificationKey()));
    cached = TokenVerifier.builder().issuer(TokenFixture.ISSUER).audience(TokenFixture.AUDIENCE).keys(keys)
        .cryptoProvider(fixture.provider).build();
    uncached = TokenVerifier.builder().issuer(TokenFixture.ISSUER).audience(TokenFixture.AUDIENCE).keys(keys)
        .cryptoProvider(fixture.provider).cacheSize(0).build();
    cached.verify(fixture.token);
  }

  @TearDown
  public void tearDown() {
    cached.close();
    uncached.close();
  }

  @Benchmark
  public Principal cacheHit() {
    return cached.verify(fixture.token);
  }

  @Benchmark
  public Principal uncachedVerify() {
    return uncached.verify(fixture.token);
  }
}
