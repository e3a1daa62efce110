package io.gatehouse.server.cli;

import io.gatehouse.token.jwks.PublicJwks;
import io.gatehouse.token.keys.KeyException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/** Loads a JWKS for the command line from a file or an http(s) URL. */
final class JwksLoader {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_BYTES = 512 * 1024;

  private JwksLoader() {}

  static PublicJwks load(String location) {
    String json = location.startsWith("http://") || location.startsWith("https://")
        ? fetch(location) : read(Path.of(location));
    try {
      return PublicJwks.parse(json);
    } catch (KeyException e) {
      throw new CliException("JWKS " + location + ": " + e.getMessage(), e);
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

  private static String fetch(String url) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Accept", "application/jwk-set+json, application/json").GET().build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new CliException("JWKS " + url + " answered HTTP " + response.statusCode());
      }
      if (response.body().length > MAX_BYTES) {
        throw new CliException("JWKS " + url + " is larger than " + MAX_BYTES + " bytes");
      }
      return new String(response.body(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot fetch JWKS " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while fetching JWKS " + url, e);
    }
  }
}
