package io.gatehouse.examples.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The service's own access token for one audience, from the {@code client_credentials} grant.
 * Kept until shortly before it expires ({@link #RENEW_BEFORE}, or half its lifetime when that is
 * shorter), so the auth service sees one request per token lifetime, not one per order.
 */
final class ClientCredentialsTokens {
  /** How long before expiry a token is replaced. */
  static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final URI tokenEndpoint;
  private final String basicAuthorization;
  private final String audience;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  ClientCredentialsTokens(HttpClient http, URI tokenEndpoint, String clientId, String clientSecret, String audience,
      Clock clock) {
    this.http = http;
    this.tokenEndpoint = tokenEndpoint;
    // RFC 6749 §2.3.1: id and secret are form-urlencoded inside Basic.
    String pair = encode(clientId) + ":" + encode(clientSecret);
    this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    this.audience = audience;
    this.clock = clock;
  }

  /**
   * A token valid for at least a little longer: the cached one, or a new one.
   *
   * @throws TokenUnavailableException when the auth service cannot be reached or refuses
   */
  synchronized String token() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  /** Forgets {@code rejected} (e.g. the receiver answered 401), so the next call fetches a new token. */
  synchronized void invalidate(String rejected) {
    if (rejected.equals(token)) {
      token = null;
    }
  }

  private void fetch() {
    Instant requested = clock.instant();
    HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
        .header("Authorization", basicAuthorization)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&audience=" + encode(audience)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TokenUnavailableException("token endpoint " + tokenEndpoint + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenUnavailableException("interrupted while asking for a token", e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new TokenUnavailableException("token endpoint answered " + response.statusCode() + " without JSON", e);
    }
    if (response.statusCode() != 200 || !body.path("access_token").isTextual()) {
      // The OAuth error and description say what is wrong (e.g. invalid_client); they hold no secret.
      throw new TokenUnavailableException("token endpoint answered " + response.statusCode() + ": "
          + body.path("error").asText("no error") + " " + body.path("error_description").asText(""), null);
    }
    Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(0));
    Duration margin = RENEW_BEFORE.compareTo(lifetime.dividedBy(2)) < 0 ? RENEW_BEFORE : lifetime.dividedBy(2);
    token = body.path("access_token").asText();
    renewAt = requested.plus(lifetime).minus(margin);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
