package io.gatehouse.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls the admin API: fetches an admin token with client_credentials, then sends JSON requests. */
final class AdminClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final AdminOptions options;
  private String token;

  AdminClient(AdminOptions options) {
    this.options = options;
  }

  /** Sends a request to {@code /admin/v1<path>}; returns the parsed body, throws CliException on failure. */
  JsonNode call(String method, String path, Object body) {
    String json = body == null ? "" : Json.pretty(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.adminUrl() + "/admin/v1" + path))
        .timeout(TIMEOUT).header("Authorization", "Bearer " + token()).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() >= 300) {
      throw new CliException(method + " " + path + " failed: " + describe(response));
    }
    return response.body().isEmpty() ? Json.mapper().nullNode() : parse(response.body());
  }

  private String token() {
    if (token != null) {
      return token;
    }
    String credentials = encode(options.clientId()) + ":" + encode(options.clientSecret());
    HttpRequest request = HttpRequest.newBuilder(URI.create(options.authUrl() + "/oauth2/token")).timeout(TIMEOUT)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&audience=gatehouse-admin")).build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new CliException("cannot get an admin token from " + options.authUrl() + ": " + describe(response));
    }
    token = parse(response.body()).path("access_token").asText();
    return token;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", e);
    }
  }

  private static String describe(HttpResponse<String> response) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      return "HTTP " + response.statusCode();
    }
    String detail = body.hasNonNull("detail") ? body.get("detail").asText()
        : body.hasNonNull("error_description") ? body.get("error_description").asText() : body.path("error").asText("");
    return "HTTP " + response.statusCode() + (detail.isEmpty() ? "" : " — " + detail);
  }

  private static JsonNode parse(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new CliException("unexpected response: not JSON", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
