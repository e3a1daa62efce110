package io.gatehouse.examples.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls inventory's {@code POST /inventory/items/{sku}/reserve} with the service's own token
 * (audience {@code inventory}). A 401 means the cached token went bad (e.g. its signing key was
 * removed): the token is dropped and the call tried once more with a new one.
 */
final class InventoryClient {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final String baseUrl;
  private final ClientCredentialsTokens tokens;

  InventoryClient(HttpClient http, String baseUrl, ClientCredentialsTokens tokens) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.tokens = tokens;
  }

  Reservation reserve(String sku, int quantity) {
    try {
      String token = tokens.token();
      HttpResponse<String> response = send(sku, quantity, token);
      if (response.statusCode() == 401) {
        tokens.invalidate(token);
        response = send(sku, quantity, tokens.token());
      }
      return answer(response);
    } catch (TokenUnavailableException e) {
      LOG.error("orders: no token for inventory: {}", e.getMessage());
      return new Reservation.Failed(503, "cannot get a token to call inventory; try again later");
    } catch (HttpTimeoutException e) {
      LOG.warn("orders: inventory timed out: {}", e.getMessage());
      return new Reservation.Failed(503, "inventory did not answer in time; try again later");
    } catch (IOException e) {
      LOG.warn("orders: inventory unreachable: {}", e.toString());
      return new Reservation.Failed(503, "inventory is unreachable; try again later");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reservation.Failed(503, "interrupted while calling inventory");
    }
  }

  private HttpResponse<String> send(String sku, int quantity, String token) throws IOException, InterruptedException {
    URI uri = URI.create(baseUrl + "/inventory/items/" + URLEncoder.encode(sku, StandardCharsets.UTF_8) + "/reserve");
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":" + quantity + "}"))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Reservation answer(HttpResponse<String> response) {
    int status = response.statusCode();
    switch (status) {
      case 200:
        return new Reservation.Reserved(json(response).path("remaining").asInt());
      case 404:
        return new Reservation.UnknownSku(json(response).path("detail").asText("no such sku"));
      case 409:
        return new Reservation.NotEnough(json(response).path("detail").asText("not enough stock"));
      default:
        // 401/403 here mean this service's client is misconfigured (permission, audience): not the caller's fault.
        LOG.error("orders: inventory answered {} to a reservation: {} {}", status,
            response.headers().firstValue("WWW-Authenticate").orElse(""), response.body());
        return new Reservation.Failed(502, "inventory refused the reservation (HTTP " + status + ")");
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
