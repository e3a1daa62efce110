package io.gatehouse.server.cli;

import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.KeyException;
import io.gatehouse.token.keys.SigningAlgorithm;
import io.gatehouse.token.keys.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse keys generate}: writes a new private JWK (mode 0600) and prints its public JWKS. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a signing key. Writes the private JWK to FILE with mode 0600 (never overwrites)",
      "and prints the public JWKS to stdout."
    })
final class KeysGenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--alg", defaultValue = "ES256", paramLabel = "ALG",
      description = "ES256 (default), EdDSA (Ed25519) or RS256.")
  String algorithm;

  @Option(names = "--rsa-bits", defaultValue = "2048", paramLabel = "BITS",
      description = "RSA modulus size for RS256, at least 2048 (default ${DEFAULT-VALUE}).")
  int rsaBits;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the private JWK (default gatehouse-<kid>.jwk).")
  Path out;

  @Override
  public Integer call() {
    SigningAlgorithm alg;
    try {
      alg = SigningAlgorithm.parse(algorithm);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    SigningKey key;
    try {
      key = SigningKey.generate(alg, rsaBits);
    } catch (KeyException e) {
      throw new CliException(e.getMessage(), e);
    }
    Path file = out != null ? out : Path.of("gatehouse-" + key.kid() + ".jwk");
    writePrivate(file, key.toPrivateJwkJson());
    spec.commandLine().getOut().println(PublicJwks.of(List.of(key.verificationKey())).toJson());
    spec.commandLine().getErr().println("gatehouse: private key " + key.kid() + " written to " + file + " (mode 0600)");
    return ExitCodes.OK;
  }

  private static void writePrivate(Path file, String json) {
    try {
      // Created with 0600 from the start, so the key is never readable by others, even briefly.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException e) {
      throw new CliException("refusing to overwrite " + file, e);
    } catch (IOException | UnsupportedOperationException e) {
      throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
