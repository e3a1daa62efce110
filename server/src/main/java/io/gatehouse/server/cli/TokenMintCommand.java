package io.gatehouse.server.cli;

import io.gatehouse.token.TokenType;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.keys.SigningKey;
import io.gatehouse.token.mint.AccessTokenIssuer;
import io.gatehouse.token.mint.TokenRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse token mint}: signs an access token with a private JWK file, for testing verifiers. */
@Command(
    name = "mint",
    mixinStandardHelpOptions = true,
    description = {
      "Sign an RFC 9068 access token with a private JWK (from 'gatehouse keys generate').",
      "For testing services and verifiers; the auth service mints real tokens."
    })
final class TokenMintCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "Private JWK file.")
  Path keyFile;

  @Option(names = "--issuer", required = true, paramLabel = "ISS", description = "iss claim.")
  String issuer;

  @Option(names = "--audience", required = true, paramLabel = "AUD", description = "aud claim (repeatable).")
  List<String> audiences;

  @Option(names = "--subject", required = true, paramLabel = "SUB", description = "sub claim.")
  String subject;

  @Option(names = "--client-id", defaultValue = "gatehouse-cli", paramLabel = "ID",
      description = "client_id claim (default ${DEFAULT-VALUE}).")
  String clientId;

  @Option(names = "--scope", split = ",", paramLabel = "PERMISSION",
      description = "Permissions for the scope claim (comma-separated or repeated).")
  List<String> scopes = List.of();

  @Option(names = "--lifetime", defaultValue = "300", paramLabel = "SECONDS",
      description = "exp - iat in seconds (default ${DEFAULT-VALUE}).")
  long lifetimeSeconds;

  @Option(names = "--typ", defaultValue = "at+jwt", paramLabel = "TYP", description = "typ header: at+jwt (default) or jwt.")
  String type;

  @Override
  public Integer call() {
    TokenRequest request;
    try {
      TokenRequest.Builder builder = TokenRequest.builder().subject(subject).clientId(clientId)
          .scopes(scopes).lifetime(Duration.ofSeconds(lifetimeSeconds)).type(TokenType.fromConfig(type));
      audiences.forEach(builder::audience);
      request = builder.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    AccessTokenIssuer tokenIssuer = AccessTokenIssuer.builder().issuer(issuer).signingKey(loadKey()).build();
    spec.commandLine().getOut().println(tokenIssuer.mint(request).value());
    return ExitCodes.OK;
  }

  private SigningKey loadKey() {
    try {
      return SigningKey.fromJwkJson(Files.readString(keyFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CliException("cannot read key file " + keyFile + ": " + e.getMessage(), e);
    } catch (KeyException e) {
      throw new CliException("key file " + keyFile + ": " + e.getMessage(), e);
    }
  }
}
