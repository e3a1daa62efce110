package io.gatehouse.examples.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.gatehouse.sdk.AuthException;
import io.gatehouse.sdk.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: {@code GET /inventory/items} ({@code inventory:read}) and
 * {@code POST /inventory/items/{sku}/reserve} ({@code inventory:write}). The caller is the
 * token's {@code sub}; identity headers a client sends are never read.
 */
final class InventoryApi implements HttpHandler {
  static final String READ = "inventory:read";
  static final String WRITE = "inventory:write";

  private static final Logger LOG = LoggerFactory.getLogger(InventoryApi.class);
  private static final Pattern RESERVE = Pattern.compile("/inventory/items/([^/]+)/reserve");
  private static final int MAX_BODY = 16 * 1024;

  private final Stock stock;
  private final BearerAuth auth;

  InventoryApi(Stock stock, BearerAuth auth) {
    this.stock = stock;
    this.auth = auth;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      Matcher reserve = RESERVE.matcher(path);
      if (path.equals("/inventory/items")) {
        if (allowed(exchange, method, "GET")) {
          authorized(exchange, READ, () -> list(exchange));
        }
      } else if (reserve.matches()) {
        if (allowed(exchange, method, "POST")) {
          authorized(exchange, WRITE, () -> reserve(exchange, reserve.group(1)));
        }
      } else {
        Responses.problem(exchange, 404, "Not Found", "no such resource: " + path);
      }
    } catch (RuntimeException e) {
      LOG.error("inventory: request failed", e);
      throw e;
    }
  }

  /** The answer to a reservation. */
  record Reserved(String sku, int reserved, int remaining) {}

  private interface Action {
    void run() throws IOException;
  }

  private void authorized(HttpExchange exchange, String permission, Action action) throws IOException {
    Principal caller;
    try {
      caller = auth.authenticate(exchange, permission);
    } catch (AuthException e) {
      auth.reject(exchange, e);
      return;
    }
    LOG.debug("inventory: {} {} by {}", exchange.getRequestMethod(), exchange.getRequestURI(), caller.subject());
    action.run();
  }

  private static boolean allowed(HttpExchange exchange, String method, String allowed) throws IOException {
    if (method.equals(allowed)) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", allowed);
    Responses.problem(exchange, 405, "Method Not Allowed", "use " + allowed);
    return false;
  }

  private void list(HttpExchange exchange) throws IOException {
    Responses.json(exchange, 200, Map.of("items", stock.list()));
  }

  private void reserve(HttpExchange exchange, String sku) throws IOException {
    Integer quantity = quantity(exchange);
    if (quantity == null) {
      return;
    }
    if (!InventorySettings.SKU.matcher(sku).matches()) {
      Responses.problem(exchange, 404, "Not Found", "no item with this sku");
      return;
    }
    switch (stock.reserve(sku, quantity)) {
      case Reservation.Reserved reserved -> Responses.json(exchange, 200,
          new Reserved(sku, reserved.quantity(), reserved.item().available()));
      case Reservation.UnknownSku unknown -> Responses.problem(exchange, 404, "Not Found", "no item with sku " + sku);
      case Reservation.NotEnough notEnough -> Responses.problem(exchange, 409, "Conflict",
          "not enough stock of " + sku + ": " + notEnough.available() + " available, " + quantity + " asked");
    }
  }

  /** The body's positive {@code quantity}, or null after answering 400/413/415. */
  private static Integer quantity(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      Responses.problem(exchange, 415, "Unsupported Media Type", "send application/json");
      return null;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      Responses.problem(exchange, 413, "Content Too Large", "the body must be at most " + MAX_BODY + " bytes");
      return null;
    }
    JsonNode quantity;
    try {
      quantity = Responses.JSON.readTree(body).path("quantity");
    } catch (IOException e) {
      Responses.problem(exchange, 400, "Bad Request", "the body is not JSON");
      return null;
    }
    if (!quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.intValue() < 1) {
      Responses.problem(exchange, 400, "Bad Request", "quantity must be a positive integer");
      return null;
    }
    return quantity.intValue();
  }
}
