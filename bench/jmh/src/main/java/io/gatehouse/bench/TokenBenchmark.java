package io.gatehouse.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.gatehouse.token.mint.MintedToken;
import io.gatehouse.token.verify.VerifiedToken;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
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
 * Mint and verify throughput per algorithm and provider, and Gatehouse's strict verifier against
 * bare Nimbus (parse, the same signature verifier object, Nimbus's claims checks).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class TokenBenchmark {
  @Param({"ES256", "EdDSA", "RS256"})
  String algorithm;

  @Param({"ACCP", "JDK"})
  String provider;

  private TokenFixture fixture;
  private DefaultJWTClaimsVerifier<?> nimbusClaims;
  private JWSHeader header;
  private byte[] signingInput;

  @Setup
  public void setUp() {
    fixture = new TokenFixture(algorithm, provider);
    nimbusClaims = new DefaultJWTClaimsVerifier<>(TokenFixture.AUDIENCE,
        new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).build(),
        Set.of("exp", "iat", "iss", "sub", "aud"));
    header = new JWSHeader(fixture.key.algorithm().jwsAlgorithm());
    signingInput = fixture.token.substring(0, fixture.token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
  }

  @Benchmark
  public MintedToken mint() {
    return fixture.issuer.mint(fixture.request);
  }

  /** Baseline for mint: the signature alone over a token-sized signing input. */
  @Benchmark
  public Base64URL signatureOnly() throws JOSEException {
    return fixture.key.signer(fixture.provider).sign(header, signingInput);
  }

  @Benchmark
  public VerifiedToken verify() {
    return fixture.verifier.verify(fixture.token);
  }

  @Benchmark
  public JWTClaimsSet verifyBareNimbus() throws ParseException, JOSEException, BadJWTException {
    SignedJWT jwt = SignedJWT.parse(fixture.token);
    if (!jwt.verify(fixture.key.verificationKey().verifier(fixture.provider))) {
      throw new IllegalStateException("signature did not verify");
    }
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    nimbusClaims.verify(claims, null);
    return claims;
  }
}
