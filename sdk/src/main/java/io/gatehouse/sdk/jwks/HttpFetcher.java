package io.gatehouse.sdk.jwks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** GETs small documents: bounded connect and total time, bounded size, redirects not followed. */
final class HttpFetcher {
  private final HttpClient client;
  private final Duration requestTimeout;
  private final int maxBytes;

  HttpFetcher(Duration connectTimeout, Duration requestTimeout, int maxBytes) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.requestTimeout = requestTimeout;
    this.maxBytes = maxBytes;
  }

  /** A 200 response's body and its {@code Cache-Control} lifetime. */
  record Response(String body, Optional<Duration> maxAge) {}

  /**
   * Fetches a URL; anything but a complete 200 response within the limits is an error.
   *
   * @throws IOException with a short reason
   */
  Response get(URI uri, String accept) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", accept).GET().build();
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request,
        info -> new BoundedBody(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1)));
    HttpResponse<byte[]> response = await(pending, uri);
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + uri);
    }
    return new Response(new String(response.body(), StandardCharsets.UTF_8), maxAge(response.headers()));
  }

  // The request timeout stops at the response headers; this deadline also covers the body.
  private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> pending, URI uri) throws IOException {
    try {
      return pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw timedOut(uri);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching " + uri);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        // The client's own timeout (the same duration, up to the headers) can win the race.
        throw timedOut(uri);
      }
      String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
      throw new IOException(uri + ": " + reason, cause);
    }
  }

  private HttpTimeoutException timedOut(URI uri) {
    return new HttpTimeoutException("no complete response from " + uri + " within " + requestTimeout.toMillis() + " ms");
  }

  /** {@code max-age} in seconds; {@code no-cache} and {@code no-store} count as zero. */
  static Optional<Duration> maxAge(HttpHeaders headers) {
    for (String value : headers.allValues("Cache-Control")) {
      for (String directive : value.split(",")) {
        String name = directive.trim().toLowerCase(Locale.ROOT);
        if (name.equals("no-cache") || name.equals("no-store")) {
          return Optional.of(Duration.ZERO);
        }
        if (name.startsWith("max-age=")) {
          try {
            long seconds = Long.parseLong(name.substring("max-age=".length()).replace("\"", ""));
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }
}
