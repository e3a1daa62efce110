package io.gatehouse.server.cli;

import io.gatehouse.sdk.jwks.JwksStatus;
import io.gatehouse.sdk.jwks.RemoteJwks;
import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.KeyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a JWKS for the command line from a file, or once from an http(s) URL through the SDK's fetcher. */
final class JwksLoader {
  private static final int MAX_BYTES = RemoteJwks.DEFAULT_MAX_RESPONSE_BYTES;

  private JwksLoader() {}

  static PublicJwks load(String location) {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      return fetch(location);
    }
    try {
      return PublicJwks.parse(read(Path.of(location)));
    } catch (KeyException e) {
      throw new CliException("JWKS " + location + ": " + e.getMessage(), e);
    }
  }

  private static PublicJwks fetch(String url) {
    try (RemoteJwks remote = RemoteJwks.builder().jwksUri(url).build()) {
      JwksStatus status = remote.refresh();
      if (!status.available()) {
        throw new CliException("cannot fetch JWKS " + url + ": " + status.lastFailure().orElse("unknown error"));
      }
      return PublicJwks.of(remote.all());
    }
  }

  private static String read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CliException("JWKS file " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("JWKS file not found: " + file, e);
    } catch (IOException e) {
      throw new CliException("cannot read JWKS file " + file + ": " + e.getMessage(), e);
    }
  }
}
