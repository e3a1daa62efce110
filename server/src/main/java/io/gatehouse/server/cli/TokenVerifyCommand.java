package io.gatehouse.server.cli;

import io.gatehouse.token.TokenType;
import io.gatehouse.token.verify.AccessTokenVerifier;
import io.gatehouse.token.verify.TokenRejectedException;
import io.gatehouse.token.verify.VerifiedToken;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse token verify}: verifies a token; prints its claims, or the rejection code. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an access token against a JWKS.",
      "Valid: prints the verified claims as JSON, exit 0.",
      "Rejected: prints the reason code (e.g. expired, bad_signature) on stdout, details on stderr, exit 1."
    })
final class TokenVerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--jwks", required = true, paramLabel = "FILE|URL", description = "JWKS file or http(s) URL.")
  String jwks;

  @Option(names = "--issuer", required = true, paramLabel = "ISS", description = "Exact expected iss.")
  String issuer;

  @Option(names = "--audience", required = true, paramLabel = "AUD", description = "Audience the token must name.")
  String audience;

  @Option(names = "--typ", defaultValue = "at+jwt", paramLabel = "TYP",
      description = "Required typ header: at+jwt (default), jwt, or any.")
  String type;

  @Option(names = "--clock-skew", defaultValue = "30", paramLabel = "SECONDS",
      description = "Tolerated clock difference in seconds (default ${DEFAULT-VALUE}).")
  long clockSkewSeconds;

  @Parameters(index = "0", paramLabel = "TOKEN", description = "The token, or - to read it from stdin.")
  String token;

  @Override
  public Integer call() {
    AccessTokenVerifier verifier = verifier();
    try {
      VerifiedToken verified = verifier.verify(TokenArgument.read(token, System.in));
      spec.commandLine().getOut().println(Json.pretty(verified.claims()));
      return ExitCodes.OK;
    } catch (TokenRejectedException e) {
      spec.commandLine().getOut().println(e.reason().code());
      spec.commandLine().getErr().println("gatehouse: token rejected: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }

  private AccessTokenVerifier verifier() {
    AccessTokenVerifier.Builder builder;
    try {
      builder = AccessTokenVerifier.builder().issuer(issuer).audience(audience)
          .clockSkew(Duration.ofSeconds(clockSkewSeconds));
      if ("any".equalsIgnoreCase(type)) {
        builder.anyType();
      } else {
        builder.requireType(TokenType.fromConfig(type));
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return builder.keys(JwksLoader.load(jwks)).build();
  }
}
